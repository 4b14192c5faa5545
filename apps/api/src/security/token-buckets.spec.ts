import { TokenBuckets } from './token-buckets';

describe('token buckets', () => {
  it('lets a burst of the per-minute number through, then says how long to wait', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now);
    for (let i = 0; i < 60; i++) expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1);
    // Another key has its own bucket.
    expect(buckets.take('b')).toBe(0);
    now += 1000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(1);
  });

  it('waits longer when the rate is lower', () => {
    const buckets = new TokenBuckets(2, () => 0);
    buckets.take('a');
    buckets.take('a');
    expect(buckets.take('a')).toBe(30);
    expect(buckets.wait('a')).toBe(30);
    expect(buckets.wait('never-seen')).toBe(0);
  });

  it('forgets full buckets when it holds too many keys', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now, 2);
    buckets.take('a');
    buckets.take('b');
    now += 60_000;
    buckets.take('c');
    // `a` was full again and forgotten: it starts with a full bucket, as it would have anyway.
    for (let i = 0; i < 60; i++) expect(buckets.take('a')).toBe(0);
  });
});
