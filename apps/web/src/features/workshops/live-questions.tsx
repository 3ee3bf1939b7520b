import { useState, type FormEvent } from 'react';
import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconThumbUp } from '@tabler/icons-react';
import type { LiveQuestion } from '@/api/types';
import { useT } from '@/i18n';
import { Empty, ErrorState } from '@/ui/states';
import type { useLiveRoom } from './use-live-room';
import { useWorkshopErrors } from './workshop-queries';

type Room = ReturnType<typeof useLiveRoom>;

const byVotes = (a: LiveQuestion, b: LiveQuestion) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt);

/** Questions for the speaker, most supported first; ask with a labelled field, support others' with one tap. */
export function LiveQuestions({ room, questions, voted }: { room: Room; questions: LiveQuestion[]; voted: string[] }) {
  const { t } = useT();
  const errors = useWorkshopErrors();
  const [body, setBody] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) return;
    room.ask.mutate(body.trim(), { onSuccess: () => setBody('') });
  };
  const sorted = [...questions].sort(byVotes);
  return (
    <Card withBorder component="section" aria-labelledby="live-questions">
      <Title order={2} size="h4" mb="xs" id="live-questions">
        {t('workshops.live.questions')}
      </Title>
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Textarea
            label={t('workshops.live.ask')}
            description={t('workshops.live.askHint')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
            maxRows={5}
          />
          {room.ask.error && <ErrorState error={room.ask.error} messages={errors} />}
          <Button type="submit" loading={room.ask.isPending} disabled={!body.trim()} style={{ alignSelf: 'flex-start' }}>
            {t('workshops.live.send')}
          </Button>
        </Stack>
      </form>
      {room.vote.error && <ErrorState error={room.vote.error} messages={errors} />}
      {sorted.length === 0 ? (
        <Empty title={t('workshops.live.noQuestions')} />
      ) : (
        <Stack component="ol" gap="sm" mt="md" p={0} m={0} style={{ listStyle: 'none' }} data-testid="questions">
          {sorted.map((q) => {
            const mine = voted.includes(q.id);
            return (
              <li key={q.id} data-testid="question" data-votes={q.votes}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
                      {q.body}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('workshops.live.by', { name: q.authorName })} · <span data-testid="votes">{t('workshops.live.votes', { count: q.votes })}</span>
                    </Text>
                    {q.answered && (
                      <Badge size="sm" color="teal.9" variant="outline" mt={4}>
                        {t('workshops.live.answered')}
                      </Badge>
                    )}
                  </div>
                  <Button
                    size="compact-sm"
                    variant={mine ? 'filled' : 'outline'}
                    color={mine ? 'teal' : 'teal.9'}
                    leftSection={<IconThumbUp size={16} aria-hidden />}
                    aria-pressed={mine}
                    // The visible text (the count) starts the name, so speech input can say what is shown.
                    aria-label={`${mine ? t('workshops.live.voted') : q.votes}: ${t('workshops.live.voteFor', { name: q.authorName })}`}
                    disabled={mine}
                    onClick={() => room.vote.mutate(q.id)}
                  >
                    {mine ? t('workshops.live.voted') : q.votes}
                  </Button>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
