import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { describe, expect, it } from 'vitest';
import { kmsClient, useEmulator, useSecretsAdmin, useSecretsClient } from '../../support/aws.js';
import { codeOf } from '../../support/errors.js';

describe('SecretsClient writes against the emulator', () => {
  useEmulator();
  const make = useSecretsClient();
  const makeAdmin = useSecretsAdmin();

  it('creates string, JSON and binary secrets with a KMS key, tags and a description', async () => {
    const key = await kmsClient().send(new CreateKeyCommand({}));
    const secrets = make();
    const admin = makeAdmin([secrets]);
    const created = await admin.createSecret({
      name: 'app/json',
      value: { json: { user: 'u', n: 1 } },
      kmsKeyId: key.KeyMetadata!.KeyId!,
      tags: { team: 'payments' },
      description: 'db creds',
    });
    expect(created.arn).toMatch(/:secret:app\/json-[A-Za-z0-9]{6}$/);
    await admin.createSecret({ name: 'app/str', value: { string: 's' } });
    await admin.createSecret({ name: 'app/bin', value: { binary: new Uint8Array([9, 8]) } });
    expect(await secrets.getJson('app/json')).toEqual({ user: 'u', n: 1 });
    expect(await secrets.getString('app/str')).toBe('s');
    expect([...(await secrets.getBinary('app/bin'))]).toEqual([9, 8]);
    const described = await admin.describeSecret('app/json');
    expect(described.kmsKeyId).toBe(key.KeyMetadata!.KeyId);
    expect(described.tags).toEqual({ team: 'payments' });
    expect(described.description).toBe('db creds');
    expect(Object.values(described.versionIdsToStages)).toEqual([['AWSCURRENT']]);
    expect(await codeOf(admin.createSecret({ name: 'app/str', value: { string: 'again' } }))).toBe(
      'ALREADY_EXISTS',
    );
    expect(
      await codeOf(admin.createSecret({ name: 'app/x', value: { string: 'a', json: 1 } as never })),
    ).toBe('INVALID_ARGUMENT');
  });

  it('putSecretValue invalidates the cache, honours stages and idempotency tokens', async () => {
    const secrets = make();
    const admin = makeAdmin([secrets]);
    await admin.createSecret({ name: 'app/key', value: { string: 'v1' } });
    expect(await secrets.getString('app/key')).toBe('v1');
    await admin.putSecretValue('app/key', { string: 'v2' });
    expect(await secrets.getString('app/key')).toBe('v2');
    const token = '11111111-2222-3333-4444-555555555555';
    const pending = await admin.putSecretValue(
      'app/key',
      { string: 'v3' },
      { versionStages: ['AWSPENDING'], clientRequestToken: token },
    );
    expect(pending.versionId).toBe(token);
    expect(pending.versionStages).toEqual(['AWSPENDING']);
    expect(await secrets.getString('app/key')).toBe('v2');
    expect(await secrets.getString('app/key', { versionStage: 'AWSPENDING' })).toBe('v3');
    // Same token and value: a no-op. Same token, another value: ALREADY_EXISTS. (On an AWSPENDING
    // version moto re-creates the put as AWSCURRENT, see docs/testing.md, so this uses a current one.)
    const token2 = '11111111-2222-3333-4444-666666666666';
    await admin.putSecretValue('app/key', { string: 'v4' }, { clientRequestToken: token2 });
    await admin.putSecretValue('app/key', { string: 'v4' }, { clientRequestToken: token2 });
    expect(await secrets.getString('app/key')).toBe('v4');
    expect(
      await codeOf(admin.putSecretValue('app/key', { string: 'other' }, { clientRequestToken: token2 })),
    ).toBe('ALREADY_EXISTS');
    const versions = await admin.listVersions('app/key');
    expect(versions.find((v) => v.versionId === token)?.stages).toEqual(['AWSPENDING']);
    expect(versions.length).toBe(4);
  });

  it('updateSecret, deleteSecret and restoreSecret keep the cache honest', async () => {
    const secrets = make();
    const admin = makeAdmin([secrets]);
    await admin.createSecret({ name: 'app/key', value: { string: 'v1' } });
    expect(await secrets.getString('app/key')).toBe('v1');
    await admin.updateSecret('app/key', { value: { string: 'v2' }, description: 'd' });
    expect(await secrets.getString('app/key')).toBe('v2');
    const deleted = await admin.deleteSecret('app/key', { recoveryWindowInDays: 7 });
    expect(deleted.deletionDate).toBeInstanceOf(Date);
    expect(await codeOf(secrets.getString('app/key'))).toBe('DELETED');
    expect((await admin.describeSecret('app/key')).deletedDate).toBeInstanceOf(Date);
    await admin.restoreSecret('app/key');
    expect(await secrets.getString('app/key')).toBe('v2');
    await admin.deleteSecret('app/key', { forceDeleteWithoutRecovery: true });
    expect(await codeOf(secrets.getString('app/key'))).toBe('NOT_FOUND');
    expect(await codeOf(admin.deleteSecret('app/key', { recoveryWindowInDays: 3 }))).toBe('INVALID_ARGUMENT');
  });

  it('lists secrets page by page with name-prefix and tag filters', async () => {
    const secrets = make();
    const admin = makeAdmin([secrets]);
    for (let i = 0; i < 7; i++) {
      await admin.createSecret({ name: `prod/s${i}`, value: { string: 'x' }, tags: { env: 'prod' } });
    }
    await admin.createSecret({ name: 'dev/s0', value: { string: 'x' }, tags: { env: 'dev' } });
    const names: string[] = [];
    for await (const s of admin.listSecrets({ namePrefix: 'prod/', pageSize: 3 })) names.push(s.name);
    expect(names.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `prod/s${i}`));
    expect(admin.stats().apiCalls.byOperation['ListSecrets']).toBeGreaterThanOrEqual(3);
    const dev: string[] = [];
    for await (const s of admin.listSecrets({ tagValue: 'dev' })) dev.push(s.name);
    expect(dev).toEqual(['dev/s0']);
  });
});
