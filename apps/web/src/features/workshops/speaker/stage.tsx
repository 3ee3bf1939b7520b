import { Component, lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { Badge, Card, Grid, Stack, Tabs } from '@mantine/core';
import type { Room } from 'livekit-client';
import { api, unwrap } from '@/api/client';
import type { Workshop, WorkshopSession } from '@/api/types';
import type { MediaChoices } from '@/features/video/pre-join';
import { useT } from '@/i18n';
import { ErrorState, Loading } from '@/ui/states';
import { Notice } from '../notice';
import { useLiveRoom } from '../use-live-room';
import { useSpeakerErrors } from './speaker-queries';
import { StageHands } from './stage-hands';
import { StagePolls } from './stage-polls';
import { StageQuestions } from './stage-questions';

const VideoPanel = lazy(() => import('@/features/video/video-panel'));

/** If the video cannot load, the questions, hands and polls still work. */
class VideoBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** On stage: my video (camera, microphone, screen share) and the moderator panel beside it, or under it on a phone. */
export function Stage({ workshop, session, choices }: { workshop: Workshop; session: WorkshopSession; choices: MediaChoices }) {
  const { t } = useT();
  const errors = useSpeakerErrors();
  const live = useLiveRoom(session.id);
  const state = live.room.data;
  const [room, setRoom] = useState<Room | null>(null);
  const [tab, setTab] = useState<string | null>('questions');
  const join = useCallback(
    (request?: { audioOnly?: boolean }) => unwrap(api.POST('/api/workshops/{id}/sessions/{sessionId}/join', { params: { path: { id: workshop.id, sessionId: session.id } }, body: request ?? {} })),
    [workshop.id, session.id],
  );
  const open = state?.questions.filter((q) => !q.answered).length ?? 0;
  const hands = state?.hands?.length ?? 0;
  const pollRunning = !!state?.openPoll && !state.openPoll.closed;

  return (
    <Grid gap="md" data-testid="stage">
      <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
        <VideoBoundary>
          <Suspense fallback={<Loading />}>
            <VideoPanel layout="stage" presenter join={join} choices={choices} onRoom={setRoom} />
          </Suspense>
        </VideoBoundary>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
        <Card withBorder padding="sm" component="section" aria-label={t('speaker.stage.panel')}>
          {!live.connected && state && (
            <Notice color="yellow" role="status" mb="sm">
              {t('speaker.stage.reconnecting')}
            </Notice>
          )}
          {live.room.isPending ? (
            <Loading label={t('speaker.stage.connecting')} />
          ) : live.room.error || !state ? (
            <ErrorState error={live.room.error} messages={errors} onRetry={() => void live.room.refetch()} />
          ) : (
            <Tabs value={tab} onChange={setTab} keepMounted={false} styles={{ tab: { paddingInline: 8, fontSize: 'var(--mantine-font-size-sm)' }, tabSection: { marginInlineStart: 6 } }}>
              <Tabs.List grow mb="sm">
                <Tabs.Tab value="questions" rightSection={open > 0 && <Count n={open} />}>
                  {t('speaker.stage.questions')}
                </Tabs.Tab>
                <Tabs.Tab value="hands" rightSection={hands > 0 && <Count n={hands} />}>
                  {t('speaker.stage.hands')}
                </Tabs.Tab>
                <Tabs.Tab value="polls" rightSection={pollRunning && <Count n={1} />}>
                  {t('speaker.stage.polls')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="questions">
                <StageQuestions workshopId={workshop.id} sessionId={session.id} questions={state.questions} />
              </Tabs.Panel>
              <Tabs.Panel value="hands">
                <StageHands workshopId={workshop.id} sessionId={session.id} hands={state.hands ?? []} room={room} />
              </Tabs.Panel>
              <Tabs.Panel value="polls">
                <Stack gap="md">
                  <StagePolls workshopId={workshop.id} sessionId={session.id} poll={state.openPoll} />
                </Stack>
              </Tabs.Panel>
            </Tabs>
          )}
        </Card>
      </Grid.Col>
    </Grid>
  );
}

function Count({ n }: { n: number }) {
  return (
    <Badge size="xs" circle color="teal.9" aria-hidden>
      {n}
    </Badge>
  );
}
