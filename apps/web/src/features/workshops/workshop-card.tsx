import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Workshop } from '@/api/types';
import { useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { nextSession } from './sessions';

/** Seats left, or "Daftar tunggu" when the workshop is full. */
export function SeatsBadge({ workshop }: { workshop: Pick<Workshop, 'seatsLeft'> }) {
  const { t } = useT();
  return workshop.seatsLeft > 0 ? (
    <Badge variant="outline" color="teal.9" data-testid="seats">
      {t('workshops.list.seatsLeft', { count: workshop.seatsLeft })}
    </Badge>
  ) : (
    <Badge variant="light" color="orange" c="dark.8" data-testid="seats">
      {t('workshops.list.waitlist')}
    </Badge>
  );
}

export function WorkshopCard({ workshop }: { workshop: Workshop }) {
  const { t, lang } = useT();
  const zone = useZone();
  const next = nextSession(workshop);
  return (
    <Card withBorder component="article" data-testid="workshop-card" aria-labelledby={`w-${workshop.id}`}>
      <Stack gap={6}>
        <Group gap={6}>
          <Badge variant="outline" color="gray.8">
            {t(`common.topics.${workshop.topic}`)}
          </Badge>
          <SeatsBadge workshop={workshop} />
        </Group>
        <Title order={2} size="h4" id={`w-${workshop.id}`}>
          <Text component={Link} to={`/workshops/${workshop.id}`} inherit c="teal.9" td="underline">
            {workshop.title}
          </Text>
        </Title>
        {next && <Text size="sm">{t('workshops.list.nextSession', { date: formatDateTime(next.start, lang, zone) })}</Text>}
        <Text size="sm" c="dimmed">
          {t('workshops.list.sessions', { count: workshop.sessions.length })}
          {workshop.speakers.length > 0 && ` · ${workshop.speakers.map((s) => s.name).join(', ')}`}
        </Text>
      </Stack>
    </Card>
  );
}
