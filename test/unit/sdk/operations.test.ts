/**
 * Every AWS operation secretkit uses goes through the one SDK boundary (src/sdk/send.ts): this
 * test enumerates them from the sources, checks that no other code calls `client.send`, and
 * proves for each that the call is counted, deadlined and its error mapped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as iam from '@aws-sdk/client-iam';
import * as kms from '@aws-sdk/client-kms';
import * as sm from '@aws-sdk/client-secrets-manager';
import * as sqs from '@aws-sdk/client-sqs';
import * as ssm from '@aws-sdk/client-ssm';
import * as sts from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SecretsAdmin } from '../../../src/admin/index.js';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { SecretsClient } from '../../../src/index.js';
import { callAws } from '../../../src/rotation/aws-call.js';
import { type SendableClient, send } from '../../../src/sdk/send.js';

const SRC = join(import.meta.dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every operation secretkit sends, and the surface that sends it. */
const OPERATIONS = {
  GetSecretValue: 'reader',
  BatchGetSecretValue: 'reader',
  CreateSecret: 'admin',
  PutSecretValue: 'admin',
  UpdateSecret: 'admin',
  DeleteSecret: 'admin',
  RestoreSecret: 'admin',
  DescribeSecret: 'admin',
  ListSecretVersionIds: 'admin',
  ListSecrets: 'admin',
  ReplicateSecretToRegions: 'admin',
  RemoveRegionsFromReplication: 'admin',
  StopReplicationToReplica: 'admin',
  UpdateSecretVersionStage: 'rotation',
  RotateSecret: 'rotation',
  CancelRotateSecret: 'rotation',
  GetRandomPassword: 'rotation',
  SimulatePrincipalPolicy: 'rotation',
  PutResourcePolicy: 'iam',
  DescribeKey: 'iam',
  GetParameter: 'ssm',
  GetParameters: 'ssm',
  GetParametersByPath: 'ssm',
  PutParameter: 'ssm',
  AssumeRole: 'accounts',
  ReceiveMessage: 'fleet',
  DeleteMessageBatch: 'fleet',
} as const;
type Operation = keyof typeof OPERATIONS;

const ADMIN_CALLS: Partial<Record<Operation, (admin: SecretsAdmin) => Promise<unknown>>> = {
  CreateSecret: (a) => a.createSecret({ name: 'ops/x', value: { string: 'x' } }),
  PutSecretValue: (a) => a.putSecretValue('ops/x', { string: 'x' }),
  UpdateSecret: (a) => a.updateSecret('ops/x', { description: 'd' }),
  DeleteSecret: (a) => a.deleteSecret('ops/x'),
  RestoreSecret: (a) => a.restoreSecret('ops/x'),
  DescribeSecret: (a) => a.describeSecret('ops/x'),
  ListSecretVersionIds: (a) => a.listVersions('ops/x'),
  ListSecrets: (a) => a.listSecrets().next(),
  ReplicateSecretToRegions: (a) => a.replicate('ops/x', [{ region: 'eu-west-1' }]),
  RemoveRegionsFromReplication: (a) => a.removeReplicas('ops/x', ['eu-west-1']),
  StopReplicationToReplica: (a) => a.promoteReplica('ops/x', 'eu-west-1'),
};
const READER_CALLS: Partial<Record<Operation, (reader: SecretsClient) => Promise<unknown>>> = {
  GetSecretValue: (r) => r.getString('ops/x'),
  BatchGetSecretValue: async (r) => {
    const { failed } = await r.preload(['ops/x']);
    if (failed[0]) throw failed[0].error;
  },
};

