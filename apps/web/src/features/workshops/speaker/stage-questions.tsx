import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { LiveQuestion } from '@/api/types';
import { useT } from '@/i18n';
import { Empty, ErrorState } from '@/ui/states';
import { useSpeakerErrors, useStageActions } from './speaker-queries';

/** Open questions first, most supported on top; answered ones sink to the bottom. */
const order = (a: LiveQuestion, b: LiveQuestion) => Number(a.answered) - Number(b.answered) || b.votes - a.votes || a.createdAt.localeCompare(b.createdAt);

export function StageQuestions({ workshopId, sessionId, questions }: { workshopId: string; sessionId: string; questions: LiveQuestion[] }) {
  const { t } = useT();
  const errors = useSpeakerErrors();
  const { answered } = useStageActions(workshopId, sessionId);
  if (questions.length === 0) return <Empty title={t('speaker.stage.noQuestions')}>{t('speaker.stage.noQuestionsHint')}</Empty>;
  return (
    <Stack gap="sm">
      {answered.error && <ErrorState error={answered.error} messages={errors} />}
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="stage-questions">
        {[...questions].sort(order).map((q) => (
          <li key={q.id} data-testid="stage-question" data-votes={q.votes} data-answered={q.answered}>
            <Stack gap={4} style={{ opacity: q.answered ? 0.8 : 1 }}>
              <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                {q.body}
              </Text>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t('speaker.stage.by', { name: q.authorName })} · <strong>{t('speaker.stage.votes', { count: q.votes })}</strong>
                </Text>
                {q.answered && (
                  <Badge size="sm" color="teal.9" variant="outline" leftSection={<IconCheck size={12} aria-hidden />}>
                    {t('speaker.stage.answered')}
                  </Badge>
                )}
              </Group>
              <Button
                size="compact-sm"
                variant={q.answered ? 'subtle' : 'light'}
                color={q.answered ? 'gray.8' : 'teal.9'}
                style={{ alignSelf: 'flex-start' }}
                loading={answered.isPending && answered.variables?.questionId === q.id}
                onClick={() => answered.mutate({ questionId: q.id, answered: !q.answered })}
              >
                {q.answered ? t('speaker.stage.unmarkAnswered') : t('speaker.stage.markAnswered')}
              </Button>
            </Stack>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
