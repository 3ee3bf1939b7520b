import { useCallback, useEffect, useRef, useState, type ComponentType } from 'react';
import { Alert, Button, Card, Stack, Text } from '@mantine/core';
import { IconRefresh, IconVideoOff } from '@tabler/icons-react';
import { ApiError, errorCode } from '@/api/client';
import type { JoinView } from '@/api/types';
import { useT } from '@/i18n';
import { connection, useDataSaver } from './data-saver';
import type { RoomEnd } from './livekit';
import { PreJoin, type MediaChoices } from './pre-join';
import type { RoomViewProps } from './room-view';

export interface JoinRequest {
  /** Hemat data: the api issues a microphone-only token (POST …/join body `{ audioOnly }`). */
  audioOnly: boolean;
}

export interface VideoPanelProps {
  /** Asks the api for a join token (POST …/join with `request` as the body); called on "join" and on every retry. */
  join: (request: JoinRequest) => Promise<JoinView>;
  /** `call`: two people, both publish; `stage`: a workshop, the speaker and screen share large. */
  layout: 'call' | 'stage';
  /** Already checked elsewhere (a speaker's green room): join at once with these, no second check. */
  choices?: MediaChoices;
  /** The connected LiveKit room (null when it ends), for a moderator's view of who is in it. */
  onRoom?: RoomViewProps['onRoom'];
  /** A speaker: the check starts with the camera on. */
  presenter?: boolean;
}

type Phase =
  | { kind: 'check' }
  | { kind: 'joining' }
  | { kind: 'room'; view: JoinView; Room: ComponentType<RoomViewProps>; attempt: number }
  | { kind: 'unavailable'; dropped: boolean }
  | { kind: 'refused'; code: string }
  | { kind: 'ended'; how: Exclude<RoomEnd, 'unreachable' | 'dropped' | 'removed'> };

/** Refusals a retry cannot fix. */
const FINAL = new Set(['REMOVED_FROM_ROOM', 'NOT_REGISTERED', 'FORBIDDEN', 'NOT_FOUND']);

/**
 * The video of a consultation or a workshop session: a device check, then the LiveKit room. Whatever
 * fails here (a refused join, an unreachable video server, a dropped line) stays inside this card with a
 * sentence and a retry; the page around it (chat, questions) keeps working.
 */
export default function VideoPanel({ join, layout, choices: preset, onRoom, presenter }: VideoPanelProps) {
  const { t } = useT();
  const [dataSaver, setDataSaver] = useDataSaver();
  const [phase, setPhase] = useState<Phase>({ kind: preset ? 'joining' : 'check' });
  const choices = useRef<MediaChoices | null>(preset ?? null);
  const attempts = useRef(0);
  // Pages pass an inline callback; the latest one is used without re-creating everything per render.
  const latestJoin = useRef(join);
  useEffect(() => {
    latestJoin.current = join;
  }, [join]);

  const start = useCallback(async () => {
    const chosen = choices.current;
    if (!chosen) return setPhase({ kind: 'check' });
    setPhase({ kind: 'joining' });
    try {
      const [view, { RoomView }] = await Promise.all([latestJoin.current({ audioOnly: chosen.audioOnly }), import('./room-view')]);
      setPhase({ kind: 'room', view, Room: RoomView, attempt: ++attempts.current });
    } catch (error) {
      // Not an api answer: the room's code did not load, which is the network too.
      setPhase({ kind: 'refused', code: error instanceof ApiError ? errorCode(error) : 'NETWORK' });
    }
  }, []);

  // Checked before (the green room): straight in.
  const presetOnMount = useRef(!!preset);
  useEffect(() => {
    if (presetOnMount.current) void start();
  }, [start]);

  // Switching Hemat data in the call means a new token (its sources change): join again with it.
  const switchDataSaver = useCallback(
    (on: boolean) => {
      setDataSaver(on);
      if (choices.current) choices.current = { ...choices.current, audioOnly: on, camera: on ? false : choices.current.camera };
      void start();
    },
    [setDataSaver, start],
  );

  const onEnd = useCallback((how: RoomEnd) => {
    if (how === 'unreachable' || how === 'dropped') setPhase({ kind: 'unavailable', dropped: how === 'dropped' });
    else if (how === 'removed') setPhase({ kind: 'refused', code: 'REMOVED_FROM_ROOM' });
    else setPhase({ kind: 'ended', how });
  }, []);

  // After a drop or a failed connect, a network coming back (or changing, on a phone) is worth a new try.
  const waiting = phase.kind === 'unavailable' || (phase.kind === 'refused' && phase.code === 'NETWORK');
  useEffect(() => {
    if (!waiting) return;
    const retry = () => {
      if (navigator.onLine) void start();
    };
    const net = connection();
    window.addEventListener('online', retry);
    net?.addEventListener('change', retry);
    return () => {
      window.removeEventListener('online', retry);
      net?.removeEventListener('change', retry);
    };
  }, [waiting, start]);

  const body = (() => {
    switch (phase.kind) {
      case 'check':
      case 'joining':
        return (
          <PreJoin
            layout={layout}
            presenter={presenter}
            dataSaver={dataSaver}
            onDataSaver={setDataSaver}
            joining={phase.kind === 'joining'}
            onJoin={(c) => {
              choices.current = c;
              void start();
            }}
          />
        );
      case 'room': {
        const chosen = choices.current!;
        return <phase.Room key={phase.attempt} view={phase.view} layout={layout} choices={chosen} audioOnly={chosen.audioOnly || phase.view.audioOnly} onEnd={onEnd} onDataSaver={switchDataSaver} onRoom={onRoom} />;
      }
      case 'unavailable':
        return <Problem testId="video-unavailable" text={phase.dropped ? t('video.state.dropped') : t('video.state.unavailable')} action={t('video.state.retry')} onAction={() => void start()} />;
      case 'refused':
        return (
          <Problem
            testId="video-refused"
            text={t(`video.errors.${phase.code}`, { defaultValue: '' }) || t('video.errors.UNKNOWN')}
            action={FINAL.has(phase.code) ? undefined : t('video.state.retry')}
            onAction={() => void start()}
          />
        );
      case 'ended':
        return <Problem testId="video-ended" color="gray" text={t(`video.state.${phase.how}`)} action={t('video.state.rejoin')} onAction={() => setPhase({ kind: 'check' })} />;
    }
  })();

  return (
    <Card withBorder padding="sm" data-testid="video-panel" data-phase={phase.kind}>
      {body}
    </Card>
  );
}

function Problem({ text, action, onAction, testId, color = 'yellow' }: { text: string; action?: string; onAction: () => void; testId: string; color?: string }) {
  return (
    <Alert color={color} role="alert" icon={<IconVideoOff size={20} aria-hidden />} data-testid={testId}>
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text}</Text>
        {action && (
          <Button size="sm" color="teal" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onAction}>
            {action}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
