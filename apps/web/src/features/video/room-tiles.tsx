import { Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconMicrophoneOff, IconUser } from '@tabler/icons-react';
import { isTrackReference, useIsSpeaking, useParticipants, useTracks, VideoTrack, type TrackReferenceOrPlaceholder } from '@livekit/components-react';
import { Track, type Participant } from 'livekit-client';
import { useT } from '@/i18n';
import classes from './video.module.css';

const shows = (ref: TrackReferenceOrPlaceholder | undefined): ref is TrackReferenceOrPlaceholder & { publication: NonNullable<TrackReferenceOrPlaceholder['publication']> } =>
  !!ref && isTrackReference(ref) && !ref.publication.isMuted && !!ref.publication.track;

const nameOf = (p: Participant) => p.name || p.identity;

/** A participant's video, or their name and why there is no picture. */
function Tile({ trackRef, participant, fallback, className, self, screen }: { trackRef?: TrackReferenceOrPlaceholder; participant: Participant; fallback: string; className?: string; self?: boolean; screen?: boolean }) {
  const { t } = useT();
  const speaking = useIsSpeaking(participant);
  const who = self ? t('video.room.me') : nameOf(participant);
  const name = screen ? t('video.room.screenShare', { name: who }) : who;
  return (
    <div className={[classes.tile, className, speaking && classes.speaking].filter(Boolean).join(' ')} data-fit={screen ? 'contain' : undefined} data-testid={self ? 'tile-me' : 'tile'}>
      {shows(trackRef) && isTrackReference(trackRef) ? (
        <VideoTrack trackRef={trackRef} className={self && !screen ? classes.mirror : undefined} aria-label={name} />
      ) : (
        <div className={classes.placeholder}>
          <IconUser size={self ? 20 : 40} aria-hidden />
          {!self && <Text size="sm">{fallback}</Text>}
        </div>
      )}
      <span className={classes.name}>
        {!screen && !participant.isMicrophoneEnabled && <IconMicrophoneOff size={12} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />}
        {name}
        {speaking && <VisuallyHidden> ({t('video.room.speaking')})</VisuallyHidden>}
      </span>
    </div>
  );
}

/** A consultation: the other person large, you small in the corner. */
export function CallTiles({ audioOnly }: { audioOnly: boolean }) {
  const { t } = useT();
  const cameras = useTracks([{ source: Track.Source.Camera, withPlaceholder: true }], { onlySubscribed: false });
  const mine = cameras.find((r) => r.participant.isLocal);
  const theirs = cameras.find((r) => !r.participant.isLocal);
  const noPicture = audioOnly ? t('video.room.audioOnly') : t('video.room.noVideo');
  return (
    <div className={classes.call} data-testid="video-call">
      {theirs ? (
        <Tile trackRef={theirs} participant={theirs.participant} fallback={noPicture} />
      ) : (
        <div className={classes.tile}>
          <Text size="sm" c="gray.3" ta="center" px="md" role="status">
            {t('video.room.waiting')}
          </Text>
        </div>
      )}
      {mine && <Tile trackRef={mine} participant={mine.participant} fallback={noPicture} className={classes.self} self />}
    </div>
  );
}

const isSpeaker = (p: Participant) => p.attributes.role === 'speaker' || p.attributes.role === 'host';

/**
 * A workshop: screen shares large, then the cameras of whoever presents; with Hemat data the speakers'
 * names only (their voices still play).
 */
export function StageTiles({ audioOnly }: { audioOnly: boolean }) {
  const { t } = useT();
  const participants = useParticipants();
  const shares = useTracks([Track.Source.ScreenShare], { onlySubscribed: false }).filter(shows);
  const cameras = useTracks([Track.Source.Camera], { onlySubscribed: false }).filter(shows);
  const presenters = participants.filter((p) => isSpeaker(p) || p.isCameraEnabled || p.isScreenShareEnabled);
  const visible = audioOnly ? [] : [...shares, ...cameras];
  return (
    <Stack gap="xs" data-testid="video-stage">
      {visible.length > 0 ? (
        <div className={classes.stage}>
          {shares.map((ref) => (
            <Tile key={ref.publication.trackSid} trackRef={ref} participant={ref.participant} fallback="" self={ref.participant.isLocal} screen />
          ))}
          <div className={classes.speakers}>
            {cameras.map((ref) => (
              <Tile key={ref.publication.trackSid} trackRef={ref} participant={ref.participant} fallback="" self={ref.participant.isLocal} />
            ))}
          </div>
        </div>
      ) : presenters.length > 0 ? (
        <div className={classes.speakers}>
          {presenters.map((p) => (
            <Tile key={p.identity} participant={p} fallback={audioOnly ? t('video.room.audioOnly') : t('video.room.noVideo')} self={p.isLocal} />
          ))}
        </div>
      ) : (
        <div className={classes.tile}>
          <Text size="sm" c="gray.3" ta="center" px="md" role="status">
            {t('video.room.speakerWaiting')}
          </Text>
        </div>
      )}
      <Text size="xs" c="dimmed">
        {t('video.room.participants', { count: participants.length })}
      </Text>
    </Stack>
  );
}
