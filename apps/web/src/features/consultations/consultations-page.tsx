import { useState } from 'react';
import { Alert, Anchor, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import type { Consultation } from '@/api/types';
import { hasRole, RequireAuth, useMe, useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useSocketEvent } from '@/lib/socket';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { CancelModal } from './cancel-modal';
import { consultationKeys, type ConsultationTab } from './keys';
import { otherPerson } from './people';
import { useConsultationList } from './queries';
import { StatusBadge } from './status-badge';

function ConsultationItem({ c, tab, onCancelled }: { c: Consultation; tab: ConsultationTab; onCancelled: () => void }) {
  const { t, lang } = useT();
  const zone = useZone();
  const { me } = useMe();
  const [cancelling, setCancelling] = useState(false);
  const when = formatDateTime(c.start, lang, zone);
  const topic = t(`common.topics.${c.topic}`);
  return (
    <Card withBorder component="article" data-testid="consultation-item" data-id={c.id}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5">
            <Anchor component={Link} to={`/consultations/${c.id}`} aria-label={t('consultations.list.detailsOf', { topic, date: when })} c="inherit">
              {topic}
            </Anchor>
          </Title>
          <StatusBadge status={c.status} />
        </Group>
        <Text size="sm">{t('consultations.list.with', { name: otherPerson(c, me).name })}</Text>
        <Text size="sm" fw={600}>
          {when}
        </Text>
        {tab === 'upcoming' && c.status === 'booked' && (
          <Group gap="xs" mt={4}>
            <Button size="xs" variant="outline" component={Link} to={`/consultations/${c.id}/reschedule`}>
              {t('consultations.actions.reschedule')}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={() => setCancelling(true)}>
              {t('consultations.actions.cancel')}
            </Button>
            <CancelModal consultation={c} opened={cancelling} onClose={() => setCancelling(false)} onDone={onCancelled} />
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function TabList({ tab, onCancelled }: { tab: ConsultationTab; onCancelled: () => void }) {
  const { t } = useT();
  const { me } = useMe();
  const list = useConsultationList(tab);
  return (
    <QueryState query={list} loading={t('consultations.list.loading')}>
      {(data) => {
        const items = data.pages.flatMap((p) => p.items);
        if (items.length === 0)
          return tab === 'upcoming' ? (
            <Empty title={t('consultations.list.emptyUpcoming')} action={hasRole(me, 'entrepreneur') && <Button component={Link} to="/mentors">{t('consultations.list.book')}</Button>}>
              {hasRole(me, 'entrepreneur') && t('consultations.list.emptyUpcomingHint')}
            </Empty>
          ) : (
            <Empty title={t('consultations.list.emptyPast')} />
          );
        return (
          <Stack>
            {items.map((c) => (
              <ConsultationItem key={c.id} c={c} tab={tab} onCancelled={onCancelled} />
            ))}
            {list.hasNextPage && (
              <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('common.more')}
              </Button>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

/** Live: a booking, move or cancellation by the other person (a `notification`) refreshes what is shown. */
export function useConsultationNotifications() {
  const client = useQueryClient();
  useSocketEvent('notification', (n) => {
    if (n.ref?.kind === 'consultation') void client.invalidateQueries({ queryKey: consultationKeys.all, predicate: (q) => q.queryKey[1] !== 'messages' });
  });
}

function Consultations() {
  const { t } = useT();
  const { me } = useMe();
  const [params, setParams] = useSearchParams();
  const tab: ConsultationTab = params.get('tab') === 'past' ? 'past' : 'upcoming';
  const [cancelled, setCancelled] = useState(false);
  useConsultationNotifications();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('consultations.list.title')}
        </Title>
        {hasRole(me, 'entrepreneur') && (
          <Button component={Link} to="/mentors" variant="outline" size="sm">
            {t('consultations.list.book')}
          </Button>
        )}
      </Group>
      {cancelled && (
        <Alert color="teal" role="status" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setCancelled(false)}>
          {t('consultations.cancel.done')}
        </Alert>
      )}
      <Tabs value={tab} onChange={(v) => setParams(v === 'past' ? { tab: 'past' } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="upcoming">{t('consultations.list.upcoming')}</Tabs.Tab>
          <Tabs.Tab value="past">{t('consultations.list.past')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="upcoming" pt="md">
          <TabList tab="upcoming" onCancelled={() => setCancelled(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="past" pt="md">
          <TabList tab="past" onCancelled={() => setCancelled(true)} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function ConsultationsPage() {
  return (
    <RequireAuth>
      <Consultations />
    </RequireAuth>
  );
}
