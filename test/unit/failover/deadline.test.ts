import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDeadline } from '../../../src/failover/deadline.js';

describe('startDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('aborts the signal with a TIMEOUT error naming the region', async () => {
    const d = startDeadline('eu-west-1', 500);
    const expired = d.expired.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(499);
    expect(d.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(d.signal.aborted).toBe(true);
    expect(d.signal.reason).toMatchObject({ code: 'TIMEOUT', region: 'eu-west-1' });
    expect(await expired).toBe(d.signal.reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settle() clears the timer; abort() aborts with the given reason', () => {
    const d = startDeadline('us-east-1', 500);
    expect(vi.getTimerCount()).toBe(1);
    d.settle();
    expect(vi.getTimerCount()).toBe(0);
    const e = startDeadline('us-east-1', 500);
    const reason = new Error('lost');
    e.abort(reason);
    expect(e.signal.reason).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });
});
