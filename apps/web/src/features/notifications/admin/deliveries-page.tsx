import { Alert, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconMail, IconBrandWhatsapp, IconBell } from '@tabler/icons-react';
import { useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { session } from '@/lib/session';
import { useT } from '@/i18n';
import { ErrorState, Empty, Loading } from '@/ui/states';
import { StaffPage } from '@/ui/staff-page';
import { useFailedDeliveries, useRetryDelivery, type Delivery } from './queries';
import classes from './deliveries.module.css';

const QUEUE_DASHBOARD = '/api/admin/queues';
const CHANNEL_ICON = { email: IconMail, whatsapp: IconBrandWhatsapp, in_app: IconBell } as const;

/**
 * The api's bull-board takes the token once in the address and keeps it in a cookie for its own path;
 * the address is made at the click, so the token never sits in the page.
 */
function openQueueDashboard() {
  const token = session.token();
  window.open(`${QUEUE_DASHBOARD}?token=${encodeURIComponent(token ?? '')}`, '_blank', 'noopener');
}

function DeliveryCard({ d, onRetry, retrying }: { d: Delivery; onRetry: () => void; retrying: boolean }) {
  const { t, lang } = useT();
  const zone = useZone();
  const Icon = CHANNEL_ICON[d.channel];
  const template = t(`deliveries.types.${d.type.replace(/\./g, '_')}`);
  return (
    <Card withBorder padding="sm" component="li" data-testid="delivery" data-id={d.id}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} className={classes.wrap}>
            {template}
          </Text>
          <Badge variant="light" color={d.channel === 'whatsapp' ? 'green' : 'blue'} leftSection={<Icon size={12} aria-hidden />} className={classes.channel}>
            {t(`deliveries.channels.${d.channel}`)}
          </Badge>
        </Group>
        <dl className={classes.facts}>
          <dt>{t('deliveries.recipient')}</dt>
          <dd className={classes.wrap}>
            {d.recipientName}{' '}
            <Text span size="sm" c="dimmed">
              ({d.recipientAddress ?? t('deliveries.noAddress')})
            </Text>
          </dd>
          <dt>{t('deliveries.failedAt')}</dt>
          <dd>
            {formatDateTime(d.updatedAt, lang, zone)} · {t('deliveries.attempts', { count: d.attempts })}
          </dd>
          <dt>{t('deliveries.error')}</dt>
          <dd>
            <code className={classes.error}>{d.lastError ?? t('deliveries.noError')}</code>
          </dd>
        </dl>
        <Group justify="flex-end">
          <Button size="compact-sm" variant="light" loading={retrying} onClick={onRetry} aria-label={t('deliveries.retryFor', { template, name: d.recipientName })}>
            {t('deliveries.retry')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function FailedList() {
  const { t } = useT();
  const q = useFailedDeliveries();
  const retry = useRetryDelivery();
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  if (q.isPending) return <Loading />;
  if (q.error && items.length === 0) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Stack gap="sm">
      {retry.isSuccess && (
        <Alert color="teal" role="status" py="xs">
          {t('deliveries.retried', { template: t(`deliveries.types.${retry.data.type.replace(/\./g, '_')}`), name: retry.data.recipientName })}
        </Alert>
      )}
      {retry.error && <ErrorState error={retry.error} messages={{ NOT_FAILED: t('deliveries.errors.NOT_FAILED') }} />}
      {items.length === 0 ? (
        <Empty title={t('deliveries.empty')}>{t('deliveries.emptyHint')}</Empty>
      ) : (
        <ul className={classes.list} data-testid="deliveries">
          {items.map((d) => (
            <DeliveryCard key={d.id} d={d} retrying={retry.isPending && retry.variables === d.id} onRetry={() => retry.mutate(d.id)} />
          ))}
        </ul>
      )}
      {q.hasNextPage && (
        <Button variant="default" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('deliveries.more')}
        </Button>
      )}
    </Stack>
  );
}

/** Pengiriman: the deliveries that failed, each with its cause and a retry; a way into the queue dashboard. */
export function DeliveriesPage() {
  const { t } = useT();
  return (
    <StaffPage
      area="admin"
      title={t('deliveries.title')}
      actions={
        <Button variant="subtle" size="sm" rightSection={<IconExternalLink size={16} aria-hidden />} onClick={openQueueDashboard} title={t('deliveries.queuesHint')}>
          {t('deliveries.queues')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed">
        {t('deliveries.intro')}
      </Text>
      <FailedList />
    </StaffPage>
  );
}
