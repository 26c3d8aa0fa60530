import {
  DescribeSecretCommand,
  InvalidRequestException,
  ReplicateSecretToRegionsCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  StopReplicationToReplicaCommand,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { promoteReplica } from '../../../src/replication/promote-replica.js';
import { isReplicaWriteError, toReplicaWriteError } from '../../../src/replication/replica-write.js';
import { replicate } from '../../../src/replication/replicate.js';
import type { ReplicationTarget } from '../../../src/replication/types.js';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';
const REPLICA_REFUSAL =
  "Operation not permitted on a replica secret. Call must be made in primary secret's region.";

describe('replication (aws-sdk-client-mock)', () => {
  const primary = new SecretsManagerClient({ region: 'us-east-1' });
  const replica = new SecretsManagerClient({ region: 'eu-west-1' });
  const primaryMock = mockClient(primary);
  const replicaMock = mockClient(replica);
  const target: ReplicationTarget = {
    primaryRegion: 'us-east-1',
    clientFor: (region) => (region === 'eu-west-1' ? replica : primary),
  };

  beforeEach(() => {
    primaryMock.reset();
    replicaMock.reset();
  });

  it('promoteReplica sends StopReplicationToReplica with the replica region client and the ARN rewritten', async () => {
    const promoted = ARN.replace('us-east-1', 'eu-west-1');
    replicaMock.on(StopReplicationToReplicaCommand).resolves({ ARN: promoted });
    await expect(promoteReplica(target, ARN, 'eu-west-1')).resolves.toEqual({
      arn: promoted,
      region: 'eu-west-1',
    });
    expect(replicaMock.commandCalls(StopReplicationToReplicaCommand)).toHaveLength(1);
    expect(replicaMock.commandCalls(StopReplicationToReplicaCommand)[0]?.args[0].input).toEqual({
      SecretId: promoted,
    });
    expect(primaryMock.calls()).toHaveLength(0);
  });

  it('promoteReplica passes a name through and refuses the primary region', async () => {
    replicaMock.on(StopReplicationToReplicaCommand).resolves({ ARN: 'x' });
    await promoteReplica(target, 'prod/db', 'eu-west-1');
    expect(replicaMock.commandCalls(StopReplicationToReplicaCommand)[0]?.args[0].input).toEqual({
      SecretId: 'prod/db',
    });
    await expect(promoteReplica(target, ARN, 'us-east-1')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  it('promoteReplica maps AWS errors through the error mapping', async () => {
    replicaMock
      .on(StopReplicationToReplicaCommand)
      .rejects(new ResourceNotFoundException({ message: 'no such secret', $metadata: {} }));
    await expect(promoteReplica(target, ARN, 'eu-west-1')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      region: 'eu-west-1',
    });
  });

  it('replicate sends the KMS key and forceOverwrite, to the primary, and validates regions', async () => {
    primaryMock.on(ReplicateSecretToRegionsCommand).resolves({
      ARN,
      ReplicationStatus: [{ Region: 'eu-west-1', Status: 'InProgress', KmsKeyId: 'alias/k' }],
    });
    const state = await replicate(
      target,
      ARN.replace('us-east-1', 'eu-west-1'),
      [{ region: 'eu-west-1', kmsKeyId: 'alias/k' }],
      { forceOverwrite: true },
    );
    expect(primaryMock.commandCalls(ReplicateSecretToRegionsCommand)[0]?.args[0].input).toEqual({
      SecretId: ARN,
      AddReplicaRegions: [{ Region: 'eu-west-1', KmsKeyId: 'alias/k' }],
      ForceOverwriteReplicaSecret: true,
    });
    expect(state.replicas).toEqual([
      {
        region: 'eu-west-1',
        status: 'InProgress',
        statusMessage: undefined,
        kmsKeyId: 'alias/k',
        lastAccessedDate: undefined,
      },
    ]);
    await expect(replicate(target, ARN, [])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(replicate(target, ARN, [{ region: 'us-east-1' }])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(
      replicate(target, ARN, [{ region: 'eu-west-1' }, { region: 'eu-west-1' }]),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });

  describe('replica write refusal', () => {
    const refusal = new InvalidRequestException({ message: REPLICA_REFUSAL, $metadata: {} });
    const ctx = { operation: 'PutSecretValue', secretId: 'prod/db', region: 'eu-west-1' };

    it('is recognised by name and message', () => {
      expect(isReplicaWriteError(refusal)).toBe(true);
      expect(
        isReplicaWriteError(Object.assign(new Error(REPLICA_REFUSAL), { name: 'InvalidParameterException' })),
      ).toBe(true);
      expect(isReplicaWriteError(new InvalidRequestException({ message: 'other', $metadata: {} }))).toBe(
        false,
      );
      expect(isReplicaWriteError('x')).toBe(false);
    });

    it('names the primary region from DescribeSecret', async () => {
      replicaMock.on(DescribeSecretCommand).resolves({ PrimaryRegion: 'us-east-1' });
      const error = await toReplicaWriteError(refusal, replica, {}, ctx);
      expect(error).toMatchObject({
        code: 'REPLICA_WRITE',
        region: 'eu-west-1',
        secretId: 'prod/db',
        cause: refusal,
      });
      expect(error?.message).toContain('primary region is us-east-1');
    });

    it('is still REPLICA_WRITE when DescribeSecret fails', async () => {
      replicaMock
        .on(DescribeSecretCommand)
        .rejects(new ResourceNotFoundException({ message: 'x', $metadata: {} }));
      const error = await toReplicaWriteError(refusal, replica, {}, ctx);
      expect(error).toMatchObject({ code: 'REPLICA_WRITE', details: { primaryRegion: undefined } });
      expect(error?.message).toContain('send it to the primary region');
    });

    it('leaves other errors alone', async () => {
      await expect(toReplicaWriteError(new Error('x'), replica, {}, ctx)).resolves.toBeUndefined();
      expect(replicaMock.calls()).toHaveLength(0);
    });
  });
});
