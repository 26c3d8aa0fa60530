/** The sliding window behind the call budget (src/budget/call-window.ts), on a fake clock. */
import { describe, expect, it } from 'vitest';
import { CallWindow } from '../../../src/budget/call-window.js';

function clockAt(ms: number): { now(): number; set(to: number): void } {
  let t = ms;
  return { now: () => t, set: (to) => (t = to) };
}

describe('budget/call-window', () => {
  it('takes `limit` calls in a window, then refuses until the oldest leaves it', () => {
    const clock = clockAt(1_000);
    const window = new CallWindow(3, 60_000, clock);
    expect([window.tryTake(), window.tryTake(), window.tryTake()]).toEqual([true, true, true]);
    expect(window.tryTake()).toBe(false);
    expect(window.msUntilNext()).toBe(60_000);
    clock.set(60_999);
    expect(window.tryTake()).toBe(false);
    expect(window.msUntilNext()).toBe(1);
    clock.set(61_000);
    // All three calls were made at 1,000: all three slots are free again.
    expect([window.tryTake(), window.tryTake(), window.tryTake(), window.tryTake()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('slides: each call frees its slot a window after it was made', () => {
    const clock = clockAt(0);
    const window = new CallWindow(2, 1_000, clock);
    expect(window.tryTake()).toBe(true);
    clock.set(400);
    expect(window.tryTake()).toBe(true);
    clock.set(999);
    expect(window.tryTake()).toBe(false);
    clock.set(1_000);
    expect(window.tryTake()).toBe(true);
    expect(window.msUntilNext()).toBe(400);
    clock.set(1_400);
    expect(window.tryTake()).toBe(true);
    expect(window.tryTake()).toBe(false);
  });

  it('a refused call takes no slot', () => {
    const clock = clockAt(0);
    const window = new CallWindow(1, 100, clock);
    expect(window.tryTake()).toBe(true);
    for (let i = 0; i < 10; i++) expect(window.tryTake()).toBe(false);
    clock.set(100);
    expect(window.tryTake()).toBe(true);
  });

  it('msUntilNext is 0 while a slot is free', () => {
    const window = new CallWindow(2, 1_000, clockAt(5));
    expect(window.msUntilNext()).toBe(0);
    window.tryTake();
    expect(window.msUntilNext()).toBe(0);
  });

  it('a clock that goes back does not free a slot early', () => {
    const clock = clockAt(10_000);
    const window = new CallWindow(1, 1_000, clock);
    expect(window.tryTake()).toBe(true);
    clock.set(5_000);
    expect(window.tryTake()).toBe(false);
  });
});
