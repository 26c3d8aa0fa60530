import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDeadline } from '../../../src/failover/deadline.js';
import { SharedSignals, windowMs } from '../../../src/failover/shared-signal.js';

describe('startDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports a TIMEOUT error naming the region at the deadline, and aborts its own signal with it', async () => {
    const expired: unknown[] = [];
    const d = startDeadline('eu-west-1', 500, (e) => expired.push(e));
    await vi.advanceTimersByTimeAsync(499);
    expect(d.signal.aborted).toBe(false);
    expect(expired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(d.signal.aborted).toBe(true);
    expect(d.signal.reason).toMatchObject({ code: 'TIMEOUT', region: 'eu-west-1' });
    expect(expired).toEqual([d.signal.reason]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('settle() clears the timer; abort() aborts with the given reason', () => {
    const onExpired = vi.fn();
    const d = startDeadline('us-east-1', 500, onExpired);
    expect(vi.getTimerCount()).toBe(1);
    d.settle();
    expect(vi.getTimerCount()).toBe(0);
    const e = startDeadline('us-east-1', 500, onExpired);
    const reason = new Error('lost');
    e.abort(reason);
    expect(e.signal.reason).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    expect(onExpired).not.toHaveBeenCalled();
  });
});

describe('SharedSignals', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('gives attempts of one window one signal, aborted once the last of their deadlines passed', async () => {
    const shared = new SharedSignals('us-east-1', 1_000);
    const width = windowMs(1_000);
    const expired: unknown[] = [];
    const first = startDeadline('us-east-1', 1_000, (e) => expired.push(e), shared.acquire());
    const second = startDeadline('us-east-1', 1_000, (e) => expired.push(e), shared.acquire());
    expect(second.signal).toBe(first.signal);
    // Each attempt's own deadline is exact; abandoning one leaves the shared signal alone.
    first.abort(new Error('abandoned'));
    expect(first.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(expired).toHaveLength(1);
    // Neither call ended: the window aborts them once the last deadline of the window passed.
    await vi.advanceTimersByTimeAsync(width);
    expect(first.signal.aborted).toBe(true);
    expect(first.signal.reason).toMatchObject({ code: 'TIMEOUT', region: 'us-east-1' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('opens a new window after the width; a window whose calls all ended is dropped unaborted', async () => {
    const shared = new SharedSignals('us-east-1', 1_000);
    const a = shared.acquire();
    await vi.advanceTimersByTimeAsync(windowMs(1_000));
    const b = shared.acquire();
    expect(b.signal).not.toBe(a.signal);
    a.release();
    a.release(); // idempotent
    await vi.advanceTimersByTimeAsync(1_000);
    expect(a.signal.aborted).toBe(false);
    b.release();
    shared.close(new Error('closed'));
    expect(b.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('lets the next window take over a window nobody uses, its abort timer re-armed for the new attempts', async () => {
    const shared = new SharedSignals('us-east-1', 1_000);
    const width = windowMs(1_000);
    const a = shared.acquire();
    a.release();
    await vi.advanceTimersByTimeAsync(600);
    // One read at a time, 600 ms apart: the same signal, and still one timer.
    const b = shared.acquire();
    expect(b.signal).toBe(a.signal);
    expect(vi.getTimerCount()).toBe(1);
    // The first window's timer would have fired at 1,000 + width: re-armed, it spares b's call
    // until b's own deadline (plus the width) has passed.
    await vi.advanceTimersByTimeAsync(1_000 + width - 600);
    expect(b.signal.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(600);
    expect(b.signal.aborted).toBe(true);
    expect(b.signal.reason).toMatchObject({ code: 'TIMEOUT', region: 'us-east-1' });
    expect(vi.getTimerCount()).toBe(0);
    // An aborted window is never taken over.
    const c = shared.acquire();
    expect(c.signal).not.toBe(b.signal);
    expect(c.signal.aborted).toBe(false);
    c.release();
    shared.close(new Error('closed'));
  });

  it('does not take over a window whose signal still has a listener (a request that did not let go)', async () => {
    const shared = new SharedSignals('us-east-1', 1_000);
    const a = shared.acquire();
    const leftOver = (): void => undefined;
    a.signal.addEventListener('abort', leftOver);
    a.release();
    await vi.advanceTimersByTimeAsync(windowMs(1_000));
    const b = shared.acquire();
    expect(b.signal).not.toBe(a.signal);
    a.signal.removeEventListener('abort', leftOver);
    b.release();
    await vi.advanceTimersByTimeAsync(windowMs(1_000));
    // Once the listener is gone, the current window (b's) is taken over again.
    expect(shared.acquire().signal).toBe(b.signal);
    shared.close(new Error('closed'));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('after close(), hands out signals that are already aborted', () => {
    const shared = new SharedSignals('us-east-1', 1_000);
    shared.close(new Error('closed'));
    const lease = shared.acquire();
    expect(lease.signal.aborted).toBe(true);
    expect(lease.signal.reason).toMatchObject({ code: 'CLIENT_CLOSED' });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the window between 1 and 10 ms', () => {
    expect(windowMs(5)).toBe(1);
    expect(windowMs(50)).toBe(5);
    expect(windowMs(3_000)).toBe(10);
  });
});
