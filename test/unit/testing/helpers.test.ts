import { EncryptCommand } from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  type GetSecretValueCommandOutput,
  InvalidParameterException,
  ListSecretsCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RotateSecretCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it, vi } from 'vitest';
import { classifyFault } from '../../../src/errors/classify.js';
import { InMemorySecretsManager, UnsupportedCommandError } from '../../../src/testing/index.js';

const get = (fake: InMemorySecretsManager, SecretId: string, VersionStage?: string) =>
  fake.send(new GetSecretValueCommand({ SecretId, VersionStage }));

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

describe('seed', () => {
  it('seeds string, JSON and binary secrets with tags, without recording calls', async () => {
    const fake = new InMemorySecretsManager();
    const db = fake.seed({
      name: 'prod/db',
      json: { user: 'app' },
      tags: { team: 'payments' },
      description: 'db',
    });
    fake.seed({ name: 'key', value: 'k1' });
    fake.seed({ name: 'bin', binary: Uint8Array.from([1, 2]) });
    expect(db.arn).toMatch(/^arn:aws:secretsmanager:us-east-1:123456789012:secret:prod\/db-[A-Za-z0-9]{6}$/);
    expect(db.currentVersionId).toBe(db.versionIds[0]);
    expect(fake.calls()).toBe(0);
    expect((await get(fake, 'prod/db')).SecretString).toBe('{"user":"app"}');
    expect((await get(fake, 'key')).SecretString).toBe('k1');
    expect(Array.from((await get(fake, 'bin')).SecretBinary ?? [])).toEqual([1, 2]);
    const d = await fake.send(new DescribeSecretCommand({ SecretId: db.arn }));
    expect(d.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
    expect(d.Description).toBe('db');
  });

  it('seeds a version history oldest first, with labels', async () => {
    const fake = new InMemorySecretsManager();
    const s = fake.seed({
      name: 'hist',
      versions: [{ value: 'v1' }, { value: 'v2' }, { value: 'v3', stages: ['AWSPENDING'] }],
    });
    expect(s.versionIds).toHaveLength(3);
    const d = await fake.send(new DescribeSecretCommand({ SecretId: 'hist' }));
    expect(d.VersionIdsToStages).toEqual({
      [s.versionIds[0]!]: ['AWSPREVIOUS'],
      [s.versionIds[1]!]: ['AWSCURRENT'],
      [s.versionIds[2]!]: ['AWSPENDING'],
    });
    expect(s.currentVersionId).toBe(s.versionIds[1]);
  });

  it('seeds replicas readable through the replica region client', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'rep', value: 'v', replicaRegions: ['eu-west-1'] });
    const got = await fake.client('eu-west-1').send(new GetSecretValueCommand({ SecretId: 'rep' }));
    expect(got.ARN).toContain(':eu-west-1:');
    expect(fake.calls({ region: 'eu-west-1' })).toBe(1);
  });

  it('rejects a spec with no or several values, and a taken name', () => {
    const fake = new InMemorySecretsManager();
    expect(() => fake.seed({ name: 'x', versions: [{}] })).toThrow(TypeError);
    expect(() => fake.seed({ name: 'y', value: 'a', json: 1 })).toThrow(TypeError);
    fake.seed({ name: 'z', value: 'a' });
    expect(() => fake.seed({ name: 'z', value: 'b' })).toThrow(ResourceExistsException);
  });

  it('is reproducible with a seed', () => {
    const a = new InMemorySecretsManager({ seed: 7 }).seed({ name: 's', value: 'v' });
    const b = new InMemorySecretsManager({ seed: 7 }).seed({ name: 's', value: 'v' });
    const c = new InMemorySecretsManager({ seed: 8 }).seed({ name: 's', value: 'v' });
    expect(a).toEqual(b);
    expect(c.arn).not.toBe(a.arn);
  });
});

