/** How far LiveKit's clock may run ahead of ours. */
export const EVENT_CLOCK_SKEW_MS = 60_000;
/**
 * The oldest an event may claim to be: LiveKit posts within seconds and signs each delivery for 5 minutes
 * (an older token is refused anyway); twice that leaves room for its retries.
 */
export const EVENT_MAX_AGE_MS = 10 * 60_000;

/**
 * When an event happened, as far as the server can vouch: LiveKit's `createdAt` when it lies within
 * [received − 10 min, received + 60 s], else the time we received it.
 *
 * Clamped rather than refused: a refused "left" would leave the person counted in the room until the
 * session's end (and LiveKit's retry carries the same time, so it would be refused again), while a "left"
 * taken at its receipt closes the stay then. So a "joined" is never earlier than shortly before we heard
 * of it and a "left" never later than when we did: attendance only covers time the server's clock saw.
 */
export function eventTime(claimed: Date | undefined, received: Date): Date {
  if (!claimed) return received;
  const offset = claimed.getTime() - received.getTime();
  return offset > EVENT_CLOCK_SKEW_MS || offset < -EVENT_MAX_AGE_MS ? received : claimed;
}
