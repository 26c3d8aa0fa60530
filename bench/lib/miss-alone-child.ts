/**
 * One process of the "miss CPU, each library alone" section (bench/miss-alone.ts): reads fresh
 * ids through one library over a bare `send` (a canned GetSecretValue answer on the next
 * microtask, no SDK), interleaved batch by batch with that bare `send` called directly, and
 * prints one JSON line: the library's own CPU per miss (µs above the bare call).
 *
 *   node --import tsx bench/lib/miss-alone-child.ts <secretkit|powertools|map> [reads] [batch] [gapMs]
 *
 * With `gapMs`, the process sleeps that long (a timer: the event loop runs, the CPU may idle)
 * before each measured batch, as a server's reads come: apart, each one meeting caches that
 * other work (or the machine's other tenants) has cooled. Back to back (the default), the
 * miss's code and data stay warm.
 *
 * Alone in its process, a library's figure is not moved by another's allocations and GC, or by
 * code shared with a client over the real SDK (bench/lib/miss-cpu.ts measures all in one).
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { SecretsProvider } from '@aws-lambda-powertools/parameters/secrets';
import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { bareClient } from './bare-client.js';
import { loadSecretkit } from './candidates.js';

async function reader(which: string): Promise<(id: string) => Promise<unknown>> {
  if (which === 'secretkit') {
    const loaded = await loadSecretkit();
    if (!('ctor' in loaded)) throw new Error(loaded.unavailable);
    const client = new loaded.ctor({ client: bareClient(), region: 'us-east-1', ttlMs: 300_000 });
    return (id) => client.getString(id);
  }
  if (which === 'powertools') {
    const provider = new SecretsProvider({ awsSdkV3Client: bareClient() as never });
    return (id) => provider.get(id, { maxAge: 300 });
  }
  if (which === 'map') {
    // The hand-written baseline: a Map of value and expiry, nothing else.
    const bare = bareClient();
    const cache = new Map<string, { value: unknown; expiresMs: number }>();
    return async (id) => {
      const hit = cache.get(id);
      if (hit !== undefined && hit.expiresMs > Date.now()) return hit.value;
      const out = await bare.send(new GetSecretValueCommand({ SecretId: id }));
      cache.set(id, { value: out.SecretString, expiresMs: Date.now() + 300_000 });
      return out.SecretString;
    };
  }
  throw new Error(`unknown library ${which}`);
}

const which = process.argv[2] ?? 'secretkit';
const reads = Number(process.argv[3] ?? 60_000);
const get = await reader(which);
const bare = bareClient();
let next = 0;
const BATCH = Number(process.argv[4] ?? 20);
const GAP_MS = Number(process.argv[5] ?? 0);
const viaLibrary = () => Promise.all(Array.from({ length: BATCH }, () => get(`miss/${next++}`)));
const direct = () =>
  Promise.all(
    Array.from({ length: BATCH }, () =>
      bare.send(new GetSecretValueCommand({ SecretId: `miss/${next++}`, VersionStage: 'AWSCURRENT' })),
    ),
  );
const cpuUs = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};
for (let i = 0; i < 500; i++) {
  await viaLibrary();
  await direct();
}
let library = 0;
let reference = 0;
for (let i = 0; i < reads / BATCH; i++) {
  if (GAP_MS > 0) await sleep(GAP_MS);
  let start = cpuUs();
  await viaLibrary();
  library += cpuUs() - start;
  start = cpuUs();
  await direct();
  reference += cpuUs() - start;
}
process.stdout.write(`${JSON.stringify({ which, ownUs: (library - reference) / reads })}\n`);
process.exit(0);
