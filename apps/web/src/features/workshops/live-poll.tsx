import { useState } from 'react';
import { Button, Card, Progress, Radio, Stack, Text, Title } from '@mantine/core';
import type { LivePoll as Poll } from '@/api/types';
import { useT } from '@/i18n';
import { ErrorState } from '@/ui/states';
import type { useLiveRoom } from './use-live-room';
import { useWorkshopErrors } from './workshop-queries';

type Room = ReturnType<typeof useLiveRoom>;

/** The open poll: choose and send once; everyone sees the results grow as bars. Keyed by poll id. */
export function LivePoll({ room, poll }: { room: Room; poll: Poll | null }) {
  const { t } = useT();
  const errors = useWorkshopErrors();
  const [choice, setChoice] = useState<string | null>(null);
  const total = poll ? poll.counts.reduce((a, b) => a + b, 0) : 0;
  const canVote = !!poll && poll.myVote === null && !poll.closed;
  return (
    <Card withBorder component="section" aria-labelledby="live-poll" data-testid="poll">
      <Title order={2} size="h4" mb="xs" id="live-poll">
        {t('workshops.live.poll')}
      </Title>
      {!poll ? (
        <Text size="sm" c="dimmed">
          {t('workshops.live.noPoll')}
        </Text>
      ) : (
        <Stack gap="sm">
          {canVote ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (choice !== null) room.pollVote.mutate({ pollId: poll.id, option: Number(choice) });
              }}
            >
              <Radio.Group label={poll.question} value={choice} onChange={setChoice} description={t('workshops.live.choose')}>
                <Stack gap={6} mt={6}>
                  {poll.options.map((o, i) => (
                    <Radio key={i} value={String(i)} label={o} />
                  ))}
                </Stack>
              </Radio.Group>
              <Button type="submit" mt="sm" disabled={choice === null} loading={room.pollVote.isPending}>
                {t('workshops.live.submitVote')}
              </Button>
            </form>
          ) : (
            <Text fw={600}>{poll.question}</Text>
          )}
          {room.pollVote.error && <ErrorState error={room.pollVote.error} messages={errors} />}
          {poll.myVote !== null && <Text size="sm">{t('workshops.live.yourVote', { option: poll.options[poll.myVote] })}</Text>}
          <Stack gap={6} data-testid="poll-results" aria-live="polite">
            {poll.options.map((o, i) => {
              const count = poll.counts[i] ?? 0;
              const percent = total ? Math.round((count / total) * 100) : 0;
              const line = t('workshops.live.resultLine', { option: o, count, percent });
              return (
                <div key={i} data-testid="poll-option" data-count={count}>
                  <Text size="sm">{line}</Text>
                  <Progress value={percent} aria-label={line} size="lg" color={poll.myVote === i ? 'teal' : 'gray.7'} />
                </div>
              );
            })}
            <Text size="xs" c="dimmed">
              {t('workshops.live.totalVotes', { count: total })}
              {poll.closed && ` · ${t('workshops.live.pollClosed')}`}
            </Text>
          </Stack>
        </Stack>
      )}
    </Card>
  );
}
