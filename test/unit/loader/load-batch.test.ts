/** src/loader: defineSecrets(...).load() over secretkit/testing's in-memory Secrets Manager. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSecrets, isSecretkitError, SecretsClient, secret } from '../../../src/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

const PLANTED = 'planted-value-7e0a';

function setup() {
  const fake = new InMemorySecretsManager({ region: 'us-east-1' });
  fake.seed({ name: 'prod/db', json: { host: 'db', port: 5432 } });
  fake.seed({ name: 'prod/key', value: 'k-1' });
  fake.seed({ name: 'prod/bad', json: { port: PLANTED } });
  const client = new SecretsClient({ client: fake.client('us-east-1'), region: 'us-east-1' });
  return { fake, client };
}

describe('defineSecrets', () => {
  it('loads every secret typed, in one batch call', async () => {
    const { fake, client } = setup();
    const config = defineSecrets({
      db: secret.json('prod/db', z.object({ host: z.string(), port: z.number() })),
      key: secret.string('prod/key'),
    });
    const loaded = await config.load(client);
    expect(loaded).toEqual({ db: { host: 'db', port: 5432 }, key: 'k-1' });
    expect(fake.calls('BatchGetSecretValue')).toBe(1);
    expect(fake.calls('GetSecretValue')).toBe(0);
    client.close();
  });

  it('throws one LOAD_FAILED with typed failures and no values', async () => {
    const { client } = setup();
    const config = defineSecrets({
      bad: secret.json('prod/bad', z.object({ port: z.number() })),
      missing: secret.string('prod/missing'),
      key: secret.string('prod/key'),
    });
    const caught = await config.load(client).catch((e: unknown) => e);
    expect(isSecretkitError(caught, 'LOAD_FAILED')).toBe(true);
    if (!isSecretkitError(caught, 'LOAD_FAILED')) return;
    expect(caught.details?.failures.map((f) => [f.key, f.code])).toEqual([
      ['bad', 'SCHEMA_MISMATCH'],
      ['missing', 'NOT_FOUND'],
    ]);
    expect(JSON.stringify(caught)).not.toContain(PLANTED);
    expect(caught.message).not.toContain(PLANTED);
    client.close();
  });
});
