/**
 * The call budget (src/budget/call-budget.ts): a refused call never reaches `send`, is counted
 * and reported, and fails as a throttling fault (so the cache backs off and serves stale within
 * its bound, and no retry loop spins on it).
 */
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { CallBudgetExceeded, checkBudget, createCallBudget } from '../../../src/budget/call-budget.js';
import { classifyFault } from '../../../src/errors/classify.js';
import type { SecretsManagerClientLike } from '../../../src/sdk/client-like.js';
import { TransportCounters } from '../../../src/transport/counters.js';
import type { TransportEvent } from '../../../src/transport/types.js';
import { rejectedOption } from '../../support/errors.js';

function setup(perMinute: number) {
  let now = 0;
  const clock = { now: () => now };
  const events: TransportEvent[] = [];
  const counters = new TransportCounters('sdk', (event) => events.push(event));
  const sent: unknown[] = [];
  const inner = {
    send: (command: unknown) => {
      sent.push(command);
      return Promise.resolve({ ok: true });
    },
  } as unknown as SecretsManagerClientLike;
  const client = createCallBudget(perMinute, clock, counters).wrap(inner);
  const call = () =>
    (client.send as (c: unknown) => Promise<unknown>)(new GetSecretValueCommand({ SecretId: 'app/db' }));
  return { call, sent, counters, events, advance: (ms: number) => (now += ms) };
}

describe('budget/call-budget', () => {
  it('passes calls within the budget to the client', async () => {
    const { call, sent, counters } = setup(2);
    await expect(call()).resolves.toEqual({ ok: true });
    await expect(call()).resolves.toEqual({ ok: true });
    expect(sent).toHaveLength(2);
    expect(counters.snapshot().budgetRefused).toBe(0);
  });

  it('refuses the call over the budget without sending it: counted, reported, a throttling fault', async () => {
    const { call, sent, counters, events, advance } = setup(1);
    await call();
    advance(15_000);
    const refused = await call().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(CallBudgetExceeded);
    expect((refused as CallBudgetExceeded).name).toBe('ThrottlingException');
    expect((refused as CallBudgetExceeded).retryAfterMs).toBe(45_000);
    expect((refused as Error).message).toBe(
      "secretkit's call budget (1 calls per minute) is spent; next call in 45000 ms.",
    );
    expect(classifyFault(refused)).toBe('throttled');
    expect(sent).toHaveLength(1);
    expect(counters.snapshot().budgetRefused).toBe(1);
    expect(events).toEqual([{ type: 'budget-refused', operation: 'GetSecretValue' }]);
  });

  it('a refusal is a rejection, never a synchronous throw', () => {
    const { call } = setup(1);
    void call();
    let thrown = false;
    let result: Promise<unknown> | undefined;
    try {
      result = call();
    } catch {
      thrown = true;
    }
    expect(thrown).toBe(false);
    return expect(result).rejects.toBeInstanceOf(CallBudgetExceeded);
  });

  it('sends again once the window has moved on', async () => {
    const { call, sent, advance } = setup(1);
    await call();
    await expect(call()).rejects.toBeInstanceOf(CallBudgetExceeded);
    advance(60_000);
    await expect(call()).resolves.toEqual({ ok: true });
    expect(sent).toHaveLength(2);
  });

  describe('checkBudget', () => {
    it('accepts undefined and integers from 1 to 1,000,000', () => {
      for (const ok of [undefined, 1, 60, 1_000_000]) expect(() => checkBudget(ok)).not.toThrow();
    });

    it.each([0, -1, 1.5, 1_000_001, Number.NaN, '60', null])('rejects %s by name', (value) => {
      expect(rejectedOption(() => checkBudget(value))).toBe('maxCallsPerMinute');
    });
  });
});
