/**
 * The rotation scenarios every database strategy must pass, run against a real server and moto:
 * full rotations through `runRotation`, every step run twice, an interrupted rotation resumed,
 * recovery from AWSPREVIOUS, the safety checks, and no password in any error.
 */
import { randomUUID } from 'node:crypto';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { ROTATION_STEPS, rollback, runRotation, runRotationStep } from '../../../src/rotation/index.js';
import type { RotationStrategy } from '../../../src/rotation/strategy.js';
import { smClient, useEmulator } from '../aws.js';
import type { DatabaseAdmin } from './admin.js';
import type { DatabaseServer } from './types.js';

/** What the suite needs from the calling file. */
export interface RotationSuiteOptions {
  /** Label of the describe block. */
  readonly name: string;
  readonly server: () => DatabaseServer;
  readonly admin: () => DatabaseAdmin;
  readonly singleUser: () => RotationStrategy;
  /** The single-user strategy with default options (TLS `prefer`; the servers here have no TLS). */
  readonly singleUserDefaults: () => RotationStrategy;
  readonly alternatingUsers: () => RotationStrategy;
  /** The `engine` of the secrets. @defaultValue the admin's engine */
  readonly engineName?: string;
  /** Creates the master user of alternating users. @defaultValue the admin's createMasterUser */
  readonly createMasterUser?: (name: string, password: string) => Promise<void>;
}

interface Credentials {
  readonly username: string;
  readonly password: string;
  readonly [key: string]: unknown;
}

