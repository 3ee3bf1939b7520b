import { useCallback, useEffect, useState } from 'react';

export type MediaKind = 'camera' | 'microphone';
/** Why a device cannot be used, each with its own sentence (i18n video.media.*). */
export type MediaProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'failed';

/** Small video for a phone on a metered line: the preview and the published camera use the same size. */
export const CAMERA_SIZE = { width: { ideal: 640 }, height: { ideal: 360 }, facingMode: 'user' } as const;

export interface DeviceState {
  stream: MediaStream | null;
  problem: MediaProblem | null;
  devices: MediaDeviceInfo[];
  /** The device in use (or chosen); '' for the browser's default. */
  deviceId: string;
  choose: (deviceId: string) => void;
  retry: () => void;
}

export function mediaProblem(error: unknown): MediaProblem {
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'missing';
  if (name === 'NotReadableError' || name === 'TrackStartError' || name === 'AbortError') return 'busy';
  return 'failed';
}

const supported = () => typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;

function constraints(kind: MediaKind, deviceId: string): MediaStreamConstraints {
  if (kind === 'camera') return { video: deviceId ? { ...CAMERA_SIZE, deviceId: { exact: deviceId } } : CAMERA_SIZE };
  return { audio: deviceId ? { deviceId: { exact: deviceId } } : true };
}

/**
 * One local device for the pre-join check: its stream while `enabled` (stopped when turned off, so the
 * camera light goes out), the devices of its kind to pick from, and why it cannot be used.
 */
export function useDevice(kind: MediaKind, enabled: boolean): DeviceState {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<MediaProblem | null>(null);
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  // What the person picked (drives getUserMedia) and what the browser chose when they have not picked.
  const [deviceId, setDeviceId] = useState('');
  const [inUse, setInUse] = useState('');
  const [attempt, setAttempt] = useState(0);

  const refreshDevices = useCallback(async () => {
    if (!supported()) return;
    try {
      const all = await navigator.mediaDevices.enumerateDevices();
      setDevices(all.filter((d) => d.kind === (kind === 'camera' ? 'videoinput' : 'audioinput') && d.deviceId));
    } catch {
      setDevices([]);
    }
  }, [kind]);

  useEffect(() => {
    if (!enabled) return;
    if (!supported()) {
      setProblem('unsupported');
      return;
    }
    let cancelled = false;
    let acquired: MediaStream | null = null;
    setProblem(null);
    navigator.mediaDevices.getUserMedia(constraints(kind, deviceId)).then(
      (s) => {
        if (cancelled) return s.getTracks().forEach((t) => t.stop());
        acquired = s;
        setStream(s);
        setInUse(s.getTracks()[0]?.getSettings().deviceId ?? '');
        void refreshDevices();
      },
      (error: unknown) => {
        if (cancelled) return;
        setStream(null);
        setProblem(mediaProblem(error));
      },
    );
    return () => {
      cancelled = true;
      acquired?.getTracks().forEach((t) => t.stop());
      setStream(null);
    };
  }, [kind, enabled, deviceId, attempt, refreshDevices]);

  useEffect(() => {
    if (!supported()) return;
    navigator.mediaDevices.addEventListener('devicechange', refreshDevices);
    return () => navigator.mediaDevices.removeEventListener('devicechange', refreshDevices);
  }, [refreshDevices]);

  return {
    stream: enabled ? stream : null,
    problem: enabled ? problem : null,
    devices,
    deviceId: deviceId || inUse,
    choose: setDeviceId,
    retry: useCallback(() => setAttempt((n) => n + 1), []),
  };
}

/** The microphone's loudness, 0–100, sampled ten times a second (enough for a bar, light on a phone). */
export function useMicLevel(stream: MediaStream | null): number {
  const [level, setLevel] = useState(0);
  useEffect(() => {
    if (!stream || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    // A context made before any tap starts suspended; the first tap on the page wakes it.
    const resume = () => void context.resume().catch(() => undefined);
    document.addEventListener('pointerdown', resume, { once: true });
    const timer = setInterval(() => {
      analyser.getByteTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += ((s - 128) / 128) ** 2;
      setLevel(Math.min(100, Math.round(Math.sqrt(sum / samples.length) * 300)));
    }, 100);
    return () => {
      clearInterval(timer);
      document.removeEventListener('pointerdown', resume);
      void context.close().catch(() => undefined);
      setLevel(0);
    };
  }, [stream]);
  return level;
}
