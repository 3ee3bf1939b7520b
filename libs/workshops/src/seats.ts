/** Seats held for a kecamatan open to everyone this long before the workshop's first session. */
export const QUOTA_HOLD_ENDS_BEFORE_MS = 24 * 3_600_000;

/** When held seats open to everyone: a day before the first session (null without sessions). */
export function quotasHeldUntil(firstStart: Date | undefined): Date | null {
  return firstStart ? new Date(firstStart.getTime() - QUOTA_HOLD_ENDS_BEFORE_MS) : null;
}

/** Quotas hold seats until `quotasHeldUntil`; after it every free seat goes to the first in line. */
export function quotasInEffect(firstStart: Date | undefined, now: Date): boolean {
  const until = quotasHeldUntil(firstStart);
  return until === null || now < until;
}

/** Held seats are due to open to the line once the hold is over and until the last session ends. */
export function heldSeatsDue(firstStart: Date | undefined, lastEnd: Date | undefined, now: Date): boolean {
  return !!firstStart && !!lastEnd && !quotasInEffect(firstStart, now) && now < lastEnd;
}

/**
 * Seat accounting with per-kecamatan quotas: `quotas` seats are held for entrepreneurs of a kecamatan;
 * the rest of the capacity is open to anyone. A person takes a held seat of their kecamatan first, then
 * an open one. Pure, so the rule is testable apart from the locking that makes it safe.
 */
export class SeatMap {
  private readonly taken = new Map<string | null, number>();

  constructor(
    private readonly capacity: number,
    private readonly quotas: ReadonlyMap<string, number> = new Map(),
  ) {}

  /** `registered`: one entry per registered person, their kecamatan (null when unknown). */
  static of(capacity: number, quotas: { kecamatanCode: string; seats: number }[], registered: (string | null)[]): SeatMap {
    const map = new SeatMap(capacity, new Map(quotas.map((q) => [q.kecamatanCode, q.seats])));
    for (const kecamatan of registered) map.take(kecamatan);
    return map;
  }

  get registered(): number {
    let total = 0;
    for (const n of this.taken.values()) total += n;
    return total;
  }

  get seatsLeft(): number {
    return Math.max(0, this.capacity - this.registered);
  }

  /** Seats still held for one kecamatan. */
  heldLeft(kecamatan: string): number {
    return Math.max(0, (this.quotas.get(kecamatan) ?? 0) - (this.taken.get(kecamatan) ?? 0));
  }

  canSeat(kecamatan: string | null): boolean {
    if (this.registered >= this.capacity) return false;
    if (kecamatan !== null && this.heldLeft(kecamatan) > 0) return true;
    return this.openUsed() < this.openSeats();
  }

  take(kecamatan: string | null): void {
    this.taken.set(kecamatan, (this.taken.get(kecamatan) ?? 0) + 1);
  }

  private openSeats(): number {
    let held = 0;
    for (const seats of this.quotas.values()) held += seats;
    return this.capacity - held;
  }

  private openUsed(): number {
    let used = 0;
    for (const [kecamatan, n] of this.taken) used += Math.max(0, n - (kecamatan === null ? 0 : (this.quotas.get(kecamatan) ?? 0)));
    return used;
  }
}
