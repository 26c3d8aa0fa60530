import {
  CreateSecretCommand,
  DeleteSecretCommand,
  PutSecretValueCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { smClient, useEmulator, useSecretsClient } from '../../support/aws.js';
import { expectCode } from '../../support/errors.js';

const Db = z.object({ host: z.string(), port: z.number(), password: z.string() });

describe('SecretsClient reads against the emulator', () => {
  useEmulator();
  const make = useSecretsClient();

  it('reads string, JSON (typed by the schema) and binary values', async () => {
    const sm = smClient();
    await sm.send(new CreateSecretCommand({ Name: 'app/key', SecretString: 'sk_live_1' }));
    await sm.send(
      new CreateSecretCommand({
        Name: 'app/db',
        SecretString: JSON.stringify({ host: 'db', port: 5432, password: 'pw' }),
      }),
    );
    await sm.send(
      new CreateSecretCommand({ Name: 'app/cert', SecretBinary: new Uint8Array([1, 2, 3, 255]) }),
    );
    const secrets = make();
    expect(await secrets.getString('app/key')).toBe('sk_live_1');
    const db = await secrets.getJson('app/db', Db);
    expect(db.port + 1).toBe(5433);
    expect(await secrets.getJson('app/db')).toEqual({ host: 'db', port: 5432, password: 'pw' });
    expect([...(await secrets.getBinary('app/cert'))]).toEqual([1, 2, 3, 255]);
  });

  it('serves hits from the cache: one GetSecretValue per secret and version', async () => {
    await smClient().send(new CreateSecretCommand({ Name: 'app/key', SecretString: 'v1' }));
    const secrets = make();
    const all = await Promise.all(Array.from({ length: 50 }, () => secrets.getString('app/key')));
    expect(new Set(all)).toEqual(new Set(['v1']));
    await secrets.getString('app/key');
    expect(secrets.stats().apiCalls.byOperation).toEqual({ GetSecretValue: 1 });
    expect(secrets.stats().hits).toBeGreaterThanOrEqual(1);
  });

  it('keeps stages apart: AWSPREVIOUS never answers for AWSCURRENT, and version ids read exactly', async () => {
    const sm = smClient();
    const created = await sm.send(new CreateSecretCommand({ Name: 'app/key', SecretString: 'old' }));
    const put = await sm.send(new PutSecretValueCommand({ SecretId: 'app/key', SecretString: 'new' }));
    const secrets = make();
    expect(await secrets.getString('app/key', { versionStage: 'AWSPREVIOUS' })).toBe('old');
    expect(await secrets.getString('app/key')).toBe('new');
    expect(await secrets.getString('app/key', { versionId: created.VersionId! })).toBe('old');
    expect(await secrets.getString('app/key', { versionId: put.VersionId! })).toBe('new');
    expect(secrets.stats().apiCalls.byOperation['GetSecretValue']).toBe(4);
  });

  it('reads the moved AWSCURRENT after a stage move (passes VersionStage explicitly)', async () => {
    const sm = smClient();
    const v1 = await sm.send(new CreateSecretCommand({ Name: 'app/key', SecretString: 'one' }));
    const v2 = await sm.send(
      new PutSecretValueCommand({ SecretId: 'app/key', SecretString: 'two', VersionStages: ['AWSPENDING'] }),
    );
    await sm.send(
      new UpdateSecretVersionStageCommand({
        SecretId: 'app/key',
        VersionStage: 'AWSCURRENT',
        MoveToVersionId: v2.VersionId,
        RemoveFromVersionId: v1.VersionId,
      }),
    );
    const secrets = make();
    expect(await secrets.getString('app/key')).toBe('two');
    expect(await secrets.getString('app/key', { versionStage: 'AWSPREVIOUS' })).toBe('one');
  });

  it('reads by full ARN and partial ARN', async () => {
    const created = await smClient().send(new CreateSecretCommand({ Name: 'app/key', SecretString: 'v' }));
    const secrets = make();
    expect(await secrets.getString(created.ARN!)).toBe('v');
    expect(await secrets.getString(created.ARN!.slice(0, -7))).toBe('v');
  });

  it('throws typed errors: not found, deleted, not a string, not binary, invalid JSON, schema mismatch', async () => {
    const sm = smClient();
    await sm.send(new CreateSecretCommand({ Name: 'app/gone', SecretString: 'x' }));
    await sm.send(new DeleteSecretCommand({ SecretId: 'app/gone', RecoveryWindowInDays: 7 }));
    await sm.send(new CreateSecretCommand({ Name: 'app/bin', SecretBinary: new Uint8Array([1]) }));
    await sm.send(new CreateSecretCommand({ Name: 'app/text', SecretString: 'not json {' }));
    await sm.send(new CreateSecretCommand({ Name: 'app/db', SecretString: '{"host":"db","port":"5432"}' }));
    const secrets = make();
    await expectCode(secrets.getString('app/missing'), 'NOT_FOUND');
    await expectCode(secrets.getString('app/gone'), 'DELETED');
    await expectCode(secrets.getString('app/bin'), 'NOT_A_STRING');
    await expectCode(secrets.getBinary('app/text'), 'NOT_BINARY');
    await expectCode(secrets.getJson('app/text'), 'INVALID_JSON');
    await expectCode(secrets.getJson('app/db', Db), 'SCHEMA_MISMATCH');
    await expectCode(secrets.getString('app/text', { versionStage: 'NOPE' }), 'NOT_FOUND');
    await expectCode(secrets.getString(''), 'INVALID_ARGUMENT');
    await expectCode(
      secrets.getString('app/text', { versionStage: 'A', versionId: 'b' }),
      'INVALID_ARGUMENT',
    );
    expect(secrets.stats().errorsByCode['NOT_FOUND']).toBe(2);
  });

  it('preloads with BatchGetSecretValue: 20 ids a call, missing ids reported per secret', async () => {
    const sm = smClient();
    const names = Array.from({ length: 25 }, (_, i) => `batch/s${i}`);
    for (const name of names)
      await sm.send(new CreateSecretCommand({ Name: name, SecretString: `value-${name}` }));
    const secrets = make();
    const result = await secrets.preload([...names, 'batch/missing']);
    expect([...result.loaded].sort()).toEqual([...names].sort());
    expect(result.failed.map((f) => [f.secretId, f.error.code])).toEqual([['batch/missing', 'NOT_FOUND']]);
    expect(secrets.stats().apiCalls.byOperation).toEqual({ BatchGetSecretValue: 2 });
    for (const name of names) expect(await secrets.getString(name)).toBe(`value-${name}`);
    expect(secrets.stats().apiCalls.total).toBe(2);
    // Fresh entries are not fetched again.
    await secrets.preload(names);
    expect(secrets.stats().apiCalls.total).toBe(2);
  });

  it('forceRefresh fetches again, and close() makes later reads fail with CLIENT_CLOSED', async () => {
    const sm = smClient();
    await sm.send(new CreateSecretCommand({ Name: 'app/key', SecretString: 'v1' }));
    const secrets = make();
    expect(await secrets.getString('app/key')).toBe('v1');
    await sm.send(new PutSecretValueCommand({ SecretId: 'app/key', SecretString: 'v2' }));
    expect(await secrets.getString('app/key')).toBe('v1');
    expect(await secrets.getString('app/key', { forceRefresh: true })).toBe('v2');
    secrets.close();
    await expectCode(secrets.getString('app/key'), 'CLIENT_CLOSED');
  });
});