let counter = 0;
/** A user name unique within the server's life. */
export function uniqueUser(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}_${randomUUID().slice(0, 6)}`;
}

/** Reads a stage of the secret as credentials (moto: always name the stage). */
export async function readStage(secretId: string, stage: string): Promise<Credentials> {
  const out = await smClient().send(new GetSecretValueCommand({ SecretId: secretId, VersionStage: stage }));
  return JSON.parse(out.SecretString ?? '{}') as Credentials;
}

/** Registers the scenarios. */
export function rotationSuite(options: RotationSuiteOptions): void {
  const { server, admin } = options;

  function secretValue(username: string, password: string, extra: Record<string, unknown> = {}): string {
    const s = server();
    return JSON.stringify({
      engine: options.engineName ?? admin().engine,
      host: s.host,
      port: s.port,
      username,
      password,
      dbname: admin().dbname,
      ...extra,
    });
  }

  async function createSecret(name: string, value: string): Promise<string> {
    const out = await smClient().send(new CreateSecretCommand({ Name: name, SecretString: value }));
    return out.ARN ?? name;
  }

  async function singleUserSecret(): Promise<{ id: string; user: string; password: string }> {
    const user = uniqueUser('app');
    const password = `initial-${randomUUID()}`;
    await admin().createAppUser(user, password);
    const id = await createSecret(`db/${user}`, secretValue(user, password));
    return { id, user, password };
  }

  async function alternatingSecret(): Promise<{ id: string; user: string; password: string }> {
    const master = uniqueUser('master');
    const masterPassword = `master-${randomUUID()}`;
    await (options.createMasterUser ?? admin().createMasterUser)(master, masterPassword);
    const masterArn = await createSecret(`db/${master}`, secretValue(master, masterPassword));
    const user = uniqueUser('alt');
    const password = `initial-${randomUUID()}`;
    await admin().createAppUser(user, password);
    const id = await createSecret(`db/${user}`, secretValue(user, password, { masterarn: masterArn }));
    return { id, user, password };
  }

  async function runEachStepTwice(secretId: string, strategy: RotationStrategy): Promise<void> {
    const token = randomUUID();
    for (const step of ROTATION_STEPS) {
      for (let i = 0; i < 2; i++) {
        const event = { Step: step, SecretId: secretId, ClientRequestToken: token };
        await runRotationStep(
          smClient(),
          event,
          strategy,
          { requireRotationEnabled: false },
          step === 'createSecret',
        );
      }
    }
  }

  describe(`${options.name}: single user`, () => {
    useEmulator();

    it('rotates: the new password logs in, the old one no longer does, the grants are unchanged', async () => {
      const { id, user, password } = await singleUserSecret();
      const result = await runRotation(smClient(), id, options.singleUser());
      expect(result.steps).toHaveLength(4);
      const now = await readStage(id, 'AWSCURRENT');
      expect(now.username).toBe(user);
      expect(now.password).not.toBe(password);
      expect(now['host']).toBe(server().host);
      expect(await admin().canLogin(user, now.password)).toBe(true);
      expect(await admin().canLogin(user, password)).toBe(false);
      expect(await admin().countItems(user, now.password)).toBe(3);
    });

    it('re-running any step is harmless', async () => {
      const { id, user, password } = await singleUserSecret();
      await runEachStepTwice(id, options.singleUser());
      const now = await readStage(id, 'AWSCURRENT');
      expect(now.password).not.toBe(password);
      expect(await admin().canLogin(user, now.password)).toBe(true);
      expect(await admin().canLogin(user, password)).toBe(false);
    });

    it('completes a rotation interrupted after setSecret on the next run', async () => {
      const { id, user, password } = await singleUserSecret();
      const first = await runRotation(smClient(), id, options.singleUser(), { stopAfter: 'setSecret' });
      const pending = await readStage(id, 'AWSPENDING');
      expect(await admin().canLogin(user, pending.password)).toBe(true);
      expect(await admin().canLogin(user, password)).toBe(false);
      const second = await runRotation(smClient(), id, options.singleUser());
      expect(second).toMatchObject({ token: first.token, resumed: true });
      const now = await readStage(id, 'AWSCURRENT');
      expect(now.password).toBe(pending.password);
      expect(await admin().canLogin(user, now.password)).toBe(true);
    });

    it('recovers through AWSPREVIOUS when AWSCURRENT no longer logs in (rolled-back secret)', async () => {
      const { id, user, password } = await singleUserSecret();
      await runRotation(smClient(), id, options.singleUser());
      const rotated = await readStage(id, 'AWSCURRENT');
      await rollback(smClient(), id);
      expect((await readStage(id, 'AWSCURRENT')).password).toBe(password);
      await runRotation(smClient(), id, options.singleUser());
      const now = await readStage(id, 'AWSCURRENT');
      expect(await admin().canLogin(user, now.password)).toBe(true);
      expect(await admin().canLogin(user, rotated.password)).toBe(false);
    });

    it('fails with ROTATION_FAILED and no password anywhere when no version logs in', async () => {
      const { id, user, password } = await singleUserSecret();
      const outOfBand = `changed-${randomUUID()}`;
      await admin().setPassword(user, outOfBand);
      const error = await runRotation(smClient(), id, options.singleUser()).catch((e: unknown) => e);
      expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
      const pending = await readStage(id, 'AWSPENDING');
      const dump =
        JSON.stringify(error) + String(error) + String((error as Error).cause) + (error as Error).stack;
      for (const secret of [password, outOfBand, pending.password]) expect(dump).not.toContain(secret);
      expect(String(error)).toContain(user);
    });

    it('with default options (TLS prefer) rotates over plain TCP when the server has no TLS', async () => {
      const { id, user, password } = await singleUserSecret();
      await runRotation(smClient(), id, options.singleUserDefaults());
      const now = await readStage(id, 'AWSCURRENT');
      expect(await admin().canLogin(user, now.password)).toBe(true);
      expect(await admin().canLogin(user, password)).toBe(false);
    });

    it('refuses an AWSPENDING value for another user', async () => {
      const { id } = await singleUserSecret();
      const other = uniqueUser('other');
      await admin().createAppUser(other, `other-${randomUUID()}`);
      const token = randomUUID();
      await smClient().send(
        new PutSecretValueCommand({
          SecretId: id,
          ClientRequestToken: token,
          SecretString: secretValue(other, `hijack-${randomUUID()}`),
          VersionStages: ['AWSPENDING'],
        }),
      );
      const error = await runRotation(smClient(), id, options.singleUser()).catch((e: unknown) => e);
      expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
      expect((error as { details?: Record<string, unknown> }).details).toMatchObject({ check: 'username' });
    });
  });

  describe(`${options.name}: alternating users`, () => {
    useEmulator();

    it('creates the clone with the grants, alternates, and keeps the previous credentials working', async () => {
      const { id, user, password } = await alternatingSecret();
      await runRotation(smClient(), id, options.alternatingUsers());
      const first = await readStage(id, 'AWSCURRENT');
      expect(first.username).toBe(`${user}_clone`);
      expect(first['masterarn']).toBeTypeOf('string');
      expect(await admin().countItems(first.username, first.password)).toBe(3);
      expect(await admin().canLogin(user, password)).toBe(true);

      await runRotation(smClient(), id, options.alternatingUsers());
      const second = await readStage(id, 'AWSCURRENT');
      expect(second.username).toBe(user);
      expect(second.password).not.toBe(password);
      expect(await admin().countItems(user, second.password)).toBe(3);
      expect(await admin().canLogin(user, password)).toBe(false);
      expect(await admin().canLogin(first.username, first.password)).toBe(true);

      await runRotation(smClient(), id, options.alternatingUsers());
      const third = await readStage(id, 'AWSCURRENT');
      expect(third.username).toBe(`${user}_clone`);
      expect(await admin().canLogin(first.username, first.password)).toBe(false);
      expect(await admin().canLogin(user, second.password)).toBe(true);
      expect(await admin().countItems(third.username, third.password)).toBe(3);
    });

    it('re-running any step is harmless', async () => {
      const { id, user, password } = await alternatingSecret();
      await runEachStepTwice(id, options.alternatingUsers());
      const now = await readStage(id, 'AWSCURRENT');
      expect(now.username).toBe(`${user}_clone`);
      expect(await admin().countItems(now.username, now.password)).toBe(3);
      expect(await admin().canLogin(user, password)).toBe(true);
    });

    it('completes a rotation interrupted after setSecret on the next run', async () => {
      const { id, user } = await alternatingSecret();
      await runRotation(smClient(), id, options.alternatingUsers(), { stopAfter: 'setSecret' });
      expect(await admin().userExists(`${user}_clone`)).toBe(true);
      const resumed = await runRotation(smClient(), id, options.alternatingUsers());
      expect(resumed.resumed).toBe(true);
      const now = await readStage(id, 'AWSCURRENT');
      expect(await admin().countItems(now.username, now.password)).toBe(3);
    });

    it('fails without a masterarn, and with a master secret that does not log in', async () => {
      const user = uniqueUser('alt');
      const password = `initial-${randomUUID()}`;
      await admin().createAppUser(user, password);
      const noMaster = await createSecret(`db/${user}`, secretValue(user, password));
      const error = await runRotation(smClient(), noMaster, options.alternatingUsers()).catch(
        (e: unknown) => e,
      );
      expect(isSecretkitError(error, 'ROTATION_FAILED')).toBe(true);
      expect(String(error)).toContain('masterarn');

      const badMasterPassword = `wrong-${randomUUID()}`;
      const badMaster = await createSecret(
        `db/bad-master-${user}`,
        secretValue('nobody_here', badMasterPassword),
      );
      const other = uniqueUser('alt');
      await admin().createAppUser(other, password);
      const id = await createSecret(`db/${other}`, secretValue(other, password, { masterarn: badMaster }));
      const failed = await runRotation(smClient(), id, options.alternatingUsers()).catch((e: unknown) => e);
      expect(isSecretkitError(failed, 'ROTATION_FAILED')).toBe(true);
      const dump = JSON.stringify(failed) + String(failed) + String((failed as Error).cause);
      expect(dump).not.toContain(badMasterPassword);
      expect(dump).not.toContain(password);
      expect(await admin().userExists(`${other}_clone`)).toBe(false);
    });
  });
}