const never = (): SendableClient => ({ send: () => new Promise(() => undefined) });
const denying = (): SendableClient => ({
  send: async () => {
    throw Object.assign(new Error('User is not authorized'), {
      name: 'AccessDeniedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
  },
});

describe('the operations secretkit uses', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('are exactly the ones listed here (a new one must be added, and tested, below)', () => {
    const used = new Set<string>();
    for (const file of sources(SRC)) {
      if (file.includes(`${join(SRC, 'testing')}`)) continue; // the fake implements send
      for (const m of readFileSync(file, 'utf8').matchAll(/new ([A-Z][A-Za-z]+)Command\(/g))
        used.add(m[1] as string);
    }
    expect([...used].sort()).toEqual(Object.keys(OPERATIONS).sort());
  });

  it('reach client.send only through the boundary (thunks through callAws / awsCall)', () => {
    const offenders: string[] = [];
    // Implementations of a client's `send` (below the boundary, not calls to AWS): the testing
    // kit's fake, the Agent transport and budget wrappers, the CLI's lazily created client.
    const implementations = ['testing/', 'transport/', 'cli/clients.ts'];
    for (const file of sources(SRC)) {
      const rel = relative(SRC, file);
      if (rel === join('sdk', 'send.ts') || implementations.some((p) => rel.startsWith(p))) continue;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!/\.send\(/.test(line) || /^\s*(\*|\/\/)/.test(line)) return;
        const before = lines.slice(Math.max(0, i - 8), i + 1).join('\n');
        if (!before.includes('callAws(') && !before.includes('awsCall(')) offenders.push(`${rel}:${i + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it.each(Object.keys(OPERATIONS) as Operation[])(
    '%s: each request counted once, TIMEOUT at its deadline',
    async (operation) => {
      vi.useFakeTimers();
      const counted: string[] = [];
      const commandClass = [sm, kms, ssm, sts, sqs, iam]
        .map((pkg) => (pkg as Record<string, unknown>)[`${operation}Command`])
        .find((c) => c !== undefined);
      expect(typeof commandClass, `${operation}Command exists`).toBe('function');
      const command = new (commandClass as new (input: object) => object)({});
      const settled = send(never(), command, {
        operation,
        region: 'us-east-1',
        timeoutMs: 100,
        onCall: (op, region) => counted.push(`${op}@${region}`),
      }).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(100);
      expect(isSecretkitError(await settled, 'TIMEOUT')).toBe(true);
      expect(counted).toEqual([`${operation}@us-east-1`]);
      const viaCallAws = callAws(operation, 'ops/x', denying(), command);
      await expect(viaCallAws).rejects.toMatchObject({ code: 'ACCESS_DENIED', secretId: 'ops/x' });
    },
  );

  it.each(Object.entries(ADMIN_CALLS))(
    'SecretsAdmin %s: counted, deadlined, mapped',
    async (operation, call) => {
      vi.useFakeTimers();
      const slow = new SecretsAdmin({ client: never() as never, region: 'us-east-1', timeoutMs: 100 });
      const settled = call(slow).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(100);
      expect(await settled).toMatchObject({ code: 'TIMEOUT' });
      expect(slow.stats().apiCalls.byOperation[operation]).toBe(1);
      slow.close();
      const denied = new SecretsAdmin({ client: denying() as never, region: 'us-east-1' });
      await expect(call(denied)).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
      expect(denied.stats().apiCalls.byOperation[operation]).toBeGreaterThanOrEqual(1);
      denied.close();
    },
  );

  it.each(Object.entries(READER_CALLS))(
    'SecretsClient %s: counted, deadlined, mapped',
    async (operation, call) => {
      vi.useFakeTimers();
      const slow = new SecretsClient({ client: never() as never, region: 'us-east-1', regionTimeoutMs: 100 });
      const settled = call(slow).catch((e: unknown) => e);
      await vi.advanceTimersByTimeAsync(100);
      expect(await settled).toMatchObject({ code: 'TIMEOUT' });
      expect(slow.stats().apiCalls.byOperation[operation]).toBe(1);
      slow.close();
      const denied = new SecretsClient({ client: denying() as never, region: 'us-east-1' });
      await expect(call(denied)).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
      expect(denied.stats().apiCalls.byOperation[operation]).toBe(1);
      denied.close();
    },
  );
});
