import { TagResourceCommand } from '@aws-sdk/client-secrets-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSecrets, isSecretkitError, type LoadFailure, secret } from '../../../src/index.js';
import { ParametersClient } from '../../../src/ssm/index.js';
import {
  emulatorConfig,
  smClient,
  useEmulator,
  useSecretsAdmin,
  useSecretsClient,
} from '../../support/aws.js';

const made: ParametersClient[] = [];
afterEach(() => {
  for (const c of made.splice(0)) c.close();
});
function params(): ParametersClient {
  const c = new ParametersClient({ clientConfig: emulatorConfig(), timeoutMs: 30_000 });
  made.push(c);
  return c;
}
function failuresOf(error: unknown): LoadFailure[] {
  expect(isSecretkitError(error, 'LOAD_FAILED')).toBe(true);
  return (error as { details: { failures: LoadFailure[] } }).details.failures;
}

describe('defineSecrets across Secrets Manager and Parameter Store', () => {
  useEmulator();
  const makeSecrets = useSecretsClient();
  const makeAdmin = useSecretsAdmin();

  it('45 secrets + 25 parameters: 3 BatchGetSecretValue + 3 GetParameters, nothing else', async () => {
    const secrets = makeSecrets();
    const admin = makeAdmin([secrets]);
    const parameters = params();
    for (let i = 0; i < 45; i++) await admin.createSecret({ name: `mix/s${i}`, value: { json: { n: i } } });
    for (let i = 0; i < 25; i++) await parameters.putParameter(`/mix/p${i}`, `${i}`);
    const specs: Record<string, ReturnType<typeof secret.json> | ReturnType<typeof secret.param>> = {};
    for (let i = 0; i < 45; i++) specs[`s${i}`] = secret.json(`mix/s${i}`, z.object({ n: z.number() }));
    for (let i = 0; i < 25; i++) specs[`p${i}`] = secret.param(`/mix/p${i}`, z.string().regex(/^\d+$/));
    const sBefore = secrets.stats().apiCalls;
    const pBefore = parameters.stats().apiCalls;
    const loaded = await defineSecrets(specs).load({ secrets, parameters });
    expect(Object.keys(loaded).length).toBe(70);
    expect(loaded['s44']).toEqual({ n: 44 });
    expect(loaded['p24']).toBe('24');
    const s = secrets.stats().apiCalls;
    const p = parameters.stats().apiCalls;
    expect(s.total - sBefore.total).toBe(3);
    expect(
      (s.byOperation['BatchGetSecretValue'] ?? 0) - (sBefore.byOperation['BatchGetSecretValue'] ?? 0),
    ).toBe(3);
    expect(p.total - pBefore.total).toBe(3);
    expect((p.byOperation['GetParameters'] ?? 0) - (pBefore.byOperation['GetParameters'] ?? 0)).toBe(3);
  });

  it('one LOAD_FAILED lists every problem across both stores, without values', async () => {
    const secrets = makeSecrets();
    const admin = makeAdmin([secrets]);
    const parameters = params();
    await admin.createSecret({ name: 'x/db', value: { json: { port: 'PLANTED-SM-VALUE' } } });
    await parameters.putParameter('/x/port', 'PLANTED-SSM-VALUE', { type: 'SecureString' });
    await parameters.putParameter('/x/ok', 'fine');
    const config = defineSecrets({
      db: secret.json('x/db', z.object({ port: z.number() })),
      gone: secret.string('x/gone'),
      port: secret.param('/x/port', z.string().regex(/^\d+$/)),
      ok: secret.param('/x/ok'),
      missing: secret.param('/x/missing'),
    });
    const error = await config.load({ secrets, parameters }).catch((e: unknown) => e);
    expect(failuresOf(error).map((f) => [f.key, f.store, f.code])).toEqual([
      ['db', 'secretsmanager', 'SCHEMA_MISMATCH'],
      ['gone', 'secretsmanager', 'NOT_FOUND'],
      ['missing', 'ssm', 'NOT_FOUND'],
      ['port', 'ssm', 'SCHEMA_MISMATCH'],
    ]);
    for (const text of [String(error), JSON.stringify(error), (error as Error).stack ?? '']) {
      expect(text).not.toContain('PLANTED');
    }
  });

  it('a parameter without a parameters source is a failure, not a crash', async () => {
    const secrets = makeSecrets();
    const error = await defineSecrets({ p: secret.param('/x') })
      .load(secrets)
      .catch((e: unknown) => e);
    expect(failuresOf(error).map((f) => f.code)).toEqual(['INVALID_ARGUMENT']);
  });

  it('secret.tree over secrets and over a parameter path: missing and unexpected keys', async () => {
    const secrets = makeSecrets();
    const admin = makeAdmin([secrets]);
    const parameters = params();
    await admin.createSecret({ name: 'app/prod/db', value: { json: { host: 'h' } } });
    await admin.createSecret({ name: 'app/prod/api', value: { string: 'k' } });
    await admin.createSecret({ name: 'app/prod/extra', value: { string: 'e' } });
    await admin.createSecret({ name: 'app/other/db', value: { string: 'no' } });
    await parameters.putParameter('/app/prod/url', 'u');
    await parameters.putParameter('/app/prod/flags', ['a', 'b']);
    const ok = defineSecrets({
      sm: secret.tree(
        'app/prod/',
        { db: z.object({ host: z.string() }), api: z.string() },
        { format: 'json' },
      ),
      ssm: secret.tree('/app/prod', { url: z.string(), flags: z.array(z.string()) }),
    });
    const error = await ok.load({ secrets, parameters, lister: admin }).catch((e: unknown) => e);
    // api is a plain string: as JSON it fails; that is reported under its tree key.
    expect(failuresOf(error).map((f) => [f.key, f.code])).toEqual([['sm.api', 'INVALID_JSON']]);
    const fixed = defineSecrets({
      sm: secret.tree('app/prod/', { db: z.string().startsWith('{'), api: z.string() }, { format: 'raw' }),
      ssm: secret.tree('/app/prod', { url: z.string(), flags: z.array(z.string()) }),
    });
    const loaded = await fixed.load({ secrets, parameters, lister: admin });
    expect(loaded.sm.api).toBe('k');
    expect(JSON.parse(loaded.sm.db)).toEqual({ host: 'h' });
    expect(loaded.ssm.flags).toEqual(['a', 'b']);
    const strict = defineSecrets({
      sm: secret.tree('app/prod/', { db: z.string(), nope: z.string() }, { strict: true, format: 'raw' }),
    });
    const e2 = await strict.load({ secrets, parameters, lister: admin }).catch((e: unknown) => e);
    expect(failuresOf(e2).map((f) => [f.key, f.code])).toEqual([
      ['sm.api', 'UNEXPECTED'],
      ['sm.extra', 'UNEXPECTED'],
      ['sm.nope', 'NOT_FOUND'],
    ]);
  });

  it('secret.tagged loads secrets by tag', async () => {
    const secrets = makeSecrets();
    const admin = makeAdmin([secrets]);
    const sm = smClient();
    for (const [name, team] of [
      ['t/a', 'billing'],
      ['t/b', 'billing'],
      ['t/c', 'search'],
    ] as const) {
      const created = await admin.createSecret({ name, value: { string: name } });
      await sm.send(new TagResourceCommand({ SecretId: created.arn, Tags: [{ Key: 'team', Value: team }] }));
    }
    const config = defineSecrets({
      billing: secret.tagged(
        { key: 'team', value: 'billing' },
        { a: z.string(), b: z.string() },
        { prefix: 't/', format: 'raw', strict: true },
      ),
    });
    expect((await config.load({ secrets, lister: admin })).billing).toEqual({ a: 't/a', b: 't/b' });
  });
});