describe('simulateRotation', () => {
  it('moves AWSCURRENT to the new value and AWSPREVIOUS to the old, leaving no AWSPENDING', async () => {
    const fake = new InMemorySecretsManager();
    const s = fake.seed({ name: 'rot', value: 'old' });
    const r = fake.simulateRotation('rot', 'new');
    expect(r.previousVersionId).toBe(s.currentVersionId);
    expect((await get(fake, 'rot')).SecretString).toBe('new');
    expect((await get(fake, 'rot', 'AWSPREVIOUS')).SecretString).toBe('old');
    const d = await fake.send(new DescribeSecretCommand({ SecretId: 'rot' }));
    expect(d.VersionIdsToStages).toEqual({
      [s.currentVersionId!]: ['AWSPREVIOUS'],
      [r.versionId]: ['AWSCURRENT'],
    });
    fake.simulateRotation(s.arn, { json: { n: 3 } }, { versionId: 'a'.repeat(32) });
    expect((await get(fake, 'rot')).VersionId).toBe('a'.repeat(32));
    expect(fake.calls()).toBe(4);
  });

  it('records LastRotatedDate and the next rotation when rotation is configured', async () => {
    let now = Date.UTC(2030, 0, 1);
    const fake = new InMemorySecretsManager({ clock: { now: () => now } });
    fake.seed({ name: 'cfg', value: 'v' });
    await fake.send(
      new RotateSecretCommand({
        SecretId: 'cfg',
        RotationLambdaARN: 'arn:aws:lambda:us-east-1:123456789012:function:f',
        RotationRules: { AutomaticallyAfterDays: 10 },
      }),
    );
    now += 1000;
    fake.simulateRotation('cfg', 'v2');
    const d = await fake.send(new DescribeSecretCommand({ SecretId: 'cfg' }));
    expect(d.LastRotatedDate?.getTime()).toBe(now);
    expect(d.NextRotationDate?.getTime()).toBe(now + 10 * 86_400_000);
  });

  it('refuses a replica and a missing secret', () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'r', value: 'v', replicaRegions: ['us-west-2'] });
    expect(() => fake.simulateRotation('nope', 'x')).toThrow(ResourceNotFoundException);
    const replicaArn = `arn:aws:secretsmanager:us-west-2:123456789012:secret:r`;
    expect(() => fake.simulateRotation(replicaArn, 'x')).toThrow(InvalidParameterException);
  });
});

describe('rotationLambda', () => {
  it('RotateSecret runs the four steps with the token and a client of the fake', async () => {
    const steps: string[] = [];
    const fake = new InMemorySecretsManager({
      rotationLambda: async (event, client) => {
        steps.push(event.Step);
        if (event.Step === 'createSecret') {
          await client.send(
            new PutSecretValueCommand({
              SecretId: event.SecretId,
              ClientRequestToken: event.ClientRequestToken,
              SecretString: 'rotated',
              VersionStages: ['AWSPENDING'],
            }),
          );
        }
        if (event.Step === 'finishSecret') {
          const d = await client.send(new DescribeSecretCommand({ SecretId: event.SecretId }));
          const current = Object.entries(d.VersionIdsToStages ?? {}).find(([, s]) =>
            s.includes('AWSCURRENT'),
          )?.[0];
          await client.send(
            new UpdateSecretVersionStageCommand({
              SecretId: event.SecretId,
              VersionStage: 'AWSCURRENT',
              MoveToVersionId: event.ClientRequestToken,
              RemoveFromVersionId: current,
            }),
          );
        }
      },
    });
    fake.seed({ name: 'db', value: 'orig' });
    const out = await fake.send(
      new RotateSecretCommand({
        SecretId: 'db',
        RotationLambdaARN: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      }),
    );
    expect(steps).toEqual(['createSecret', 'setSecret', 'testSecret', 'finishSecret']);
    const got = await get(fake, 'db');
    expect(got.SecretString).toBe('rotated');
    expect(got.VersionId).toBe(out.VersionId);
  });

  it('RotateSecret first creates the token as a value-less AWSPENDING version; PutSecretValue fills it', async () => {
    const fake = new InMemorySecretsManager();
    const seeded = fake.seed({ name: 'db', value: 'orig' });
    const token = 'tok-0001-aaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    await fake.send(
      new RotateSecretCommand({
        SecretId: 'db',
        ClientRequestToken: token,
        RotationLambdaARN: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      }),
    );
    const d = await fake.send(new DescribeSecretCommand({ SecretId: 'db' }));
    expect(d.VersionIdsToStages).toEqual({
      [seeded.currentVersionId ?? '']: ['AWSCURRENT'],
      [token]: ['AWSPENDING'],
    });
    const read = await rejection(
      fake.send(new GetSecretValueCommand({ SecretId: 'db', VersionStage: 'AWSPENDING' })),
    );
    expect(read.name).toBe('ResourceNotFoundException');
    const put = await fake.send(
      new PutSecretValueCommand({
        SecretId: 'db',
        ClientRequestToken: token,
        SecretString: 'next',
        VersionStages: ['AWSPENDING'],
      }),
    );
    expect(put.VersionStages).toEqual(['AWSPENDING']);
    const pending = await fake.send(
      new GetSecretValueCommand({ SecretId: 'db', VersionStage: 'AWSPENDING' }),
    );
    expect([pending.VersionId, pending.SecretString]).toEqual([token, 'next']);
    const again = await rejection(
      fake.send(
        new PutSecretValueCommand({
          SecretId: 'db',
          ClientRequestToken: token,
          SecretString: 'other',
          VersionStages: ['AWSPENDING'],
        }),
      ),
    );
    expect(again.name).toBe('ResourceExistsException');
  });

  it('RotateSecret with RotateImmediately: false creates no pending version', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'db', value: 'orig' });
    await fake.send(
      new RotateSecretCommand({
        SecretId: 'db',
        RotateImmediately: false,
        RotationLambdaARN: 'arn:aws:lambda:us-east-1:123456789012:function:f',
      }),
    );
    const d = await fake.send(new DescribeSecretCommand({ SecretId: 'db' }));
    expect(Object.values(d.VersionIdsToStages ?? {})).toEqual([['AWSCURRENT']]);
  });

  it('refuses RotateSecret while a previous rotation is incomplete', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'db', versions: [{ value: 'a' }, { value: 'b', stages: ['AWSPENDING'] }] });
    const error = await rejection(
      fake.send(
        new RotateSecretCommand({
          SecretId: 'db',
          RotationLambdaARN: 'arn:aws:lambda:us-east-1:1:function:f',
        }),
      ),
    );
    expect(error.name).toBe('InvalidRequestException');
  });
});

