import { FailureThrottle } from './failure-throttle';

/** A clock the test moves by hand, in ms. */
function clock(): { now: () => number; pass: (ms: number) => void } {
  let t = 0;
  return { now: () => t, pass: (ms) => (t += ms) };
}

describe('FailureThrottle', () => {
  it('lets an address fail `burst` times at once, then refuses it until a token has refilled', () => {
    const time = clock();
    const throttle = new FailureThrottle({ burst: 3, perSecond: 1 }, time.now);
    expect([1, 2, 3].map(() => throttle.fail('10.0.0.1'))).toEqual([undefined, undefined, undefined]);
    expect(throttle.fail('10.0.0.1')).toBe(1);
    time.pass(400);
    // Refused failures take nothing: 0.4 of a token has come back, 0.6 s to go.
    expect(throttle.fail('10.0.0.1')).toBe(1);
    time.pass(700);
    expect(throttle.fail('10.0.0.1')).toBeUndefined();
    expect(throttle.fail('10.0.0.1')).toBe(1);
  });

  it('counts each address apart', () => {
    const throttle = new FailureThrottle({ burst: 1, perSecond: 1 }, clock().now);
    expect(throttle.fail('10.0.0.1')).toBeUndefined();
    expect(throttle.fail('10.0.0.1')).toBe(1);
    expect(throttle.fail('10.0.0.2')).toBeUndefined();
  });

  it('says how long to wait when tokens come back slowly, and refills no more than the burst', () => {
    const time = clock();
    const throttle = new FailureThrottle({ burst: 2, perSecond: 1 }, time.now);
    throttle.fail('a');
    throttle.fail('a');
    expect(throttle.fail('a')).toBe(1);
    time.pass(60_000);
    expect([throttle.fail('a'), throttle.fail('a'), throttle.fail('a')]).toEqual([undefined, undefined, 1]);
  });

  it('forgets addresses whose bucket has refilled, and keeps at most maxBuckets', () => {
    const time = clock();
    const throttle = new FailureThrottle({ burst: 5, perSecond: 1 }, time.now, 100);
    for (let i = 0; i < 50; i++) throttle.fail(`idle-${i}`);
    time.pass(10_000);
    throttle.fail('busy');
    // The 50 idle buckets are full again: the same as none.
    expect(throttle.size).toBe(1);
    for (let i = 0; i < 1000; i++) throttle.fail(`many-${i}`);
    expect(throttle.size).toBe(100);
  });
});
