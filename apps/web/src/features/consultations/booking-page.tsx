import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, Card, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { TOPICS, type Mentor, type Slot, type Topic } from '@/api/types';
import { hasRole, RequireAuth, useMe, useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { QueryState } from '@/ui/states';
import { BookingError, isSlotGone } from './booking-errors';
import { mentorKeys } from './keys';
import { useBook, useMentor } from './queries';
import { WeekView } from './week-view';

function BookingForm({ mentor, slot, onChangeSlot, onSlotGone }: { mentor: Mentor; slot: Slot; onChangeSlot: () => void; onSlotGone: (error: unknown) => void }) {
  const { t, lang } = useT();
  const zone = useZone();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const wanted = params.get('topic') as Topic | null;
  const [topic, setTopic] = useState<Topic | null>(wanted && TOPICS.includes(wanted) ? wanted : mentor.topics.length === 1 ? mentor.topics[0] : null);
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState(false);
  const book = useBook(mentor);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!topic) return;
    book.mutate(
      { mentorId: mentor.id, start: slot.start, topic, note: note.trim() || undefined },
      {
        onSuccess: (c) => void navigate(`/consultations/${c.id}/confirmed`),
        onError: (error) => isSlotGone(error) && onSlotGone(error),
      },
    );
  };
  // Topics the mentor covers first, then the rest.
  const topics = [...mentor.topics, ...TOPICS.filter((tp) => !mentor.topics.includes(tp))];
  return (
    <Card withBorder component="form" onSubmit={submit} noValidate data-testid="booking-form">
      <Stack gap="sm">
        <Title order={2} size="h4" ref={heading} tabIndex={-1}>
          {t('consultations.booking.chosen')}
        </Title>
        <Group justify="space-between" gap="xs">
          <Text fw={600} data-testid="chosen-slot">
            {formatDateTime(slot.start, lang, zone)}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={onChangeSlot}>
            {t('consultations.booking.changeSlot')}
          </Button>
        </Group>
        <Select
          label={t('consultations.booking.topic')}
          placeholder={t('consultations.booking.topicPlaceholder')}
          required
          data={topics.map((tp) => ({ value: tp, label: t(`common.topics.${tp}`) }))}
          value={topic}
          onChange={(v) => setTopic(v as Topic | null)}
          error={touched && !topic ? t('consultations.booking.required') : undefined}
          errorProps={{ c: 'red.9' }}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea label={t('consultations.booking.note')} description={t('consultations.booking.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={3} />
        {book.error && !isSlotGone(book.error) && <BookingError error={book.error} />}
        <Button type="submit" loading={book.isPending} fullWidth>
          {t('consultations.booking.submit')}
        </Button>
      </Stack>
    </Card>
  );
}

function Booking() {
  const { t } = useT();
  const { id = '' } = useParams();
  const { me } = useMe();
  const zone = useZone();
  const client = useQueryClient();
  const mentor = useMentor(id);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [around, setAround] = useState<string | null>(null);
  const [gone, setGone] = useState<unknown>(null);
  const canBook = hasRole(me, 'entrepreneur');

  const onSlotGone = (error: unknown) => {
    // Drop the week's cached slots: the picker opens again on fresh ones, without the one just taken.
    client.removeQueries({ queryKey: mentorKeys.slots(id) });
    setAround(slot?.start ?? null);
    setSlot(null);
    setGone(error);
  };

  return (
    <QueryState query={mentor}>
      {(m) => (
        <Stack>
          <Anchor component={Link} to="/mentors" size="sm">
            ← {t('consultations.mentors.title')}
          </Anchor>
          <Title order={1} size="h2">
            {t('consultations.booking.title', { name: m.name })}
          </Title>
          <Group gap={6}>
            {m.topics.map((tp) => (
              <Badge key={tp} variant="outline" color="gray" tt="none" fw={500}>
                {t(`common.topics.${tp}`)}
              </Badge>
            ))}
          </Group>
          {!canBook && <Alert color="blue">{t('consultations.booking.mentorOnly')}</Alert>}
          {slot && canBook ? (
            <BookingForm mentor={m} slot={slot} onChangeSlot={() => {
                setAround(slot.start);
                setSlot(null);
              }} onSlotGone={onSlotGone} />
          ) : (
            <section aria-labelledby="pick-slot">
              <Title order={2} size="h4" id="pick-slot" mb="xs">
                {t('consultations.booking.pickSlot')}
              </Title>
              <WeekView
                mentorId={m.id}
                zone={zone}
                selected={around}
                onPick={(s) => {
                  setGone(null);
                  if (canBook) setSlot(s);
                }}
                notice={gone ? <BookingError error={gone} /> : undefined}
              />
            </section>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

export function BookingPage() {
  return (
    <RequireAuth>
      <Booking />
    </RequireAuth>
  );
}