describe('failNext and outages', () => {
  it('fails the next N calls with SDK-shaped errors that secretkit classifies as faults', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 's', value: 'v' });
    const kinds = ['throttle', 'server', 'network', 'timeout', 'accessDenied'] as const;
    const expected = ['throttled', 'server', 'network', 'timeout', 'answer'];
    for (const [i, kind] of kinds.entries()) {
      fake.failNext(1, kind);
      const error = await rejection(get(fake, 's'));
      expect(classifyFault(error)).toBe(expected[i]);
    }
    expect((await get(fake, 's')).SecretString).toBe('v');
    expect(fake.calls({ operation: 'GetSecretValue', outcome: 'error' })).toBe(5);
    expect(fake.calls({ outcome: 'ok' })).toBe(1);
  });

  it('shapes throttling, server and access errors like the SDK', async () => {
    const fake = new InMemorySecretsManager();
    fake.failNext(1, 'throttle');
    const throttle = await rejection(get(fake, 's'));
    expect(throttle).toMatchObject({
      name: 'ThrottlingException',
      $fault: 'client',
      $retryable: { throttling: true },
    });
    fake.failNext(1, 'server');
    const server = await rejection(get(fake, 's'));
    expect(server).toMatchObject({
      name: 'InternalServiceError',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    });
    fake.failNext(1, 'accessDenied');
    const denied = await rejection(get(fake, 's'));
    expect(denied).toMatchObject({ name: 'AccessDeniedException', $fault: 'client' });
    expect(denied.message).toContain('secretsmanager:GetSecretValue');
  });

  it('filters by operation and region, and accepts an error or an error factory', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 's', value: 'v' });
    const custom = new Error('boom');
    fake.failNext(2, custom, { operation: 'DescribeSecret' });
    fake.failNext(1, () => new Error('from factory'), { region: 'us-west-2' });
    expect((await get(fake, 's')).SecretString).toBe('v');
    await expect(fake.send(new DescribeSecretCommand({ SecretId: 's' }))).rejects.toBe(custom);
    await expect(fake.send(new DescribeSecretCommand({ SecretId: 's' }))).rejects.toBe(custom);
    await expect(fake.send(new DescribeSecretCommand({ SecretId: 's' }))).resolves.toBeDefined();
    await expect(fake.client('us-west-2').send(new ListSecretsCommand({}))).rejects.toThrow('from factory');
    await expect(fake.client('us-west-2').send(new ListSecretsCommand({}))).resolves.toBeDefined();
  });

  it('an outage fails every call to its region until cleared; other regions answer', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 's', value: 'v', replicaRegions: ['us-west-2'] });
    fake.setOutage('us-east-1', 'server');
    await expect(get(fake, 's')).rejects.toMatchObject({ name: 'InternalServiceError' });
    await expect(get(fake, 's')).rejects.toMatchObject({ name: 'InternalServiceError' });
    const replica = await fake.client('us-west-2').send(new GetSecretValueCommand({ SecretId: 's' }));
    expect(replica.SecretString).toBe('v');
    fake.clearOutage('us-east-1');
    expect((await get(fake, 's')).SecretString).toBe('v');
    fake.setOutage('network');
    await expect(
      fake.client('us-west-2').send(new GetSecretValueCommand({ SecretId: 's' })),
    ).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
    fake.clearOutage();
    expect((await get(fake, 's')).SecretString).toBe('v');
  });

  it('validates failNext counts', () => {
    expect(() => new InMemorySecretsManager().failNext(-1, 'throttle')).toThrow(RangeError);
  });
});

