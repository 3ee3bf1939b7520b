import { Alert, Card, Chip, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useSearchParams } from 'react-router';
import 'dayjs/locale/id';
import '@mantine/dates/styles.css';
import { useMe } from '@/lib/auth';
import { formatDate, localDateKey, safeZone, zoneLabel } from '@/lib/datetime';
import { useT } from '@/i18n';
import { StaffPage } from '@/ui/staff-page';
import { Empty, QueryState } from '@/ui/states';
import { noonOf } from '@/features/consultations/week';
import { FunnelChart } from './funnel-chart';
import { choiceFromParams, periodOf, PRESETS, type PeriodChoice, type Preset } from './period';
import { useFunnel, useKecamatanGroups } from './queries';

const ALL = 'all';

/** The period and kecamatan, kept in the address so a report can be reloaded or shared as it is. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const choice = choiceFromParams(params);
  const kecamatan = params.get('kecamatan');
  const update = (next: { choice?: PeriodChoice; kecamatan?: string | null }) => {
    const c = next.choice ?? choice;
    const k = next.kecamatan === undefined ? kecamatan : next.kecamatan;
    const out = new URLSearchParams();
    if (c.preset === 'range') {
      if (c.first) out.set('from', c.first);
      if (c.last) out.set('until', c.last);
      if (!c.first && !c.last) out.set('from', '');
    } else out.set('days', c.preset);
    if (k) out.set('kecamatan', k);
    setParams(out, { replace: true });
  };
  return { choice, kecamatan, update };
}

/** Admin: the program funnel for a period and a kecamatan. */
export function ReportsPage() {
  const { t } = useT();
  return (
    <StaffPage area="admin" title={t('reports.title')}>
      <Reports />
    </StaffPage>
  );
}

/** Inside the frame, so nothing is asked of the api before the role check. */
function Reports() {
  const { t, lang } = useT();
  const { me } = useMe();
  const zone = safeZone(me?.timezone);
  const { choice, kecamatan, update } = useFilters();
  const period = periodOf(choice, zone);
  const groups = useKecamatanGroups();
  const funnel = useFunnel(period.ok ? period : null, kecamatan);
  const today = localDateKey(new Date(), zone);
  const kecamatanName = groups.data?.flatMap((g) => g.items).find((i) => i.value === kecamatan)?.label;
  const shown = period.ok ? t('reports.filters.shown', { from: formatDate(period.firstNoon, lang, zone), to: formatDate(period.lastNoon, lang, zone), zone: zoneLabel(zone) }) : '';

  return (
    <>
      <Card withBorder component="section" aria-label={t('reports.filters.label')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap="sm">
            <Chip.Group multiple={false} value={choice.preset} onChange={(v) => update({ choice: v === 'range' ? { preset: 'range', first: null, last: null } : { preset: v as Preset } })}>
              <Stack gap={6} role="radiogroup" aria-labelledby="period-label" data-testid="period">
                <Text size="sm" fw={500} id="period-label">
                  {t('reports.filters.period')}
                </Text>
                <Group gap="xs">
                  {[...PRESETS, 'range' as const].map((p) => (
                    <Chip key={p} value={p} type="radio">
                      {p === 'range' ? t('reports.filters.range') : t(`reports.filters.days${p}`)}
                    </Chip>
                  ))}
                </Group>
              </Stack>
            </Chip.Group>
            {choice.preset === 'range' && (
              <DatePickerInput
                type="range"
                label={t('reports.filters.rangeLabel')}
                placeholder={t('reports.filters.rangePlaceholder')}
                value={[choice.first, choice.last]}
                onChange={([first, last]) => update({ choice: { preset: 'range', first, last } })}
                maxDate={today}
                locale={lang}
                firstDayOfWeek={1}
                valueFormat="D MMMM YYYY"
                nextLabel={t('reports.filters.nextMonth')}
                previousLabel={t('reports.filters.previousMonth')}
                allowSingleDateInRange
              getDayAriaLabel={(d) => formatDate(noonOf(d, zone), lang, zone)}
                error={!period.ok && choice.first ? t(`reports.filters.${period.problem}`) : undefined}
              />
            )}
          </Stack>
          <Stack gap="sm">
            <Select
              label={t('reports.filters.kecamatan')}
              data={[{ value: ALL, label: t('reports.filters.allKecamatan') }, ...(groups.data ?? [])]}
              value={kecamatan ?? ALL}
              onChange={(v) => update({ kecamatan: !v || v === ALL ? null : v })}
              searchable
              nothingFoundMessage={t('reports.filters.nothingFound')}
              allowDeselect={false}
              disabled={groups.isPending}
              data-testid="kecamatan"
            />
            {groups.isError && (
              <Text size="sm" c="red.8" role="alert">
                {t('reports.filters.kecamatanError')}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
      </Card>

      <Card withBorder component="section" aria-labelledby="funnel-title">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4" id="funnel-title">
              {kecamatanName ? `${t('reports.funnel.title')}: ${kecamatanName}` : t('reports.funnel.title')}
            </Title>
            {shown && (
              <Text size="sm" c="dimmed" data-testid="period-shown">
                {shown}
              </Text>
            )}
          </div>
          <Text size="sm">{t('reports.funnel.intro')}</Text>
          {!period.ok ? (
            <Alert color="yellow" py="xs">
              {t(`reports.filters.${period.problem}`)}
            </Alert>
          ) : (
            <QueryState query={funnel}>
              {(data) =>
                data.stages[0]?.count ? (
                  <>
                    <FunnelChart funnel={data} label={t('reports.funnel.chartLabel', { period: shown })} />
                    <Group gap="md" aria-hidden>
                      <Legend color="teal" text={t('reports.funnel.consultationsGroup')} />
                      <Legend color="orange" text={t('reports.funnel.workshopsGroup')} />
                    </Group>
                  </>
                ) : (
                  <Empty title={t('reports.funnel.empty')}>{kecamatan ? t('reports.funnel.emptyKecamatan') : t('reports.funnel.emptyAll')}</Empty>
                )
              }
            </QueryState>
          )}
        </Stack>
      </Card>
    </>
  );
}

function Legend({ color, text }: { color: string; text: string }) {
  return (
    <Group gap={6}>
      <span style={{ width: 12, height: 12, borderRadius: 3, background: `var(--mantine-color-${color}-7)`, display: 'inline-block' }} />
      <Text size="xs" c="dimmed">
        {text}
      </Text>
    </Group>
  );
}
