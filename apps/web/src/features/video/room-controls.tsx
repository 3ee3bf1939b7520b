import { ActionIcon, Button, Group } from '@mantine/core';
import { IconMicrophone, IconMicrophoneOff, IconPhoneOff, IconScreenShare, IconScreenShareOff, IconVideo, IconVideoOff } from '@tabler/icons-react';
import { useLocalParticipant, useLocalParticipantPermissions } from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useT } from '@/i18n';
import { mayPublish } from './livekit';

const canShareScreen = () => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getDisplayMedia;

/** A cancelled screen-share picker is the person's choice, not a failure. */
const cancelled = (error: unknown) => error instanceof Error && error.name === 'NotAllowedError';

/**
 * Microphone, camera, screen share and leave, each shown only when the token (or a later permission
 * update, such as a speaker giving an attendee the floor) allows it.
 */
export function RoomControls({ audioOnly, onLeave, onFailure }: { audioOnly: boolean; onLeave: () => void; onFailure: () => void }) {
  const { t } = useT();
  const { localParticipant, isMicrophoneEnabled, isCameraEnabled, isScreenShareEnabled } = useLocalParticipant();
  const permissions = useLocalParticipantPermissions() ?? localParticipant.permissions;
  const may = (source: Track.Source) => mayPublish(permissions, source);
  const run = (action: Promise<unknown>) =>
    void action.catch((error: unknown) => {
      if (!cancelled(error)) onFailure();
    });

  return (
    <Group gap="sm" justify="center" role="toolbar" aria-label={t('video.controls.label')} data-testid="video-controls">
      {may(Track.Source.Microphone) && (
        <ActionIcon
          size="xl"
          radius="xl"
          variant={isMicrophoneEnabled ? 'default' : 'filled'}
          color={isMicrophoneEnabled ? undefined : 'red'}
          aria-label={isMicrophoneEnabled ? t('video.controls.micOn') : t('video.controls.micOff')}
          aria-pressed={isMicrophoneEnabled}
          onClick={() => run(localParticipant.setMicrophoneEnabled(!isMicrophoneEnabled))}
          data-testid="toggle-mic"
        >
          {isMicrophoneEnabled ? <IconMicrophone aria-hidden /> : <IconMicrophoneOff aria-hidden />}
        </ActionIcon>
      )}
      {!audioOnly && may(Track.Source.Camera) && (
        <ActionIcon
          size="xl"
          radius="xl"
          variant={isCameraEnabled ? 'default' : 'filled'}
          color={isCameraEnabled ? undefined : 'red'}
          aria-label={isCameraEnabled ? t('video.controls.cameraOn') : t('video.controls.cameraOff')}
          aria-pressed={isCameraEnabled}
          onClick={() => run(localParticipant.setCameraEnabled(!isCameraEnabled))}
          data-testid="toggle-camera"
        >
          {isCameraEnabled ? <IconVideo aria-hidden /> : <IconVideoOff aria-hidden />}
        </ActionIcon>
      )}
      {!audioOnly && may(Track.Source.ScreenShare) && canShareScreen() && (
        <ActionIcon
          size="xl"
          radius="xl"
          variant={isScreenShareEnabled ? 'filled' : 'default'}
          aria-label={isScreenShareEnabled ? t('video.controls.shareOn') : t('video.controls.shareOff')}
          aria-pressed={isScreenShareEnabled}
          onClick={() => run(localParticipant.setScreenShareEnabled(!isScreenShareEnabled, { audio: may(Track.Source.ScreenShareAudio) }))}
          data-testid="toggle-screen"
        >
          {isScreenShareEnabled ? <IconScreenShareOff aria-hidden /> : <IconScreenShare aria-hidden />}
        </ActionIcon>
      )}
      <Button color="red" radius="xl" size="md" leftSection={<IconPhoneOff size={18} aria-hidden />} onClick={onLeave} data-testid="video-leave">
        {t('video.controls.leave')}
      </Button>
    </Group>
  );
}
