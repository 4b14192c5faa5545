import { LOCK_WINDOW_MS, SignInAttempts } from './sign-in-attempts';

describe('failed sign-ins', () => {
  let now: number;
  let attempts: SignInAttempts;
  const minutes = (n: number) => (now += n * 60_000);
  beforeEach(() => {
    now = Date.parse('2026-10-01T08:00:00Z');
    attempts = new SignInAttempts(() => new Date(now));
  });
  const fail = (userId: string, times: number) => {
    for (let i = 0; i < times; i++) attempts.failed(userId);
  };

  it('locks an id at the fifth failure within 15 minutes, for 15 minutes, and says how long in seconds', () => {
    fail('wang', 4);
    expect(attempts.lockedFor('wang')).toBeUndefined();
    minutes(10);
    fail('wang', 1);
    expect(attempts.lockedFor('wang')).toBe(15 * 60);
    minutes(14);
    now += 30_500;
    expect(attempts.lockedFor('wang')).toBe(30);
    now += 29_500;
    expect(attempts.lockedFor('wang')).toBeUndefined();
  });

  it('forgets failures older than 15 minutes', () => {
    fail('wang', 4);
    minutes(16);
    fail('wang', 4);
    expect(attempts.lockedFor('wang')).toBeUndefined();
    fail('wang', 1);
    expect(attempts.lockedFor('wang')).toBe(LOCK_WINDOW_MS / 1000);
  });

  it('starts counting again after a success', () => {
    fail('wang', 4);
    attempts.succeeded('wang');
    fail('wang', 4);
    expect(attempts.lockedFor('wang')).toBeUndefined();
  });

  it('leaves other ids alone', () => {
    fail('wang', 5);
    expect(attempts.lockedFor('wang')).toBeGreaterThan(0);
    expect(attempts.lockedFor('li')).toBeUndefined();
  });

  it('starts afresh once a lock has passed', () => {
    fail('wang', 5);
    minutes(15);
    expect(attempts.lockedFor('wang')).toBeUndefined();
    fail('wang', 1);
    expect(attempts.lockedFor('wang')).toBeUndefined();
  });
});
