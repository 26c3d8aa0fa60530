import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/failover/circuit-breaker.js';

function breaker(threshold = 2, cooldownMs = 1_000) {
  const clock = { t: 10_000, now: () => clock.t };
  return { clock, b: new CircuitBreaker({ failureThreshold: threshold, cooldownMs, clock }) };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of faults in a row; a success in between resets the count', () => {
    const { b } = breaker(2);
    expect(b.recordFailure(b.acquire()!)).toBeUndefined();
    b.recordSuccess(b.acquire()!);
    expect(b.recordFailure(b.acquire()!)).toBeUndefined();
    expect(b.recordFailure(b.acquire()!)).toEqual({ type: 'opened', untilMs: 11_000 });
    expect(b.current).toBe('open');
    expect(b.acquire()).toBeUndefined();
  });

  it('allows one half-open probe after the cool-down; success closes', () => {
    const { b, clock } = breaker(1);
    b.recordFailure(b.acquire()!);
    clock.t += 999;
    expect(b.acquire()).toBeUndefined();
    clock.t += 1;
    expect(b.current).toBe('half-open');
    const probe = b.acquire();
    expect(probe).toBe('probe');
    expect(b.acquire()).toBeUndefined();
    expect(b.recordSuccess(probe!)).toEqual({ type: 'closed' });
    expect(b.acquire()).toBe('closed');
  });

  it('a failed probe re-opens for another cool-down; a released probe lets the next one through', () => {
    const { b, clock } = breaker(3);
    for (let i = 0; i < 3; i += 1) b.recordFailure(b.acquire()!);
    clock.t += 1_000;
    expect(b.recordFailure(b.acquire()!)).toEqual({ type: 'opened', untilMs: clock.t + 1_000 });
    clock.t += 1_000;
    b.release(b.acquire()!);
    expect(b.acquire()).toBe('probe');
  });

  it('forceProbe grants a probe during the cool-down', () => {
    const { b } = breaker(1);
    b.recordFailure(b.acquire()!);
    expect(b.reopensAt).toBe(11_000);
    const p = b.forceProbe();
    expect(p).toBe('probe');
    expect(b.recordSuccess(p)).toEqual({ type: 'closed' });
    expect(b.reopensAt).toBe(0);
  });
});
