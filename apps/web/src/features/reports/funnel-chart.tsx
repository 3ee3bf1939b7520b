import { Box, Group, Stack, Text } from '@mantine/core';
import type { Funnel, FunnelStage } from '@/api/types';
import { useT } from '@/i18n';
import classes from './reports.module.css';

/**
 * The stage each one is measured against: the one before it, except that workshops are a branch of their
 * own, measured against everyone assisted (a case approval is no step towards a workshop).
 */
const MEASURED_AGAINST: Record<FunnelStage, FunnelStage | null> = {
  entrepreneurs: null,
  booked: 'entrepreneurs',
  consulted: 'booked',
  caseOpened: 'consulted',
  caseApproved: 'caseOpened',
  workshopRegistered: 'entrepreneurs',
  certified: 'workshopRegistered',
};
const WORKSHOP_STAGES: FunnelStage[] = ['workshopRegistered', 'certified'];

/**
 * The funnel as horizontal bars, one per stage, with the count and the share of the stage it follows.
 * An ordered list whose text says everything (the bars are decoration), so a screen reader reads the
 * numbers and a phone needs no sideways scrolling.
 */
export function FunnelChart({ funnel, label }: { funnel: Funnel; label: string }) {
  const { t, lang } = useT();
  const counts = new Map(funnel.stages.map((s) => [s.stage, s.count]));
  const max = Math.max(1, ...funnel.stages.map((s) => s.count));
  const percent = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID');
  return (
    <ol className={classes.chart} aria-label={label} data-testid="funnel">
      {funnel.stages.map(({ stage, count }) => {
        const against = MEASURED_AGAINST[stage];
        const base = against ? (counts.get(against) ?? 0) : null;
        const name = t(`reports.funnel.stages.${stage}`);
        const workshop = WORKSHOP_STAGES.includes(stage);
        return (
          <li key={stage} className={classes.stage} data-stage={stage} data-count={count}>
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="baseline">
                <Text size="sm" fw={600}>
                  {name}
                </Text>
                <Text size="sm" fw={700} className={classes.count} style={{ whiteSpace: 'nowrap', flexShrink: 0 }} data-testid={`count-${stage}`}>
                  {t('reports.funnel.people', { count, formatted: number.format(count) })}
                </Text>
              </Group>
              <Box className={classes.track} aria-hidden>
                <Box className={workshop ? classes.barWorkshop : classes.bar} style={{ width: `${count > 0 ? Math.max(1, (count / max) * 100) : 0}%` }} />
              </Box>
              {against && (
                <Text size="xs" c="dimmed">
                  {base
                    ? t('reports.funnel.ofPrevious', { share: percent.format(count / base), stage: t(`reports.funnel.stages.${against}`) })
                    : t('reports.funnel.noPrevious', { stage: t(`reports.funnel.stages.${against}`) })}
                </Text>
              )}
            </Stack>
          </li>
        );
      })}
    </ol>
  );
}
