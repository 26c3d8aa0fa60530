/**
 * The preflight scenarios (`checkRotation`) every SQL strategy must pass on a real server and
 * moto: one deliberately deficient secret or role per finding. Each test proves the finding is
 * reported and that nothing changed: the server's password hashes and every secret's versions
 * and labels are the same before and after.
 */
import { randomUUID } from 'node:crypto';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import {
  CreateSecretCommand,
  DescribeSecretCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../scripts/lib/moto-server.js';
import { rotationFunctionPolicy } from '../../../src/iam/index.js';
import {
  type CheckRotationOptions,
  checkRotation,
  type RotationCheckResult,
} from '../../../src/rotation/index.js';
import type { RotationStrategy } from '../../../src/rotation/strategy.js';
import { kmsClient, smClient, useEmulator } from '../aws.js';
import type { DatabaseAdmin } from './admin.js';
import { uniqueUser } from './rotation-suite.js';
import type { DatabaseServer } from './types.js';

/** What the suite needs from the calling file. */
export interface PreflightSuiteOptions {
  readonly name: string;
  readonly server: () => DatabaseServer;
  readonly admin: () => DatabaseAdmin;
  readonly singleUser: () => RotationStrategy;
  readonly alternatingUsers: () => RotationStrategy;
  /** Longest user name whose clone the strategy accepts. */
  readonly maxUsernameLength: number;
  /** Password hashes of every user (pg_authid / mysql.user), for before/after comparisons. */
  readonly passwordHashes: () => Promise<string>;
  /** Creates a master user that may log in but not create users. */
  readonly createMasterWithoutCreate: (name: string, password: string) => Promise<void>;
  /** Creates a master user that may create users but not grant what an app user has (leave out when the engine has no such user). */
  readonly createMasterWithoutGrant?: (name: string, password: string) => Promise<void>;
  /** Makes `name` an app user the master cannot grant (when the engine needs that, e.g. a superuser). */
  readonly makeUngrantable?: (name: string) => Promise<void>;
  /** The `engine` of the secrets. @defaultValue the admin's engine */
  readonly engineName?: string;
  /** Creates a healthy master user. @defaultValue the admin's createMasterUser */
  readonly createMasterUser?: (name: string, password: string) => Promise<void>;
}

/** Everything the emulator holds: each secret's versions and labels. */
export async function emulatorSnapshot(): Promise<string> {
  const list = await smClient().send(new ListSecretsCommand({}));
  const out: Record<string, unknown> = {};
  for (const s of list.SecretList ?? []) {
    const d = await smClient().send(new DescribeSecretCommand({ SecretId: s.ARN }));
    const v = await smClient().send(new ListSecretVersionIdsCommand({ SecretId: s.ARN }));
    out[s.ARN ?? ''] = {
      stages: d.VersionIdsToStages,
      versions: (v.Versions ?? []).map((x) => x.VersionId).sort(),
      rotation: [d.RotationEnabled, d.RotationRules],
    };
  }
  return JSON.stringify(out);
}

/** Registers the scenarios. */
export function preflightSuite(o: PreflightSuiteOptions): void {
  const secretValue = (username: string, password: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      engine: o.engineName ?? o.admin().engine,
      host: o.server().host,
      port: o.server().port,
      username,
      password,
      dbname: o.admin().dbname,
      ...extra,
    });
  const createSecret = async (name: string, value: string, kmsKeyId?: string) =>
    (
      await smClient().send(
        new CreateSecretCommand({
          Name: name,
          SecretString: value,
          ...(kmsKeyId ? { KmsKeyId: kmsKeyId } : {}),
        }),
      )
    ).ARN as string;

  async function appUser(): Promise<{ user: string; password: string }> {
    const user = uniqueUser('app');
    const password = `initial-${randomUUID()}`;
    await o.admin().createAppUser(user, password);
    return { user, password };
  }

  async function masterSecret(
    create = (n: string, p: string) => (o.createMasterUser ?? o.admin().createMasterUser)(n, p),
    extra: Record<string, unknown> = {},
  ) {
    const master = uniqueUser('master');
    const password = `master-${randomUUID()}`;
    await create(master, password);
    return createSecret(`db/${master}`, secretValue(master, password, extra));
  }

  async function alternating(
    opts: { master?: string; user?: { user: string; password: string }; kmsKeyId?: string } = {},
  ): Promise<{ id: string; masterArn: string; user: string }> {
    const masterArn = opts.master ?? (await masterSecret());
    const { user, password } = opts.user ?? (await appUser());
    const id = await createSecret(
      `db/${user}`,
      secretValue(user, password, { masterarn: masterArn }),
      opts.kmsKeyId,
    );
    return { id, masterArn, user };
  }

  const cleanRole = (id: string, masterArn?: string, kmsKeys: string[] = []) => ({
    roleArn: 'arn:aws:iam::123456789012:role/rotation',
    identityPolicies: [
      rotationFunctionPolicy({ secret: id, ...(masterArn ? { masterSecret: masterArn } : {}), kmsKeys }),
    ],
  });

  /** Runs the check and asserts that nothing changed on the server or the emulator. */
  async function check(
    id: string,
    strategy: RotationStrategy,
    options: CheckRotationOptions = {},
  ): Promise<RotationCheckResult> {
    const hashes = await o.passwordHashes();
    const secrets = await emulatorSnapshot();
    const result = await checkRotation(smClient(), id, strategy, {
      requireRotationEnabled: false,
      ...options,
    });
    expect(await o.passwordHashes()).toBe(hashes);
    expect(await emulatorSnapshot()).toBe(secrets);
    return result;
  }
  const codes = (r: RotationCheckResult) => r.findings.map((f) => f.code);

  describe(`${o.name}: checkRotation`, () => {
    useEmulator();

    it('alternating users, healthy secret and role: no finding at all', async () => {
      const { id, masterArn } = await alternating();
      const result = await check(id, o.alternatingUsers(), { role: cleanRole(id, masterArn) });
      expect(result.findings).toEqual([]);
      expect(result.ok).toBe(true);
      expect(result.passed).toEqual(
        expect.arrayContaining(['current-login', 'master-login', 'master-privileges', 'clone-name']),
      );
    });

    it('single user, healthy: no finding', async () => {
      const { user, password } = await appUser();
      const id = await createSecret(`db/${user}`, secretValue(user, password));
      const result = await check(id, o.singleUser(), { role: cleanRole(id) });
      expect(result.findings).toEqual([]);
    });

    it('SECRET_SHAPE_INVALID: a secret without host', async () => {
      const id = await createSecret(
        `db/${uniqueUser('x')}`,
        JSON.stringify({
          engine: o.engineName ?? o.admin().engine,
          username: 'u',
          password: `p-${randomUUID()}`,
        }),
      );
      const result = await check(id, o.singleUser());
      expect(codes(result)).toContain('SECRET_SHAPE_INVALID');
      expect(result.findings.find((f) => f.code === 'SECRET_SHAPE_INVALID')?.details).toMatchObject({
        field: 'host',
      });
    });

    it('SECRET_UNREADABLE: a binary secret', async () => {
      const id = (
        await smClient().send(
          new CreateSecretCommand({ Name: `bin/${uniqueUser('b')}`, SecretBinary: new Uint8Array([1, 2]) }),
        )
      ).ARN as string;
      expect(codes(await check(id, o.singleUser()))).toContain('SECRET_UNREADABLE');
    });

    it('MASTER_ARN_MISSING: alternating users on a secret without masterarn', async () => {
      const { user, password } = await appUser();
      const id = await createSecret(`db/${user}`, secretValue(user, password));
      expect(codes(await check(id, o.alternatingUsers()))).toContain('MASTER_ARN_MISSING');
    });

    it('MASTER_SECRET_INVALID: masterarn names no secret', async () => {
      const { id } = await alternating({
        master: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db/nope-AbCdEf',
      });
      expect(codes(await check(id, o.alternatingUsers()))).toContain('MASTER_SECRET_INVALID');
    });

    it('MASTER_HOST_MISMATCH: the master secret is for another port', async () => {
      const master = await masterSecret(undefined, { port: o.server().port + 1 });
      const { id } = await alternating({ master });
      const result = await check(id, o.alternatingUsers());
      expect(codes(result)).toContain('MASTER_HOST_MISMATCH');
      expect(codes(result)).not.toContain('MASTER_LOGIN_FAILED');
    });

    it('CURRENT_LOGIN_FAILED: AWSCURRENT has a password the database does not', async () => {
      const { user } = await appUser();
      const wrong = `wrong-${randomUUID()}`;
      const id = await createSecret(`db/${user}`, secretValue(user, wrong));
      const result = await check(id, o.singleUser());
      expect(codes(result)).toContain('CURRENT_LOGIN_FAILED');
      expect(JSON.stringify(result)).not.toContain(wrong);
    });

    it('MASTER_LOGIN_FAILED: the master secret does not log in', async () => {
      const bad = `bad-${randomUUID()}`;
      const master = await createSecret(`db/${uniqueUser('m')}`, secretValue('nobody_here', bad));
      const { id } = await alternating({ master });
      const result = await check(id, o.alternatingUsers());
      expect(codes(result)).toContain('MASTER_LOGIN_FAILED');
      expect(JSON.stringify(result)).not.toContain(bad);
    });

    it('DATABASE_UNREACHABLE (unchecked): nothing listens on the port', async () => {
      const port = await freePort();
      const id = await createSecret(`db/${uniqueUser('u')}`, secretValue('u', `p-${randomUUID()}`, { port }));
      const result = await check(id, o.singleUser());
      const f = result.findings.find((x) => x.code === 'DATABASE_UNREACHABLE');
      expect(f?.severity).toBe('unchecked');
      expect(result.ok).toBe(false);
    });

    it('MASTER_CANNOT_CREATE_USER: the master may not create users', async () => {
      const master = await masterSecret(o.createMasterWithoutCreate);
      const { id } = await alternating({ master });
      expect(codes(await check(id, o.alternatingUsers()))).toContain('MASTER_CANNOT_CREATE_USER');
    });

    it.runIf(o.createMasterWithoutGrant !== undefined)(
      'MASTER_CANNOT_GRANT: the master may not grant what the user has',
      async () => {
        const master = await masterSecret(o.createMasterWithoutGrant);
        const user = await appUser();
        await o.makeUngrantable?.(user.user);
        const { id } = await alternating({ master, user });
        const result = await check(id, o.alternatingUsers());
        expect(codes(result)).toContain('MASTER_CANNOT_GRANT');
        expect(codes(result)).not.toContain('MASTER_CANNOT_CREATE_USER');
      },
    );

    it('CLONE_NAME_TOO_LONG: the user name leaves no room for _clone', async () => {
      const user = `l${'x'.repeat(o.maxUsernameLength - 4)}`;
      const password = `initial-${randomUUID()}`;
      await o.admin().createAppUser(user, password);
      const { id } = await alternating({ user: { user, password } });
      expect(codes(await check(id, o.alternatingUsers()))).toContain('CLONE_NAME_TOO_LONG');
    });

    it('PASSWORD_POLICY_INVALID: every kind of character excluded', async () => {
      const { id } = await alternating();
      const result = await check(id, o.alternatingUsers(), {
        password: {
          excludeLowercase: true,
          excludeUppercase: true,
          excludeNumbers: true,
          excludePunctuation: true,
        },
      });
      expect(codes(result)).toContain('PASSWORD_POLICY_INVALID');
    });

    it('PASSWORD_POLICY_INVALID: a length GetRandomPassword refuses', async () => {
      const { id } = await alternating();
      expect(codes(await check(id, o.alternatingUsers(), { password: { length: 2 } }))).toContain(
        'PASSWORD_POLICY_INVALID',
      );
    });

    it('ROTATION_NOT_CONFIGURED: rotation is off', async () => {
      const { id, masterArn } = await alternating();
      const result = await check(id, o.alternatingUsers(), {
        requireRotationEnabled: true,
        role: cleanRole(id, masterArn),
      });
      expect(codes(result)).toEqual(['ROTATION_NOT_CONFIGURED']);
    });

    it('ROTATION_PENDING: a half-finished rotation waits', async () => {
      const { id, user } = await alternating();
      await smClient().send(
        new PutSecretValueCommand({
          SecretId: id,
          ClientRequestToken: randomUUID(),
          SecretString: secretValue(`${user}_clone`, `p-${randomUUID()}`),
          VersionStages: ['AWSPENDING'],
        }),
      );
      expect(codes(await check(id, o.alternatingUsers()))).toContain('ROTATION_PENDING');
    });

    it('IAM_ACTION_DENIED: the role cannot PutSecretValue (policy simulator)', async () => {
      const { id, masterArn } = await alternating();
      const role = cleanRole(id, masterArn);
      const policy = role.identityPolicies[0];
      const statements = (Array.isArray(policy?.Statement) ? policy.Statement : []).map((s) =>
        Array.isArray(s.Action)
          ? { ...s, Action: s.Action.filter((a: string) => a !== 'secretsmanager:PutSecretValue') }
          : s,
      );
      const result = await check(id, o.alternatingUsers(), {
        role: { ...role, identityPolicies: [{ Version: '2012-10-17', Statement: statements }] },
      });
      const denied = result.findings.filter((f) => f.code === 'IAM_ACTION_DENIED');
      expect(denied.map((f) => f.details?.['action'])).toEqual(['secretsmanager:PutSecretValue']);
    });

    it("KMS_ACTION_DENIED: the role has no grant on the secret's customer key", async () => {
      const key = await kmsClient().send(new CreateKeyCommand({}));
      const keyArn = key.KeyMetadata?.Arn as string;
      const { id, masterArn } = await alternating({ kmsKeyId: keyArn });
      const denied = await check(id, o.alternatingUsers(), { role: cleanRole(id, masterArn) });
      expect(
        denied.findings.filter((f) => f.code === 'KMS_ACTION_DENIED').map((f) => f.details?.['action']),
      ).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
      const allowed = await check(id, o.alternatingUsers(), { role: cleanRole(id, masterArn, [keyArn]) });
      expect(allowed.findings).toEqual([]);
    });

    it('IAM_UNCHECKED: without the role policies the writes are reported as not checked', async () => {
      const { id } = await alternating();
      const result = await check(id, o.alternatingUsers());
      expect(result.findings.map((f) => [f.code, f.severity])).toEqual([['IAM_UNCHECKED', 'unchecked']]);
      expect(result.ok).toBe(false);
    });

    it('ENGINE_UNCHECKED: a strategy without preflight', async () => {
      const { id, masterArn } = await alternating();
      const bare: RotationStrategy = { ...o.alternatingUsers(), name: 'bare' };
      delete (bare as { preflight?: unknown }).preflight;
      const result = await check(id, bare, { role: cleanRole(id, masterArn) });
      expect(codes(result)).toEqual(['ENGINE_UNCHECKED']);
    });
  });
}
