import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { TOPICS, type Mentor, type Topic } from '@/api/types';
import { RequireAuth, useMe } from '@/lib/auth';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { useKelurahanNames, useMentors } from './queries';

const isTopic = (v: string | null): v is Topic => !!v && (TOPICS as string[]).includes(v);

function MentorCard({ mentor, topic }: { mentor: Mentor; topic: Topic | null }) {
  const { t } = useT();
  const names = useKelurahanNames(mentor.kelurahanCodes);
  const areas = mentor.kelurahanCodes.map((c) => names.get(c) ?? c).join(', ');
  return (
    <Card withBorder component="article" data-testid="mentor-card" aria-labelledby={`mentor-${mentor.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Title order={2} size="h4" id={`mentor-${mentor.id}`}>
            {mentor.name}
          </Title>
          {mentor.assigned && (
            <Badge variant="light" color="teal" c="dark.8">
              {t('consultations.mentors.assigned')}
            </Badge>
          )}
        </Group>
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {t('consultations.mentors.topics')}
          </Text>
          <Group gap={6} mt={2}>
            {mentor.topics.map((tp) => (
              <Badge key={tp} variant={tp === topic ? 'filled' : 'outline'} color="gray" tt="none" fw={500}>
                {t(`common.topics.${tp}`)}
              </Badge>
            ))}
          </Group>
        </div>
        {areas && (
          <div>
            <Text size="xs" c="dimmed" fw={600}>
              {t('consultations.mentors.areas')}
            </Text>
            <Text size="sm">{areas}</Text>
          </div>
        )}
        <Button component={Link} to={`/mentors/${mentor.id}${topic ? `?topic=${topic}` : ''}`} aria-label={t('consultations.mentors.bookWith', { name: mentor.name })} fullWidth={false} style={{ alignSelf: 'flex-start' }}>
          {t('consultations.mentors.book')}
        </Button>
      </Stack>
    </Card>
  );
}

function Mentors() {
  const { t } = useT();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const raw = params.get('topic');
  const topic = isTopic(raw) ? raw : null;
  const mentors = useMentors(me?.business?.kelurahanCode ?? null, topic);
  const setTopic = (v: string | null) => setParams(isTopic(v) ? { topic: v } : {}, { replace: true });
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('consultations.mentors.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('consultations.mentors.intro')}
      </Text>
      <Select
        label={t('consultations.mentors.topic')}
        data={[{ value: 'all', label: t('consultations.mentors.allTopics') }, ...TOPICS.map((tp) => ({ value: tp, label: t(`common.topics.${tp}`) }))]}
        value={topic ?? 'all'}
        onChange={setTopic}
        allowDeselect={false}
        maw={360}
        comboboxProps={{ withinPortal: true }}
      />
      <QueryState query={mentors} loading={t('consultations.mentors.loading')}>
        {(data) => {
          const items = data.pages.flatMap((p) => p.items);
          if (items.length === 0)
            return (
              <Empty title={t('consultations.mentors.empty')} action={topic && <Button variant="outline" onClick={() => setTopic(null)}>{t('consultations.mentors.showAll')}</Button>}>
                {t('consultations.mentors.emptyHint')}
              </Empty>
            );
          return (
            <Stack>
              {items.map((m) => (
                <MentorCard key={m.id} mentor={m} topic={topic} />
              ))}
              {mentors.hasNextPage && (
                <Button variant="default" onClick={() => void mentors.fetchNextPage()} loading={mentors.isFetchingNextPage}>
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

export function MentorsPage() {
  return (
    <RequireAuth>
      <Mentors />
    </RequireAuth>
  );
}
