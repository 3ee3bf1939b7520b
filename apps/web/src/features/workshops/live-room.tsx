import { Component, lazy, memo, Suspense, useCallback, type ReactNode } from 'react';
import { Anchor, Button, Card, Grid, List, Stack, Text, Title } from '@mantine/core';
import { IconHandStop } from '@tabler/icons-react';
import { Link } from 'react-router';
import { api, unwrap } from '@/api/client';
import { useT } from '@/i18n';
import { ErrorState, Loading } from '@/ui/states';
import { LivePoll } from './live-poll';
import { LiveQuestions } from './live-questions';
import { useLiveRoom } from './use-live-room';
import { useWorkshopErrors } from './workshop-queries';
import { Notice } from './notice';

const VideoPanel = lazy(() => import('@/features/video/video-panel'));

/** The video stage is another feature's: if it cannot load, the questions and polls still work. */
class StageBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** Inside the open room: the video stage, my hand, the poll and the questions. */
export const LiveRoom = memo(function LiveRoom({ workshopId, sessionId }: { workshopId: string; sessionId: string }) {
  const { t } = useT();
  const errors = useWorkshopErrors();
  const room = useLiveRoom(sessionId);
  const state = room.room.data;
  // The panel may ask for "Hemat data" (audio only): its request is the join's body.
  const join = useCallback(
    (request?: { audioOnly?: boolean }) => unwrap(api.POST('/api/workshops/{id}/sessions/{sessionId}/join', { params: { path: { id: workshopId, sessionId } }, body: request ?? {} })),
    [workshopId, sessionId],
  );

  if (state?.removed)
    return (
      <Notice color="red" title={t('workshops.live.removed')} role="alert" data-testid="removed">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t(state.removed === 'NOT_OPEN' ? 'workshops.live.cancelled' : state.removed === 'REMOVED_FROM_ROOM' ? 'workshops.live.removedByModerator' : 'workshops.live.removedHint')}</Text>
          <Anchor component={Link} to={`/workshops/${workshopId}`}>
            {t('workshops.live.backToWorkshop')}
          </Anchor>
        </Stack>
      </Notice>
    );

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack>
          <StageBoundary>
            <Suspense fallback={null}>
              <VideoPanel layout="stage" join={join} />
            </Suspense>
          </StageBoundary>
          {!room.connected && state && (
            <Notice color="yellow" role="status">
              {t('workshops.live.reconnecting')}
            </Notice>
          )}
          {room.room.isPending ? (
            <Loading label={t('workshops.live.connecting')} />
          ) : room.room.error ? (
            <ErrorState error={room.room.error} messages={errors} onRetry={() => void room.room.refetch()} />
          ) : (
            state && (
              <>
                {state.role === 'attendee' ? (
                  <Card withBorder>
                    <Button
                      variant={state.handRaised ? 'filled' : 'outline'}
                      color={state.handRaised ? 'teal' : 'teal.9'}
                      leftSection={<IconHandStop size={18} aria-hidden />}
                      aria-pressed={state.handRaised}
                      loading={room.hand.isPending}
                      onClick={() => room.hand.mutate(!state.handRaised)}
                      data-testid="hand"
                    >
                      {state.handRaised ? t('workshops.live.lowerHand') : t('workshops.live.raiseHand')}
                    </Button>
                    <Text size="sm" mt={6} role="status">
                      {state.handRaised ? t('workshops.live.handRaised') : ''}
                    </Text>
                    {room.hand.error && <ErrorState error={room.hand.error} messages={errors} />}
                  </Card>
                ) : (
                  <Card withBorder component="section" aria-labelledby="live-hands">
                    <Title order={2} size="h4" mb="xs" id="live-hands">
                      {t('workshops.live.hands')}
                    </Title>
                    {state.hands?.length ? (
                      <List size="sm" data-testid="hands">
                        {state.hands.map((h) => (
                          <List.Item key={h.userId}>{h.name}</List.Item>
                        ))}
                      </List>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('workshops.live.noHands')}
                      </Text>
                    )}
                  </Card>
                )}
                <LivePoll key={state.openPoll?.id ?? 'none'} room={room} poll={state.openPoll} />
              </>
            )
          )}
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>{state && !room.room.error && <LiveQuestions room={room} questions={state.questions} voted={state.voted} />}</Grid.Col>
    </Grid>
  );
});
