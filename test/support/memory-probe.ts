/**
 * Heap growth of a SecretsClient over many distinct secret ids (issue: `maxBytes` bounds memory).
 * Run with `node --expose-gc --import tsx test/support/memory-probe.ts [ids] [maxBytes]`; prints
 * one JSON line: bytes of heap growth after construction and after each case, gc'd.
 *
 * The SDK client is a minimal in-memory `send` (no call log, nothing kept per call), so that
 * the heap growth measured is the cache's.
 */
import { ResourceNotFoundException, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { SecretsClient } from '../../src/index.js';

const ids = Number(process.argv[2] ?? 100_000);
const maxBytes = Number(process.argv[3] ?? 4 * 1024 * 1024);
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const heap = (): number => {
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
};

const ACCOUNT = '123456789012';
const send = async (command: { input: { SecretId?: string } }): Promise<unknown> => {
  const id = command.input.SecretId ?? '';
  if (id.startsWith('nf-')) {
    throw new ResourceNotFoundException({
      message: "Secrets Manager can't find the specified secret.",
      $metadata: { httpStatusCode: 400 },
    });
  }
  if (id.startsWith('ft-')) {
    throw new SecretsManagerServiceException({
      name: 'ThrottlingException',
      $fault: 'client',
      message: 'Rate exceeded',
      $metadata: { httpStatusCode: 429 },
    });
  }
  return {
    ARN: `arn:aws:secretsmanager:us-east-1:${ACCOUNT}:secret:${id}-AbCdEf`,
    Name: id,
    VersionId: `${id.padEnd(36, '0').slice(0, 36)}`,
    VersionStages: ['AWSCURRENT'],
    SecretString: JSON.stringify({ user: id, password: `pw-${id}-${'x'.repeat(64)}` }),
    $metadata: {},
  };
};

const base = heap();
const client = new SecretsClient({
  client: { send } as never,
  region: 'us-east-1',
  maxEntries: 1_000_000,
  maxBytes,
  ttlMs: 3_600_000,
  notFoundTtlMs: 3_600_000,
  backoffBaseMs: 3_600_000,
  backoffMaxMs: 3_600_000,
});
const growth: Record<string, number> = { construction: heap() - base };

async function run(prefix: string, kind: string): Promise<void> {
  const before = heap();
  const batch = 500;
  for (let start = 0; start < ids; start += batch) {
    const reads: Promise<unknown>[] = [];
    for (let i = start; i < Math.min(ids, start + batch); i++) {
      reads.push(client.getString(`${prefix}${i.toString(36).padStart(6, '0')}`).catch(() => undefined));
    }
    await Promise.all(reads);
  }
  growth[kind] = heap() - before;
  if (process.env.PROBE_DEBUG) console.error(kind, JSON.stringify(client.stats()));
}

await run('ok-', 'reads');
client.invalidate();
await run('nf-', 'notFound');
client.invalidate();
await run('ft-', 'faults');
const entries = client.stats().entries;
client.close();
process.stdout.write(`${JSON.stringify({ ids, maxBytes, growth, entries })}\n`);
