import { inspect } from 'node:util';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { LabelParameterVersionCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isSecretkitError } from '../../../src/index.js';
import { ParametersClient } from '../../../src/ssm/index.js';
import { emulatorConfig, kmsClient, useEmulator, useSecretsAdmin } from '../../support/aws.js';

const made: ParametersClient[] = [];
afterEach(() => {
  for (const c of made.splice(0)) c.close();
});
function params(extra: Record<string, unknown> = {}): ParametersClient {
  const c = new ParametersClient({ clientConfig: emulatorConfig(), timeoutMs: 30_000, ...extra });
  made.push(c);
  return c;
}
const ssm = () => new SSMClient(emulatorConfig());

describe('ParametersClient against the emulator', () => {
  useEmulator();
  const makeAdmin = useSecretsAdmin();

  it('reads String, StringList and SecureString (KMS, decrypted), cached', async () => {
    const key = await kmsClient().send(new CreateKeyCommand({}));
    const p = params();
    await p.putParameter('/app/url', 'https://db.internal');
    await p.putParameter('/app/flags', ['a', 'b', 'c']);
    await p.putParameter('/app/pass', 'PLANTED-SECURE-1', {
      type: 'SecureString',
      keyId: key.KeyMetadata?.KeyId,
    });
    expect(await p.getString('/app/url')).toBe('https://db.internal');
    expect(await p.getStringList('/app/flags')).toEqual(['a', 'b', 'c']);
    expect(await p.getString('/app/pass')).toBe('PLANTED-SECURE-1');
    const calls = p.stats().apiCalls.total;
    expect(await p.getString('/app/pass')).toBe('PLANTED-SECURE-1');
    expect(p.stats().apiCalls.total).toBe(calls);
    expect(inspect(p)).not.toContain('PLANTED');
    expect(JSON.stringify(p)).not.toContain('PLANTED');
  });

  it('a SecureString read without decryption is the ciphertext, not the value', async () => {
    const p = params({ withDecryption: false });
    await p.putParameter('/app/pass', 'PLANTED-SECURE-2', { type: 'SecureString' });
    expect(await p.getString('/app/pass')).not.toBe('PLANTED-SECURE-2');
  });

  it('versions and labels are part of the cache key', async () => {
    const p = params();
    await p.putParameter('/app/v', 'one');
    await p.putParameter('/app/v', 'two', { overwrite: true });
    await ssm().send(
      new LabelParameterVersionCommand({ Name: '/app/v', ParameterVersion: 1, Labels: ['stable'] }),
    );
    expect(await p.getString('/app/v')).toBe('two');
    expect(await p.getString('/app/v:1')).toBe('one');
    expect(await p.getString('/app/v:2')).toBe('two');
    expect(await p.getString('/app/v:stable')).toBe('one');
    const calls = p.stats().apiCalls.byOperation['GetParameter'];
    expect(calls).toBe(4);
    const batch = await p.preload(['/app/v:1', '/app/v:stable', '/app/v', '/app/v:9']);
    expect(batch.loaded.length).toBe(3);
    expect(batch.failed.map((f) => [f.name, f.error.code])).toEqual([['/app/v:9', 'NOT_FOUND']]);
  });

  it('schema reads: raw and JSON, SCHEMA_MISMATCH without the value', async () => {
    const p = params();
    await p.putParameter('/app/cfg', JSON.stringify({ port: 'PLANTED-PORT-3' }), { type: 'SecureString' });
    await p.putParameter('/app/port', '5432');
    expect(await p.getValue('/app/port', z.string().regex(/^\d+$/))).toBe('5432');
    const error = await p.getJson('/app/cfg', z.object({ port: z.number() })).catch((e: unknown) => e);
    expect(isSecretkitError(error, 'SCHEMA_MISMATCH')).toBe(true);
    for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: 5 })]) {
      expect(text).not.toContain('PLANTED-PORT-3');
    }
    const bad = await p.getJson('/app/port', z.object({})).catch((e: unknown) => e);
    expect(isSecretkitError(bad, 'SCHEMA_MISMATCH')).toBe(true);
  });

  it('batches GetParameters 10 names a call; missing names are NOT_FOUND', async () => {
    const p = params();
    const names = Array.from({ length: 25 }, (_, i) => `/batch/p${i}`);
    for (const n of names) await p.putParameter(n, `v-${n}`);
    const before = p.stats().apiCalls.byOperation['GetParameters'] ?? 0;
    const result = await p.preload([...names, '/batch/missing']);
    expect((p.stats().apiCalls.byOperation['GetParameters'] ?? 0) - before).toBe(3);
    expect(result.loaded.length).toBe(25);
    expect(result.failed.map((f) => f.error.code)).toEqual(['NOT_FOUND']);
    const reads = p.stats().apiCalls.total;
    expect(await p.getString('/batch/p7')).toBe('v-/batch/p7');
    expect(p.stats().apiCalls.total).toBe(reads);
  });

  it('reads a path recursively across pages, then by name without calls', async () => {
    const p = params();
    for (let i = 0; i < 14; i++) await p.putParameter(`/tree/a/p${i}`, `v${i}`);
    await p.putParameter('/tree/b/deep/x', 'x');
    await p.putParameter('/other/y', 'y');
    const found = await p.getByPath('/tree');
    expect(found.map((f) => f.name).sort()).toEqual(
      [...Array.from({ length: 14 }, (_, i) => `/tree/a/p${i}`), '/tree/b/deep/x'].sort(),
    );
    expect(p.stats().apiCalls.byOperation['GetParametersByPath']).toBe(2);
    const calls = p.stats().apiCalls.total;
    expect(await p.getString('/tree/b/deep/x')).toBe('x');
    await p.getByPath('/tree');
    expect(p.stats().apiCalls.total).toBe(calls);
    const shallow = await p.getByPath('/tree/b', { recursive: false });
    expect(shallow).toEqual([]);
  });

  it('putParameter invalidates the name and the paths above it', async () => {
    const p = params();
    await p.putParameter('/w/a', 'one');
    expect(await p.getString('/w/a')).toBe('one');
    expect((await p.getByPath('/w')).length).toBe(1);
    await p.putParameter('/w/a', 'two', { overwrite: true });
    await p.putParameter('/w/b', 'b');
    expect(await p.getString('/w/a')).toBe('two');
    expect((await p.getByPath('/w')).length).toBe(2);
    const exists = await p.putParameter('/w/a', 'three').catch((e: unknown) => e);
    expect(isSecretkitError(exists, 'ALREADY_EXISTS')).toBe(true);
  });

  it('reads a Secrets Manager secret through /aws/reference/secretsmanager/', async () => {
    await makeAdmin().createSecret({ name: 'prod/ref', value: { string: 'from-sm' } });
    const p = params();
    expect(await p.getString('/aws/reference/secretsmanager/prod/ref')).toBe('from-sm');
    p.invalidate();
    const batch = await p.preload(['/aws/reference/secretsmanager/prod/ref']);
    expect(batch.failed).toEqual([]);
    expect(await p.getString('/aws/reference/secretsmanager/prod/ref')).toBe('from-sm');
    const missing = await p.getString('/aws/reference/secretsmanager/prod/none').catch((e: unknown) => e);
    expect(isSecretkitError(missing, 'NOT_FOUND')).toBe(true);
  });

  it('maps a missing parameter to NOT_FOUND and remembers it', async () => {
    const p = params();
    const e1 = await p.getString('/nope').catch((e: unknown) => e);
    const e2 = await p.getString('/nope').catch((e: unknown) => e);
    expect(isSecretkitError(e1, 'NOT_FOUND')).toBe(true);
    expect(isSecretkitError(e2, 'NOT_FOUND')).toBe(true);
    expect(p.stats().apiCalls.total).toBe(1);
    await ssm().send(new PutParameterCommand({ Name: '/nope', Value: 'now', Type: 'String' }));
    expect(await p.getString('/nope', { forceRefresh: true })).toBe('now');
  });
});
