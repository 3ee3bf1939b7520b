import { Card, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Workshop } from '@/api/types';
import { useZone } from '@/lib/auth';
import { formatDate, formatDateTime, formatTimeRange } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Notice } from '../notice';
import { useAllKecamatan } from './admin-queries';

/** What the workshop is, its numbers, speakers, every session, and the quotas with what is left of them. */
export function OverviewTab({ workshop: w }: { workshop: Workshop }) {
  const { t, lang } = useT();
  const zone = useZone();
  const kecamatan = useAllKecamatan();
  const nameOf = (code: string) => kecamatan.data?.find((r) => r.code === code)?.name ?? code;
  const facts: [string, number][] = [
    [t('adminWorkshops.detail.capacity'), w.capacity],
    [t('adminWorkshops.detail.registered'), w.registeredCount],
    [t('adminWorkshops.detail.waitlisted'), w.waitlistCount],
    [t('adminWorkshops.detail.seatsLeft'), w.seatsLeft],
  ];
  return (
    <Stack gap="md" data-testid="overview">
      {w.status === 'draft' && <Notice color="gray">{t('adminWorkshops.detail.draftNote')}</Notice>}
      {w.status === 'cancelled' && <Notice color="red">{t('adminWorkshops.detail.cancelledReason', { reason: w.cancelReason ?? '' })}</Notice>}
      {w.status === 'completed' && <Notice color="gray">{t('adminWorkshops.detail.completedNote')}</Notice>}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" m={0} aria-label={t('adminWorkshops.detail.facts')}>
        {facts.map(([label, value]) => (
          <Card withBorder padding="sm" key={label}>
            <Text component="dt" size="xs" c="dimmed">
              {label}
            </Text>
            <Text component="dd" m={0} fz="h3" fw={700} data-testid={`fact-${label}`}>
              {value}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('adminWorkshops.detail.description')}
            </Title>
            <Text size="sm" c="dimmed" mb={6}>
              {t('adminWorkshops.detail.topic')}: {t(`common.topics.${w.topic}`)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {w.description}
            </Text>
          </Card>
          <Card withBorder>
            <Title order={2} size="h4" mb="xs">
              {t('adminWorkshops.detail.speakers')}
            </Title>
            {w.speakers.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('adminWorkshops.detail.noSpeakers')}
              </Text>
            ) : (
              <List size="sm" spacing={2}>
                {w.speakers.map((s) => (
                  <List.Item key={s.id}>{s.organization ? `${s.name} (${s.organization})` : s.name}</List.Item>
                ))}
              </List>
            )}
          </Card>
          {w.kecamatanQuotas.length > 0 && (
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t('adminWorkshops.detail.quotas')}
              </Title>
              <List size="sm" spacing={2}>
                {w.kecamatanQuotas.map((q) => (
                  <List.Item key={q.kecamatanCode}>{t('adminWorkshops.detail.quotaLine', { name: nameOf(q.kecamatanCode), seats: q.seats, left: q.seatsLeft })}</List.Item>
                ))}
              </List>
              {w.quotasHeldUntil && (
                <Text size="sm" c="dimmed" mt={6}>
                  {t('adminWorkshops.detail.quotasHeldUntil', { date: formatDateTime(w.quotasHeldUntil, lang, zone) })}
                </Text>
              )}
            </Card>
          )}
        </Stack>
        <Card withBorder>
          <Title order={2} size="h4" mb="xs">
            {t('adminWorkshops.detail.sessions')}
            {w.recurrence && (
              <Text span size="sm" c="dimmed" fw={400}>
                {` · ${t('adminWorkshops.detail.series')}`}
              </Text>
            )}
          </Title>
          <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} data-testid="admin-sessions">
            {w.sessions.map((s, i) => (
              <li key={s.id}>
                <Text size="sm" fw={600}>
                  {t('adminWorkshops.detail.session', { n: i + 1 })}
                </Text>
                <Text size="sm">
                  {formatDate(s.start, lang, zone)}, {formatTimeRange(s.start, s.end, lang, zone)}
                </Text>
              </li>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
