import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSecrets, isSecretkitError, secret } from '../../../src/index.js';
import { useEmulator, useSecretsAdmin, useSecretsClient } from '../../support/aws.js';

describe('defineSecrets(...).load against the emulator', () => {
  useEmulator();
  const make = useSecretsClient();
  const makeAdmin = useSecretsAdmin();

  it('loads everything typed, with one BatchGetSecretValue per 20 secrets', async () => {
    const client = make();
    const admin = makeAdmin([client]);
    await admin.createSecret({ name: 'prod/db', value: { json: { host: 'db', port: 5432 } } });
    await admin.createSecret({ name: 'prod/stripe', value: { string: 'sk_live' } });
    await admin.createSecret({ name: 'prod/cert', value: { binary: new Uint8Array([7]) } });
    const before = client.stats().apiCalls.total;
    const config = defineSecrets({
      db: secret.json('prod/db', z.object({ host: z.string(), port: z.number() })),
      stripe: secret.string('prod/stripe'),
      cert: secret.binary('prod/cert'),
    });
    const loaded = await config.load(client);
    expect(loaded.db.port).toBe(5432);
    expect(loaded.stripe).toBe('sk_live');
    expect([...loaded.cert]).toEqual([7]);
    expect(client.stats().apiCalls.total - before).toBe(1);
  });

  it('throws one LOAD_FAILED listing every failing secret, without values', async () => {
    const client = make();
    const admin = makeAdmin([client]);
    await admin.createSecret({ name: 'prod/db', value: { json: { host: 'db', port: 'PLANTED-VALUE-9' } } });
    await admin.createSecret({ name: 'prod/ok', value: { string: 'fine' } });
    const config = defineSecrets({
      db: secret.json('prod/db', z.object({ host: z.string(), port: z.number() })),
      ok: secret.string('prod/ok'),
      missing: secret.string('prod/missing'),
    });
    const error = await config.load(client).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isSecretkitError(error, 'LOAD_FAILED')).toBe(true);
    const failures = (error as { details: { failures: Array<{ key: string; code: string }> } }).details
      .failures;
    expect(failures.map((f) => [f.key, f.code])).toEqual([
      ['db', 'SCHEMA_MISMATCH'],
      ['missing', 'NOT_FOUND'],
    ]);
    expect(String(error)).not.toContain('PLANTED-VALUE-9');
    expect(JSON.stringify(error)).not.toContain('PLANTED-VALUE-9');
  });
});
