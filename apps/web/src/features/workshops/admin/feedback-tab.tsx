import { Button, Card, Group, Rating, Stack, Text } from '@mantine/core';
import { useZone } from '@/lib/auth';
import { formatDateTime } from '@/lib/datetime';
import { useT } from '@/i18n';
import { Empty, QueryState } from '@/ui/states';
import { useFeedback } from './admin-queries';

/** The average rating over all feedback, then each response, newest first. */
export function FeedbackTab({ workshopId }: { workshopId: string }) {
  const { t, lang } = useT();
  const zone = useZone();
  const feedback = useFeedback(workshopId);
  const first = feedback.data?.pages[0];
  return (
    <QueryState query={{ ...feedback, data: feedback.data?.pages.flatMap((p) => p.items) }}>
      {(items) =>
        items.length === 0 || !first ? (
          <Empty title={t('adminWorkshops.feedback.empty')}>{t('adminWorkshops.feedback.emptyHint')}</Empty>
        ) : (
          <Stack gap="sm">
            <Card withBorder padding="sm" maw={360} data-testid="feedback-average">
              <Text size="sm" c="dimmed">
                {t('adminWorkshops.feedback.average')}
              </Text>
              <Group gap="xs" align="baseline">
                <Text fz="h2" fw={700}>
                  {first.averageRating?.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 })}
                </Text>
                <Text size="sm">{t('adminWorkshops.feedback.count', { count: first.count })}</Text>
              </Group>
              <Rating value={first.averageRating ?? 0} fractions={4} readOnly aria-hidden color="orange.7" />
            </Card>
            {items.map((f) => (
              <Card withBorder padding="sm" key={f.userId} component="article" data-testid="feedback-item">
                <Group justify="space-between" gap="xs">
                  <Text fw={600} size="sm">
                    {f.name}
                  </Text>
                  <Group gap={6}>
                    <Rating value={f.rating} readOnly aria-hidden size="sm" color="orange.7" />
                    <Text size="sm">{t('adminWorkshops.feedback.rating', { rating: f.rating })}</Text>
                  </Group>
                </Group>
                <Text size="sm" mt={4} c={f.comment ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-line' }}>
                  {f.comment ?? t('adminWorkshops.feedback.noComment')}
                </Text>
                <Text size="xs" c="dimmed" mt={4}>
                  {formatDateTime(f.createdAt, lang, zone)}
                </Text>
              </Card>
            ))}
            {feedback.hasNextPage && (
              <Button variant="outline" onClick={() => void feedback.fetchNextPage()} loading={feedback.isFetchingNextPage} style={{ alignSelf: 'center' }}>
                {t('adminWorkshops.list.more')}
              </Button>
            )}
          </Stack>
        )
      }
    </QueryState>
  );
}
