/**
 * Replication management against moto: replicate, status, remove, a write refused by a replica,
 * and a replica that follows a put on the primary.
 */
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isFault } from '../../../src/errors/classify.js';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { createRegionRouter } from '../../../src/failover/router.js';
import type { RegionRouter } from '../../../src/failover/types.js';
import { replicationCall } from '../../../src/replication/call.js';
import { removeReplicas } from '../../../src/replication/remove-replicas.js';
import { replicate } from '../../../src/replication/replicate.js';
import { replicationStatus } from '../../../src/replication/replication-status.js';
import { smClient, useEmulator } from '../../support/aws.js';

const PRIMARY = 'us-east-1';

function routerFor(primaryRegion: string): RegionRouter {
  const clients = new Map<string, SecretsManagerClient>();
  return createRegionRouter({
    primaryRegion,
    replicaRegions: [],
    clientFactory: (region) => {
      const client = smClient(region);
      clients.set(region, client);
      return client;
    },
    destroyClient: (region) => clients.get(region)?.destroy(),
    regionTimeoutMs: 5_000,
    breakerFailureThreshold: 1,
    breakerCooldownMs: 1_000,
    isFault,
    clock: { now: () => Date.now() },
  });
}

/** Sends one command with a short-lived client of `region`. */
async function sendOnce<T>(region: string, run: (client: SecretsManagerClient) => Promise<T>): Promise<T> {
  const client = smClient(region);
  try {
    return await run(client);
  } finally {
    client.destroy();
  }
}

async function read(
  region: string,
  id: string,
): Promise<{ value: string | undefined; arn: string | undefined }> {
  const client = smClient(region);
  try {
    const out = await client.send(new GetSecretValueCommand({ SecretId: id, VersionStage: 'AWSCURRENT' }));
    return { value: out.SecretString, arn: out.ARN };
  } finally {
    client.destroy();
  }
}

describe('replication management (moto)', () => {
  useEmulator();
  let router: RegionRouter;
  let arn: string;

  beforeEach(async () => {
    router = routerFor(PRIMARY);
    const out = await sendOnce(PRIMARY, (c) =>
      c.send(new CreateSecretCommand({ Name: 'repl/db', SecretString: 'v1' })),
    );
    arn = out.ARN ?? '';
  });

  afterEach(() => router.close());

  it('replicate: the replica is readable in its region, by name and by its own ARN', async () => {
    const state = await replicate(router, arn, [{ region: 'eu-west-1' }, { region: 'us-west-2' }]);
    expect(state.replicas.map((r) => [r.region, r.status])).toEqual([
      ['eu-west-1', 'InSync'],
      ['us-west-2', 'InSync'],
    ]);
    await expect(read('eu-west-1', 'repl/db')).resolves.toEqual({
      value: 'v1',
      arn: arn.replace(PRIMARY, 'eu-west-1'),
    });
    await expect(read('us-west-2', arn.replace(PRIMARY, 'us-west-2'))).resolves.toMatchObject({
      value: 'v1',
    });
  });

  it('replicationStatus: primary region and each replica with status, message and KMS key', async () => {
    await replicate(router, 'repl/db', [{ region: 'eu-west-1', kmsKeyId: 'alias/custom' }]);
    const state = await replicationStatus(router, 'repl/db');
    expect(state.primaryRegion).toBe(PRIMARY);
    expect(state.arn).toBe(arn);
    expect(state.replicas).toEqual([
      {
        region: 'eu-west-1',
        status: 'InSync',
        statusMessage: expect.any(String),
        // moto always reports the default key for replicas, whatever was asked
        kmsKeyId: 'alias/aws/secretsmanager',
        lastAccessedDate: undefined,
      },
    ]);
  });

  it('replicationStatus can ask a replica region (while the primary is down)', async () => {
    await replicate(router, arn, [{ region: 'eu-west-1' }]);
    const state = await replicationStatus(router, arn, { region: 'eu-west-1' });
    expect(state).toMatchObject({ arn: arn.replace(PRIMARY, 'eu-west-1'), primaryRegion: PRIMARY });
  });

  it('reports a failed replica (a same-named secret already in the region)', async () => {
    await sendOnce('eu-west-1', (c) =>
      c.send(new CreateSecretCommand({ Name: 'repl/db', SecretString: 'other' })),
    );
    const state = await replicate(router, arn, [{ region: 'eu-west-1' }]);
    expect(state.replicas[0]).toMatchObject({ region: 'eu-west-1', status: 'Failed' });
    expect(state.replicas[0]?.statusMessage).toMatch(/already exists/);
  });

  it('a replica follows a PutSecretValue on the primary', async () => {
    await replicate(router, arn, [{ region: 'eu-west-1' }]);
    await sendOnce(PRIMARY, (c) => c.send(new PutSecretValueCommand({ SecretId: arn, SecretString: 'v2' })));
    await expect(read('eu-west-1', 'repl/db')).resolves.toMatchObject({ value: 'v2' });
  });

  it('removeReplicas: the replica is gone from its region and from the status', async () => {
    await replicate(router, arn, [{ region: 'eu-west-1' }, { region: 'us-west-2' }]);
    const state = await removeReplicas(router, arn, ['eu-west-1']);
    expect(state.replicas.map((r) => r.region)).toEqual(['us-west-2']);
    await expect(read('eu-west-1', 'repl/db')).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    expect((await replicationStatus(router, arn)).replicas.map((r) => r.region)).toEqual(['us-west-2']);
  });

  it('a write to a replica is REPLICA_WRITE naming the primary region', async () => {
    await replicate(router, arn, [{ region: 'eu-west-1' }]);
    const replicaRouter = routerFor('eu-west-1');
    try {
      const error = await replicationCall(
        replicaRouter,
        { operation: 'PutSecretValue', secretId: 'repl/db', region: 'eu-west-1' },
        new PutSecretValueCommand({ SecretId: 'repl/db', SecretString: 'nope' }),
      ).catch((e: unknown) => e);
      expect(isSecretkitError(error, 'REPLICA_WRITE')).toBe(true);
      expect(error).toMatchObject({ region: 'eu-west-1', details: { primaryRegion: PRIMARY } });
      expect((error as Error).message).toContain('primary region is us-east-1');
      expect((error as Error).message).not.toContain('nope');

      // replication management sent to a replica region is refused the same way
      const viaReplica = await replicate(replicaRouter, 'repl/db', [{ region: 'us-west-2' }]).catch(
        (e: unknown) => e,
      );
      expect(viaReplica).toMatchObject({ code: 'REPLICA_WRITE', details: { primaryRegion: PRIMARY } });
    } finally {
      replicaRouter.close();
    }
  });

  it('maps other AWS errors (not found) through the error mapping', async () => {
    await expect(replicationStatus(router, 'repl/missing')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
