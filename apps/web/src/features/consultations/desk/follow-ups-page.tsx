import { useState } from 'react';
import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { FollowUp } from '@/api/types';
import { useZone } from '@/lib/auth';
import { formatDate } from '@/lib/datetime';
import { useT } from '@/i18n';
import { StaffPage } from '@/ui/staff-page';
import { Empty, ErrorState, QueryState } from '@/ui/states';
import { useFollowUpDone, useFollowUps } from './queries';

// A follow-up date is a calendar date in the mentor's zone: 05:00Z is the same date in every Indonesian zone.
const onDate = (day: string) => `${day}T05:00:00Z`;

function FollowUpItem({ f, onDone }: { f: FollowUp; onDone: (f: FollowUp) => void }) {
  const { t, lang } = useT();
  const zone = useZone();
  const done = useFollowUpDone();
  const date = formatDate(onDate(f.followUpOn), lang, zone);
  return (
    <Card withBorder padding="sm" component="article" data-testid="follow-up" data-id={f.consultationId} data-overdue={f.overdue} style={f.overdue ? { borderLeft: '4px solid var(--mantine-color-red-7)' } : undefined}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={2}>
            <Text fw={700}>{f.entrepreneurName}</Text>
            <Text size="sm" fw={600} c={f.overdue ? 'red.9' : undefined} data-testid="follow-up-date">
              {f.overdue ? t('mentorDesk.followUps.overdueSince', { date }) : t('mentorDesk.followUps.due', { date })}
            </Text>
          </Stack>
          {f.overdue && (
            <Badge color="red" c="red.9" variant="light" leftSection={<IconAlertTriangle size={12} aria-hidden />}>
              {t('mentorDesk.followUps.overdue')}
            </Badge>
          )}
        </Group>
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
          {f.summary}
        </Text>
        {f.actions.length > 0 && (
          <List size="sm" spacing={2}>
            {f.actions.map((a, i) => (
              <List.Item key={i}>{a}</List.Item>
            ))}
          </List>
        )}
        {done.error && <ErrorState error={done.error} />}
        <Group gap="xs">
          <Button size="sm" leftSection={<IconCheck size={16} aria-hidden />} loading={done.isPending} aria-label={t('mentorDesk.followUps.doneOf', { name: f.entrepreneurName })} onClick={() => done.mutate(f.consultationId, { onSuccess: () => onDone(f) })}>
            {t('mentorDesk.followUps.done')}
          </Button>
          <Button component={Link} to={`/consultations/${f.consultationId}`} variant="outline" size="sm">
            {t('mentorDesk.followUps.consultation')}
          </Button>
          <Button component={Link} to={`/entrepreneurs/${f.entrepreneurId}`} variant="subtle" size="sm" aria-label={t('mentorDesk.followUps.profileOf', { name: f.entrepreneurName })}>
            {t('mentorDesk.followUps.profile')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function FollowUpGroup({ id, title, items, onDone, empty }: { id: string; title: string; items: FollowUp[]; onDone: (f: FollowUp) => void; empty?: string }) {
  return (
    <Stack gap="xs" component="section" aria-labelledby={id} data-testid={id}>
      <Title order={2} size="h4" id={id}>
        {title} ({items.length})
      </Title>
      {items.length === 0 && empty ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        items.map((f) => <FollowUpItem key={f.consultationId} f={f} onDone={onDone} />)
      )}
    </Stack>
  );
}

function FollowUps() {
  const { t } = useT();
  const list = useFollowUps();
  const [justDone, setJustDone] = useState<string | null>(null);
  const onDone = (f: FollowUp) => setJustDone(t('mentorDesk.followUps.doneToast', { name: f.entrepreneurName }));
  return (
    <Stack gap="md" data-testid="follow-ups">
      <Text c="dimmed" size="sm">
        {t('mentorDesk.followUps.lead')}
      </Text>
      {justDone && (
        <Alert color="teal" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setJustDone(null)} data-testid="done">
          {justDone}
        </Alert>
      )}
      <QueryState query={list} loading={t('mentorDesk.followUps.loading')}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0) return <Empty title={t('mentorDesk.followUps.empty')}>{t('mentorDesk.followUps.emptyHint')}</Empty>;
          const overdue = items.filter((f) => f.overdue);
          return (
            <Stack gap="lg">
              {overdue.length > 0 && <FollowUpGroup id="overdue-follow-ups" title={t('mentorDesk.followUps.overdueHeading')} items={overdue} onDone={onDone} />}
              <FollowUpGroup id="upcoming-follow-ups" title={t('mentorDesk.followUps.upcomingHeading')} items={items.filter((f) => !f.overdue)} onDone={onDone} empty={t('mentorDesk.followUps.emptyUpcoming')} />
              {list.hasNextPage && (
                <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'center' }}>
                  {t('common.more')}
                </Button>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** Tindak lanjut: the follow-ups the mentor promised, overdue first, each marked done in one tap. */
export function FollowUpsPage() {
  const { t } = useT();
  return (
    <StaffPage area="mentor" title={t('mentorDesk.followUps.title')}>
      <FollowUps />
    </StaffPage>
  );
}
