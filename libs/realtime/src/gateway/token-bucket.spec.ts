import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst of the capacity through, then refuses with the wait until the next token', () => {
    const bucket = new TokenBucket(10, 20, 0);
    const outcomes = Array.from({ length: 21 }, () => bucket.take(0));
    expect(outcomes.slice(0, 20).every((wait) => wait === 0)).toBe(true);
    expect(outcomes[20]).toBeCloseTo(0.1);
  });

  it('refills at the sustained rate and never above the capacity', () => {
    const bucket = new TokenBucket(10, 20, 0);
    for (let i = 0; i < 20; i++) bucket.take(0);
    expect(bucket.take(100)).toBe(0); // 100 ms brought one token back
    expect(bucket.take(100)).toBeGreaterThan(0);
    const rested = new TokenBucket(10, 20, 0);
    const afterAnHour = Array.from({ length: 21 }, () => rested.take(3_600_000));
    expect(afterAnHour.filter((wait) => wait === 0)).toHaveLength(20);
  });
});
