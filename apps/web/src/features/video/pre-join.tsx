import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, NativeSelect, Progress, Stack, Switch, Text, Title } from '@mantine/core';
import { IconMicrophone, IconVideo } from '@tabler/icons-react';
import { useT } from '@/i18n';
import { useDevice, useMicLevel, type DeviceState, type MediaKind } from './use-media-preview';
import classes from './video.module.css';

/** What the person chose in the check; the room publishes exactly this. */
export interface MediaChoices {
  audioOnly: boolean;
  camera: boolean;
  microphone: boolean;
  cameraId: string;
  microphoneId: string;
}

interface PreJoinProps {
  layout: 'call' | 'stage';
  dataSaver: boolean;
  onDataSaver: (on: boolean) => void;
  joining: boolean;
  onJoin: (choices: MediaChoices) => void;
  /** A speaker's check: the camera starts on, and the button says what joining means for them ("go live"). */
  presenter?: boolean;
  joinLabel?: string;
}

/** The camera preview and microphone level before joining, with device pickers, toggles and Hemat data. */
export function PreJoin({ layout, dataSaver, onDataSaver, joining, onJoin, presenter, joinLabel }: PreJoinProps) {
  const { t } = useT();
  // In a workshop most people listen: the camera starts off there, the microphone is checked for when they get the floor.
  const [cameraOn, setCameraOn] = useState(layout === 'call' || !!presenter);
  const [micOn, setMicOn] = useState(true);
  const camera = useDevice('camera', cameraOn && !dataSaver);
  const microphone = useDevice('microphone', micOn);
  const level = useMicLevel(microphone.stream);

  const join = () =>
    onJoin({
      audioOnly: dataSaver,
      camera: cameraOn && !dataSaver && !camera.problem,
      microphone: micOn && !microphone.problem,
      cameraId: camera.deviceId,
      microphoneId: microphone.deviceId,
    });

  return (
    <Stack gap="sm" data-testid="video-prejoin">
      <div>
        <Title order={3} size="h4">
          {t('video.prejoin.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('video.prejoin.lead')}
        </Text>
      </div>

      <Preview stream={camera.stream} note={dataSaver ? t('video.prejoin.audioOnlyPreview') : t('video.prejoin.cameraOff')} />

      <Stack gap={4}>
        <Progress value={micOn ? level : 0} size="md" color="teal" aria-label={t('video.prejoin.micLevel')} data-testid="mic-level" transitionDuration={100} />
        <Text size="xs" c="dimmed">
          {t('video.prejoin.micHint')}
        </Text>
      </Stack>

      <Group gap="lg">
        {!dataSaver && <Switch label={t('video.prejoin.cameraToggle')} checked={cameraOn} onChange={(e) => setCameraOn(e.currentTarget.checked)} thumbIcon={<IconVideo size={10} aria-hidden />} />}
        <Switch label={t('video.prejoin.microphoneToggle')} checked={micOn} onChange={(e) => setMicOn(e.currentTarget.checked)} thumbIcon={<IconMicrophone size={10} aria-hidden />} />
      </Group>

      {!dataSaver && cameraOn && <DeviceProblem kind="camera" device={camera} />}
      {micOn && <DeviceProblem kind="microphone" device={microphone} />}
      {!dataSaver && cameraOn && <DevicePicker kind="camera" device={camera} />}
      {micOn && <DevicePicker kind="microphone" device={microphone} />}

      <Switch
        size="md"
        label={t('video.dataSaver.label')}
        // The description is read through aria-describedby; the name stays the switch's own words.
        aria-label={t('video.dataSaver.label')}
        description={t('video.dataSaver.description')}
        checked={dataSaver}
        onChange={(e) => onDataSaver(e.currentTarget.checked)}
        data-testid="data-saver"
      />

      <Button onClick={join} loading={joining} color="teal" data-testid="video-join">
        {joinLabel ?? t('video.prejoin.join')}
      </Button>
    </Stack>
  );
}

function Preview({ stream, note }: { stream: MediaStream | null; note: string }) {
  const { t } = useT();
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  return (
    <div className={classes.preview}>
      {stream ? (
        <video ref={ref} className={classes.mirror} autoPlay muted playsInline aria-label={t('video.prejoin.preview')} data-testid="camera-preview" />
      ) : (
        <Text size="sm" c="gray.3" ta="center" px="md">
          {note}
        </Text>
      )}
    </div>
  );
}

function DeviceProblem({ kind, device }: { kind: MediaKind; device: DeviceState }) {
  const { t } = useT();
  if (!device.problem) return null;
  const text = device.problem === 'unsupported' ? t('video.media.unsupported') : t(`video.media.${device.problem}.${kind}`);
  return (
    <Alert color="yellow" role="alert" data-testid={`${kind}-problem`}>
      <Stack gap={6} align="flex-start">
        <Text size="sm">{text}</Text>
        <Text size="sm">{t('video.prejoin.joinWithout')}</Text>
        {device.problem !== 'unsupported' && (
          <Button size="xs" variant="default" onClick={device.retry}>
            {t('video.media.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function DevicePicker({ kind, device }: { kind: MediaKind; device: DeviceState }) {
  const { t } = useT();
  if (device.devices.length === 0) return null;
  const data = device.devices.map((d, i) => ({ value: d.deviceId, label: d.label || t('video.prejoin.deviceFallback', { n: i + 1 }) }));
  return <NativeSelect label={t(`video.prejoin.${kind}`)} data={data} value={device.deviceId} onChange={(e) => device.choose(e.currentTarget.value)} />;
}
