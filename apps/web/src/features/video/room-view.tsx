import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Stack, Switch, Text } from '@mantine/core';
import { RoomAudioRenderer, RoomContext, useAudioPlayback, useConnectionState, useLocalParticipantPermissions } from '@livekit/components-react';
import { ConnectionState, RoomEvent, Track, type DisconnectReason, type Room } from 'livekit-client';
import type { JoinView } from '@/api/types';
import { useT } from '@/i18n';
import { Loading } from '@/ui/states';
import { connectRoom, createRoom, endFor, mayPublish, publishChoices, type RoomEnd } from './livekit';
import type { MediaChoices } from './pre-join';
import { RoomControls } from './room-controls';
import { CallTiles, StageTiles } from './room-tiles';

export interface RoomViewProps {
  view: JoinView;
  layout: 'call' | 'stage';
  choices: MediaChoices;
  audioOnly: boolean;
  onEnd: (end: RoomEnd) => void;
  /** Hemat data switched during the call: the panel joins again with the new setting (a new token). */
  onDataSaver: (on: boolean) => void;
  /** Told the room once it is connected, and null when this connection ends. */
  onRoom?: (room: Room | null) => void;
}

/**
 * The connected room (this module brings livekit-client and @livekit/components-react; the panel loads it
 * only when someone joins). One mount is one connection: a retry mounts a new one with a fresh token.
 */
export function RoomView({ view, layout, choices, audioOnly, onEnd, onDataSaver, onRoom }: RoomViewProps) {
  const { t } = useT();
  const [room] = useState(() => createRoom(view, choices, audioOnly));
  const [connected, setConnected] = useState(false);
  const [failure, setFailure] = useState(false);
  const end = useRef(onEnd);
  useEffect(() => {
    end.current = onEnd;
  }, [onEnd]);
  const told = useRef(onRoom);
  useEffect(() => {
    told.current = onRoom;
  }, [onRoom]);
  useEffect(() => {
    if (!connected) return;
    told.current?.(room);
    return () => told.current?.(null);
  }, [connected, room]);

  useEffect(() => {
    let active = true;
    let joined = false;
    // LiveKit reconnects by itself; a Disconnected after joining means it gave up, or someone ended it.
    const disconnected = (reason?: DisconnectReason) => {
      if (active && joined) end.current(endFor(reason));
    };
    const deviceError = () => setFailure(true);
    room.on(RoomEvent.Disconnected, disconnected).on(RoomEvent.MediaDevicesError, deviceError);
    connectRoom(room, view, audioOnly).then(
      async () => {
        if (!active) return;
        joined = true;
        setConnected(true);
        await publishChoices(room, choices, audioOnly).catch(() => active && setFailure(true));
      },
      () => active && end.current('unreachable'),
    );
    return () => {
      active = false;
      room.off(RoomEvent.Disconnected, disconnected).off(RoomEvent.MediaDevicesError, deviceError);
      void room.disconnect();
    };
    // One connection per mount: view, choices and audioOnly are fixed for it.
  }, [room]);

  const leave = () => {
    void room.disconnect().finally(() => end.current('left'));
  };

  return (
    <RoomContext.Provider value={room}>
      <section aria-label={t('video.room.label')} data-testid="video-room" data-audio-only={audioOnly} data-connected={connected}>
        {connected ? (
          <Stack gap="sm">
            <Reconnecting room={room} />
            {layout === 'call' ? <CallTiles audioOnly={audioOnly} /> : <StageTiles audioOnly={audioOnly} />}
            {layout === 'stage' && <FloorNotice role={view.role} />}
            {failure && (
              <Alert color="yellow" role="alert" withCloseButton onClose={() => setFailure(false)} closeButtonLabel={t('common.close')}>
                {t('video.room.publishFailed')}
              </Alert>
            )}
            <StartAudio room={room} />
            <RoomControls audioOnly={audioOnly} onLeave={leave} onFailure={() => setFailure(true)} />
            <Switch
              label={t('video.dataSaver.label')}
              aria-label={t('video.dataSaver.label')}
              description={t('video.dataSaver.description')}
              checked={audioOnly}
              onChange={(e) => onDataSaver(e.currentTarget.checked)}
              data-testid="room-data-saver"
            />
            <RoomAudioRenderer />
          </Stack>
        ) : (
          <Loading label={t('video.state.connecting')} />
        )}
      </section>
    </RoomContext.Provider>
  );
}

function Reconnecting({ room }: { room: Room }) {
  const { t } = useT();
  const state = useConnectionState(room);
  if (state !== ConnectionState.Reconnecting && state !== ConnectionState.SignalReconnecting) return null;
  return (
    <Alert color="yellow" role="status" py={6} data-testid="video-reconnecting">
      {t('video.room.reconnecting')}
    </Alert>
  );
}

/** An attendee listens until a speaker gives them the floor (a permission update from LiveKit). */
function FloorNotice({ role }: { role: JoinView['role'] }) {
  const { t } = useT();
  const permissions = useLocalParticipantPermissions();
  if (role !== 'attendee') return null;
  const floor = mayPublish(permissions, Track.Source.Microphone);
  return (
    <Text size="sm" role="status" data-testid="floor-notice">
      {floor ? t('video.room.floorGiven') : t('video.room.listening')}
    </Text>
  );
}

/** Browsers may block sound that starts without a tap; one tap turns it on. */
function StartAudio({ room }: { room: Room }) {
  const { t } = useT();
  const { canPlayAudio, startAudio } = useAudioPlayback(room);
  if (canPlayAudio) return null;
  return (
    <Button variant="light" onClick={() => void startAudio().catch(() => undefined)}>
      {t('video.room.startAudio')}
    </Button>
  );
}
