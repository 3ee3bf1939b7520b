import type { JoinView } from '@/api/types';

export interface VideoPanelProps {
  /** Asks the api for a join token (POST …/join); called on "join" and on every retry. */
  join: () => Promise<JoinView>;
  /** `call`: two people, both publish; `stage`: a workshop, the speaker and screen share large. */
  layout: 'call' | 'stage';
}

// Placeholder until the video feature lands (LiveKit room, pre-join check, Hemat data).
export default function VideoPanel(_props: VideoPanelProps) {
  return null;
}