describe('latency and abort', () => {
  it('delays answers with real timers and honours abortSignal', async () => {
    vi.useFakeTimers();
    try {
      const fake = new InMemorySecretsManager();
      fake.seed({ name: 's', value: 'v' });
      fake.setLatency(100);
      let done: GetSecretValueCommandOutput | undefined;
      const pending = get(fake, 's').then((out) => {
        done = out;
      });
      await vi.advanceTimersByTimeAsync(99);
      expect(done).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      await pending;
      expect(done?.SecretString).toBe('v');
      const controller = new AbortController();
      const aborted = fake.send(new GetSecretValueCommand({ SecretId: 's' }), {
        abortSignal: controller.signal,
      });
      controller.abort();
      await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
      fake.setLatency(0);
      await expect(get(fake, 's')).resolves.toBeDefined();
      expect(() => fake.setLatency(-1)).toThrow(RangeError);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects at once when the signal is already aborted', async () => {
    const fake = new InMemorySecretsManager();
    const controller = new AbortController();
    controller.abort();
    await expect(
      fake.send(new GetSecretValueCommand({ SecretId: 's' }), { abortSignal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('calls, callLog and reset', () => {
  it('counts calls by operation, region, secret id and batch entries; never records values', async () => {
    const fake = new InMemorySecretsManager();
    await fake.send(new CreateSecretCommand({ Name: 'a', SecretString: 'top-secret-value' }));
    await get(fake, 'a');
    await get(fake, 'a');
    await fake.client('eu-west-1').send(new ListSecretsCommand({}));
    expect(fake.calls()).toBe(4);
    expect(fake.calls('GetSecretValue')).toBe(2);
    expect(fake.calls({ secretId: 'a' })).toBe(3);
    expect(fake.calls({ region: 'eu-west-1' })).toBe(1);
    expect(JSON.stringify(fake.callLog())).not.toContain('top-secret-value');
    fake.resetCalls();
    expect(fake.calls()).toBe(0);
    expect((await get(fake, 'a')).SecretString).toBe('top-secret-value');
  });

  it('reset empties secrets, calls, failures and latency, and restarts the seed', async () => {
    const fake = new InMemorySecretsManager({ seed: 3 });
    const first = fake.seed({ name: 'a', value: 'v' });
    fake.failNext(5, 'throttle');
    fake.setOutage('server');
    fake.setLatency(1000);
    fake.reset();
    const again = fake.seed({ name: 'a', value: 'v' });
    expect(again).toEqual(first);
    expect((await get(fake, 'a')).SecretString).toBe('v');
    expect(fake.calls()).toBe(1);
  });
});

describe('dispatch', () => {
  it('names an unsupported command in its error', async () => {
    const fake = new InMemorySecretsManager();
    const error = await rejection(
      fake.send(
        new EncryptCommand({ KeyId: 'k', Plaintext: new Uint8Array() }) as unknown as GetSecretValueCommand,
      ),
    );
    expect(error).toBeInstanceOf(UnsupportedCommandError);
    expect(error.message).toContain('EncryptCommand');
  });

  it('supports the callback form of send', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 's', value: 'v' });
    const out = await new Promise<GetSecretValueCommandOutput | undefined>((resolve, reject) => {
      fake.send(new GetSecretValueCommand({ SecretId: 's' }), (err, data) =>
        err ? reject(err) : resolve(data),
      );
    });
    expect(out?.SecretString).toBe('v');
  });

  it('throws real SDK exception instances whose messages never contain values', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 's', value: 'value-1' });
    const token = 'b'.repeat(40);
    await fake.send(
      new PutSecretValueCommand({ SecretId: 's', SecretString: 'value-2', ClientRequestToken: token }),
    );
    const error = await rejection(
      fake.send(
        new PutSecretValueCommand({ SecretId: 's', SecretString: 'value-3', ClientRequestToken: token }),
      ),
    );
    expect(error).toBeInstanceOf(ResourceExistsException);
    expect(error.message).not.toMatch(/value-[123]/);
  });

  it('purges a secret when its recovery window ends, by the fake clock', async () => {
    let now = Date.UTC(2030, 0, 1);
    const fake = new InMemorySecretsManager({ clock: { now: () => now } });
    fake.seed({ name: 's', value: 'v' });
    const out = await fake.send(new DeleteSecretCommand({ SecretId: 's', RecoveryWindowInDays: 7 }));
    expect(out.DeletionDate?.getTime()).toBe(now + 7 * 86_400_000);
    now += 7 * 86_400_000;
    await expect(get(fake, 's')).rejects.toBeInstanceOf(ResourceNotFoundException);
  });
});
