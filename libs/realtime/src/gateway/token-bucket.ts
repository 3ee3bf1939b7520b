/**
 * Per-connection event budget: `ratePerSecond` sustained, bursts up to `capacity`. In memory, because a
 * socket lives on exactly one node; a refused event costs nothing else and the socket stays usable.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity = ratePerSecond * 2,
    now = Date.now(),
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Takes one token; returns 0 when allowed, else the seconds until one is available. */
  take(now = Date.now()): number {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return (1 - this.tokens) / this.ratePerSecond;
  }
}
