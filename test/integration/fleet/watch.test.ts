/**
 * watch() on the emulator, with a manual scheduler (no real waiting): DescribeSecret polls only
 * while subscribed; each new version fires each listener once, with version ids and no value.
 */
import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { type VersionChange, watch } from '../../../src/fleet/index.js';
import { SecretsClient } from '../../../src/index.js';
import { emulatorConfig, smClient, useEmulator } from '../../support/aws.js';

function manualScheduler() {
  const queue: { run: () => void; ms: number }[] = [];
  return {
    schedule: (run: () => void, ms: number) => {
      const job = { run, ms };
      queue.push(job);
      return () => {
        const i = queue.indexOf(job);
        if (i >= 0) queue.splice(i, 1);
      };
    },
    pending: () => queue.length,
    waits: () => queue.map((j) => j.ms),
    async tick(): Promise<void> {
      const job = queue.shift();
      job?.run();
      // let the DescribeSecret round-trip finish
      for (let i = 0; i < 50 && queue.length === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    },
  };
}

describe('watch() on the emulator', () => {
  useEmulator();

  it('fires once per new version with old and new ids (never a value), invalidates, and stops when unsubscribed', async () => {
    await smClient().send(new CreateSecretCommand({ Name: 'app/w', SecretString: 'w1' }));
    const calls: string[] = [];
    const secrets = new SecretsClient({
      clientConfig: emulatorConfig(),
      ttlMs: 3_600_000,
      onEvent: (e) => {
        if (e.type === 'api-call') calls.push(e.operation);
      },
    });
    const sched = manualScheduler();
    const seenA: VersionChange[] = [];
    const seenB: VersionChange[] = [];
    const opts = { intervalMs: 10_000, jitterRatio: 0.2, schedule: sched.schedule, random: () => 0 };
    const stopA = watch(secrets, 'app/w', (c) => seenA.push(c), opts);
    const stopB = watch(secrets, 'app/w', (c) => seenB.push(c), opts);
    for (let i = 0; i < 50 && sched.pending() === 0; i += 1) await new Promise((r) => setTimeout(r, 10));
    expect(sched.waits()).toEqual([8_000]); // one poller for both listeners, jittered (1 - 0.2)
    expect(await secrets.getString('app/w')).toBe('w1');
    await sched.tick(); // no change
    expect(seenA).toEqual([]);
    const put = await smClient().send(new PutSecretValueCommand({ SecretId: 'app/w', SecretString: 'w2' }));
    await sched.tick();
    await sched.tick(); // the same version again: no second callback
    expect(seenA).toHaveLength(1);
    expect(seenB).toHaveLength(1);
    expect(seenA[0]?.versionId).toBe(put.VersionId);
    expect(seenA[0]?.previousVersionId).not.toBe(put.VersionId);
    expect(JSON.stringify(seenA)).not.toMatch(/w1|w2/);
    expect(await secrets.getString('app/w')).toBe('w2'); // the cache was dropped
    stopA();
    expect(sched.pending()).toBe(1); // B still subscribed
    stopB();
    expect(sched.pending()).toBe(0); // no one left: no more polling
    const describes = calls.filter((c) => c === 'DescribeSecret').length;
    expect(describes).toBe(4);
    secrets.close();
  });
});
