/**
 * A settable wall clock for tests. It moves `Date` (`Date.now()`, `new Date()`) by an offset in this
 * process, so the product's Clock, BullMQ's delays, tokens and the test's own arithmetic agree on the
 * time; timers still run at their own pace, and MySQL's CURRENT_TIMESTAMP defaults stay on real time.
 *
 * - `TEST_WALL_CLOCK=22:30 npm test`: global setup picks the next 22:30 WIB and every suite starts there.
 * - A suite that needs a time of day (daytime, or 22:00 for quiet hours) calls `setWallClock('10:00')`.
 * - A process a test spawns runs with `-r ./test/support/wall-clock.ts` and `wallClockEnv()`: same time.
 *
 * Jest loads this file first in every suite (`setupFiles`); it has no imports so a plain process can
 * preload it as well.
 */
export const WALL_CLOCK_ENV = 'TEST_WALL_CLOCK';
const OFFSET_ENV = 'PENDAMPING_TEST_CLOCK_OFFSET_MS';

const WIB_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const STATE = Symbol.for('pendamping.test.wall-clock');

interface State {
  real: DateConstructor;
  offsetMs: number;
}

/** Installs the movable `Date` once per realm (jest gives every suite its own). */
function state(): State {
  const realm = globalThis as typeof globalThis & { [STATE]?: State };
  if (realm[STATE]) return realm[STATE];
  const s: State = { real: Date, offsetMs: 0 };
  const now = () => s.real.now() + s.offsetMs;
  realm.Date = new Proxy(s.real, {
    construct: (target, args, newTarget) => Reflect.construct(target, args.length ? args : [now()], newTarget),
    apply: () => new s.real(now()).toString(),
    get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
  });
  realm[STATE] = s;
  return s;
}

/** Milliseconds from `fromMs` to the next `HH:MM` WIB (0 when it is that minute's first millisecond). */
export function msUntilWib(hhmm: string, fromMs: number): number {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!match) throw new Error(`${WALL_CLOCK_ENV} must be a WIB time like 22:30, not "${hhmm}"`);
  const target = (Number(match[1]) * 60 + Number(match[2])) * 60_000;
  return (target - ((fromMs + WIB_MS) % DAY_MS) + DAY_MS) % DAY_MS;
}

/**
 * Moves the clock forward to the next `HH:MM` WIB and returns a function that puts it back where it
 * would have been. Everything in this process sees the new time at once.
 */
export function setWallClock(hhmm: string): () => void {
  const s = state();
  const previous = s.offsetMs;
  s.offsetMs += msUntilWib(hhmm, Date.now());
  return () => {
    s.offsetMs = previous;
  };
}

/** The environment that gives a child process this process's clock (with the `-r` preload above). */
export function wallClockEnv(): Record<string, string> {
  const realm = globalThis as typeof globalThis & { [STATE]?: State };
  return { [OFFSET_ENV]: String(realm[STATE]?.offsetMs ?? 0) };
}

/** Global setup: turns `TEST_WALL_CLOCK` into one offset that every jest worker and child inherits. */
export function shareWallClock(env: NodeJS.ProcessEnv): void {
  const at = env[WALL_CLOCK_ENV];
  if (at) env[OFFSET_ENV] = String(msUntilWib(at, Date.now()));
}

const inherited = Number(process.env[OFFSET_ENV] ?? 0);
if (inherited) state().offsetMs = inherited;
