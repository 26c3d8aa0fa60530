/**
 * What `defineSecrets(...).load()` reports when a schema throws, a key is secret, or
 * `secret.json` is given something that is not a schema: one LOAD_FAILED whose failures carry
 * the right code and no value or key.
 */
import Joi from 'joi-17';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { z as z3 } from 'zod/v3';
import {
  defineSecrets,
  isSecretkitError,
  type SecretsReader,
  type StandardSchemaV1,
  secret,
} from '../../../src/index.js';
import { clientWith, everything, rejectionOf } from '../schema/support.js';

const VALUE = 'hunter2-0c1d7e-not-json';
const KEY = 'sk_live_KEY0a9b8c';

interface Failure {
  key: string;
  code: string;
  message: string;
}

async function loadFailures(specs: Parameters<typeof defineSecrets>[0], secrets: Record<string, unknown>) {
  const { client } = clientWith(secrets);
  try {
    const error = await rejectionOf(defineSecrets(specs).load(client));
    expect(isSecretkitError(error, 'LOAD_FAILED')).toBe(true);
    return { error, failures: (error as { details: { failures: Failure[] } }).details.failures };
  } finally {
    client.close();
  }
}

describe('defineSecrets failures', () => {
  it('a schema that throws is SCHEMA_MISMATCH, not AWS_ERROR, and carries no value', async () => {
    const { error, failures } = await loadFailures(
      {
        a: secret.json(
          'app',
          z.string().transform((s) => JSON.parse(s) as unknown),
        ),
        b: secret.json(
          'app',
          z3.string().transform((s) => JSON.parse(s) as unknown),
        ),
      },
      { app: VALUE },
    );
    expect(failures.map((f) => f.code)).toEqual(['SCHEMA_MISMATCH', 'SCHEMA_MISMATCH']);
    expect(everything(error)).not.toContain(VALUE);
  });

  it('keys of the secret are redacted in LOAD_FAILED (zod 4, zod 3, valibot)', async () => {
    const { error, failures } = await loadFailures(
      {
        z4: secret.json('app', z.object({ keys: z.record(z.string(), z.number()) })),
        z4strict: secret.json('app', z.strictObject({ keys: z.strictObject({}) })),
        z3: secret.json('app', z3.object({ keys: z3.record(z3.number()) })),
        valibot: secret.json('app', v.strictObject({ keys: v.strictObject({}) })),
      },
      { app: { keys: { [KEY]: VALUE } } },
    );
    expect(failures).toHaveLength(4);
    expect(everything(error)).not.toContain(KEY);
    expect(everything(error)).not.toContain(VALUE);
  });

  it('secret.json with something that is not a schema fails that entry with INVALID_ARGUMENT', async () => {
    const { failures } = await loadFailures(
      {
        joi: secret.json('app', Joi.object({}) as unknown as StandardSchemaV1),
        options: secret.json('app', { versionStage: 'AWSPREVIOUS' } as unknown as StandardSchemaV1),
        fine: secret.json('app', z.object({})),
      },
      { app: { a: 1 } },
    );
    expect(failures.map((f) => [f.key, f.code])).toEqual([
      ['joi', 'INVALID_ARGUMENT'],
      ['options', 'INVALID_ARGUMENT'],
    ]);
    expect(failures[0]?.message).toMatch(/secret\.json: the second argument must be a Standard Schema.*Joi/);
  });

  it('a raw error from a reader’s getJson is not called an AWS error, and its message is not shown', async () => {
    const reader: SecretsReader & { preload: () => Promise<{ loaded: never[]; failed: never[] }> } = {
      preload: async () => ({ loaded: [], failed: [] }),
      getString: async () => 'x',
      getBinary: async () => new Uint8Array(),
      getJson: async () => {
        throw new SyntaxError(`Unexpected token in "${VALUE}"`);
      },
    };
    const error = await rejectionOf(defineSecrets({ a: secret.json('app', z.object({})) }).load(reader));
    const [failure] = (error as { details: { failures: Failure[] } }).details.failures;
    expect(failure?.code).toBe('SCHEMA_MISMATCH');
    expect(failure?.message).toMatch(/threw a SyntaxError/);
    expect(everything(error)).not.toContain(VALUE);
  });
});
