import { describe, expect, it } from 'vitest';
import { Flight } from '../../../src/cache/flight.js';

describe('Flight', () => {
  it('settles once: later outcomes are ignored', async () => {
    const flight = new Flight<string>();
    flight.succeed('first');
    flight.fail(new Error('late'));
    flight.succeed('second');
    expect(await flight.promise).toBe('first');
    expect(flight.settled).toBe(true);
  });

  it('keeps the first error', async () => {
    const flight = new Flight<string>();
    const error = new Error('first');
    flight.fail(error);
    flight.succeed('late');
    await expect(flight.promise).rejects.toBe(error);
  });

  it('marked unwaited, does not cause an unhandled rejection when nobody awaits it', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      new Flight<string>().unwaited().fail(new Error('nobody listens'));
      await new Promise<void>((r) => setImmediate(r));
      await new Promise<void>((r) => setImmediate(r));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
