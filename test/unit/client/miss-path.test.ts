/**
 * The miss path's deliberate cheapness (issue #16), pinned by what it allocates rather than by
 * timing: on Node 20 an AbortController whose signal gets a listener costs several µs, more than
 * the rest of a miss. Concurrent misses share one signal per region window (failover/
 * shared-signal.ts), the cache engine has one loader signal (cache/engine.ts), and the SDK
 * boundary adds none of its own for a routed read (sdk/send.ts).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { failover } from '../../../src/failover/index.js';
import { SecretsClient } from '../../../src/index.js';

function countingAbortControllers(): { count: () => number; restore: () => void } {
  const Original = globalThis.AbortController;
  let made = 0;
  class Counting extends Original {
    constructor() {
      super();
      made += 1;
    }
  }
  globalThis.AbortController = Counting;
  return {
    count: () => made,
    restore: () => {
      globalThis.AbortController = Original;
    },
  };
}

/** A client whose send answers every GetSecretValue at once, recording the signals it is given. */
function answeringClient(signals: AbortSignal[]) {
  return {
    send: async (command: { input: { SecretId: string } }, options?: { abortSignal?: AbortSignal }) => {
      if (options?.abortSignal) signals.push(options.abortSignal);
      const name = command.input.SecretId;
      return {
        Name: name,
        ARN: `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`,
        VersionId: 'v1',
        SecretString: `value of ${name}`,
        VersionStages: ['AWSCURRENT'],
        $metadata: {},
      };
    },
  };
}

describe('SecretsClient miss path', () => {
  let restore = (): void => undefined;
  afterEach(() => {
    restore();
    vi.useRealTimers();
  });

  it('100 concurrent misses create at most a couple of AbortControllers and pass one shared signal', async () => {
    vi.useFakeTimers({ now: 1_000_000 }); // Date.now() stands still: one window
    const signals: AbortSignal[] = [];
    const client = new SecretsClient({ client: answeringClient(signals) as never, region: 'us-east-1' });
    const counter = countingAbortControllers();
    restore = counter.restore;
    const ids = Array.from({ length: 100 }, (_, i) => `miss/${i}`);
    const values = await Promise.all(ids.map((id) => client.getString(id)));
    expect(values).toEqual(ids.map((id) => `value of ${id}`));
    expect(signals).toHaveLength(100);
    expect(new Set(signals).size).toBe(1);
    // One for the region's window; none per read, per attempt or per SDK call.
    expect(counter.count()).toBeLessThanOrEqual(1);
    expect(client.stats().apiCalls.total).toBe(100);
    client.close();
    expect(signals[0]?.aborted).toBe(true); // close() aborts the window's signal
  });

  it('with hedging, every attempt gets its own signal (a losing attempt is aborted alone)', async () => {
    const signals: AbortSignal[] = [];
    const client = new SecretsClient({
      client: answeringClient(signals) as never,
      region: 'us-east-1',
      failover: failover({ replicaRegions: ['us-west-2'], hedgeAfterMs: 1_000 }),
      replicaClients: { 'us-west-2': answeringClient(signals) as never },
    });
    await Promise.all([client.getString('a'), client.getString('b')]);
    expect(new Set(signals).size).toBe(2);
    client.close();
  });
});
