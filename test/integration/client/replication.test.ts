import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { failover } from '../../../src/failover/index.js';
import { isSecretkitError, SecretsClient } from '../../../src/index.js';
import { emulatorConfig, kmsClient, useEmulator } from '../../support/aws.js';

describe('SecretsClient replication and failover reads against the emulator', () => {
  useEmulator();
  const clients: SecretsClient[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.close();
    for (const a of admins.splice(0)) a.close();
  });
  const admins: SecretsAdmin[] = [];
  const make = (region = 'us-east-1', replicaRegions?: string[]) => {
    const { region: _r, ...config } = emulatorConfig(region);
    const c = new SecretsClient({
      region,
      failover: replicaRegions === undefined ? undefined : failover({ replicaRegions }),
      clientConfig: config,
    });
    clients.push(c);
    return c;
  };
  const makeAdmin = (reader: SecretsClient, region = 'us-east-1') => {
    const { region: _r, ...config } = emulatorConfig(region);
    const a = new SecretsAdmin({ region, clientConfig: config, readers: [reader] });
    admins.push(a);
    return a;
  };

  it('creates with replicas (per-region KMS key), reads each region, replicates, removes', async () => {
    const westKey = await kmsClient('us-west-2').send(new CreateKeyCommand({}));
    const primary = make('us-east-1', ['us-west-2']);
    const primaryAdmin = makeAdmin(primary);
    const created = await primaryAdmin.createSecret({
      name: 'app/key',
      value: { string: 'v1' },
      replicaRegions: [{ region: 'us-west-2', kmsKeyId: westKey.KeyMetadata!.KeyId! }],
    });
    expect(created.arn).toContain(':us-east-1:');
    const status = await primaryAdmin.replicationStatus('app/key');
    expect(status.replicas.map((r) => r.region)).toEqual(['us-west-2']);
    const west = make('us-west-2');
    const westAdmin = makeAdmin(west, 'us-west-2');
    expect(await west.getString('app/key')).toBe('v1');
    // A full primary ARN read from the replica region is rewritten to that region.
    expect(await west.getString(created.arn)).toBe('v1');
    await primaryAdmin.putSecretValue('app/key', { string: 'v2' });
    expect(await west.getString('app/key', { forceRefresh: true })).toBe('v2');

    const written = await westAdmin.putSecretValue('app/key', { string: 'nope' }).catch((e: unknown) => e);
    expect(isSecretkitError(written, 'REPLICA_WRITE')).toBe(true);
    expect((written as Error).message).toContain('us-east-1');

    await primaryAdmin.replicate('app/key', [{ region: 'eu-west-1' }]);
    expect((await primaryAdmin.replicationStatus('app/key')).replicas.map((r) => r.region).sort()).toEqual([
      'eu-west-1',
      'us-west-2',
    ]);
    await primaryAdmin.removeReplicas('app/key', ['us-west-2']);
    const gone = await west.getString('app/key', { forceRefresh: true }).catch((e: unknown) => e);
    expect(isSecretkitError(gone, 'NOT_FOUND')).toBe(true);
  });
});
