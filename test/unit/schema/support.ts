/**
 * A SecretsClient over the in-memory Secrets Manager (secretkit/testing), seeded with the given
 * secrets, for the schema tests.
 */
import { inspect } from 'node:util';
import { SecretsClient } from '../../../src/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

/** Seeds each entry as JSON (a string becomes a JSON string) and returns a client on them. */
export function clientWith(secrets: Readonly<Record<string, unknown>>): {
  client: SecretsClient;
  fake: InMemorySecretsManager;
} {
  const fake = new InMemorySecretsManager({ seed: 1 });
  for (const [name, value] of Object.entries(secrets)) {
    fake.seed({ name, json: value });
  }
  return { client: new SecretsClient({ client: fake, region: 'us-east-1' }), fake };
}

/** Every text form of an error a user or a log could see: message, inspect (with causes), JSON. */
export function everything(value: unknown): string {
  const parts = [String(value), inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true })];
  try {
    parts.push(JSON.stringify(value) ?? '');
  } catch {
    parts.push('(not JSON-serialisable)');
  }
  let cause = (value as { cause?: unknown } | null)?.cause;
  for (let i = 0; cause !== undefined && i < 20; i += 1) {
    parts.push(String(cause), inspect(cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }));
    cause = (cause as { cause?: unknown } | null)?.cause;
  }
  return parts.join('\n');
}

/** The rejection of `promise` (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${inspect(value)}`);
    },
    (error: unknown) => error,
  );
}
