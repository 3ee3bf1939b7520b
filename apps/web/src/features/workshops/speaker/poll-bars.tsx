import { Progress, Stack, Text } from '@mantine/core';
import { useT } from '@/i18n';

/**
 * A poll's results as bars: each option with its votes and share in words (what a screen reader reads),
 * the bar beside it for the eye. Live results are announced politely as they change.
 */
export function PollBars({ question, options, counts, live }: { question: string; options: string[]; counts: number[]; live?: boolean }) {
  const { t } = useT();
  const total = counts.reduce((a, b) => a + b, 0);
  const top = Math.max(0, ...counts);
  return (
    <Stack gap={8} component="figure" m={0} aria-label={t('speaker.polls.results', { question })} data-testid="poll-chart" data-total={total}>
      <Stack gap={8} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-live={live ? 'polite' : undefined}>
        {options.map((option, i) => {
          const count = counts[i] ?? 0;
          const percent = total ? Math.round((count / total) * 100) : 0;
          const line = t('speaker.polls.resultLine', { option, count, percent });
          return (
            <li key={i} data-testid="poll-bar" data-count={count}>
              <Text size="sm" fw={count > 0 && count === top ? 600 : 400} style={{ overflowWrap: 'anywhere' }}>
                {line}
              </Text>
              <Progress value={percent} size="lg" radius="sm" color={count > 0 && count === top ? 'teal.8' : 'gray.6'} aria-label={line} transitionDuration={300} />
            </li>
          );
        })}
      </Stack>
      <Text component="figcaption" size="xs" c="dimmed">
        {t('speaker.polls.total', { count: total })}
      </Text>
    </Stack>
  );
}
