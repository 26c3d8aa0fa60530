/**
 * examples/rotation-lambda: bundles the rotation function with esbuild as the README says (AWS SDK
 * external, drivers inlined), then lets the bundle, in a fresh Node process that has only the
 * SDK beside it (like the Lambda runtime), run setSecret, testSecret and finishSecret of a real
 * PostgreSQL rotation with the events Secrets Manager sends. (moto cannot invoke a Lambda, and
 * cannot create the placeholder AWSPENDING version RotateSecret makes, so createSecret is run by
 * `runRotation` in-process with the same strategy.)
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureRotation, runRotation } from '../../../src/rotation/index.js';
import { postgresSingleUser } from '../../../src/rotation/postgres/index.js';
import { motoEndpoint, smClient, TEST_CREDENTIALS, TEST_REGION, useEmulator } from '../../support/aws.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { usePostgres } from '../../support/databases/index.js';
import { readStage, uniqueUser } from '../../support/databases/rotation-suite.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');

const INVOKE = `
const { handler } = require('./index.js');
(async () => {
  for (const event of JSON.parse(process.argv[2])) await handler(event, {});
})().catch((e) => { console.error('FAILED', e && e.code, e && e.message); process.exit(1); });
`;

describe('examples/rotation-lambda', () => {
  useEmulator();
  const server = usePostgres();
  let admin: DatabaseAdmin;
  let dir: string;

  beforeAll(async () => {
    admin = await postgresAdmin(server());
    dir = mkdtempSync(join(tmpdir(), 'secretkit-rotation-lambda-'));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(join(ROOT, 'node_modules/@aws-sdk'), join(dir, 'node_modules/@aws-sdk'), 'dir');
    await build({
      absWorkingDir: ROOT,
      entryPoints: ['examples/rotation-lambda/index.ts'],
      outfile: join(dir, 'index.js'),
      tsconfig: 'examples/tsconfig.json',
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['@aws-sdk/*', 'pg-native'],
      logLevel: 'silent',
    });
    writeFileSync(join(dir, 'invoke.cjs'), INVOKE);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('rotates a PostgreSQL password from the bundle, logging no password', async () => {
    const user = uniqueUser('lambda');
    const password = `initial-${randomUUID()}`;
    await admin.createAppUser(user, password);
    const s = server();
    const value = {
      engine: 'postgres',
      host: s.host,
      port: s.port,
      username: user,
      password,
      dbname: 'postgres',
    };
    const created = await smClient().send(
      new CreateSecretCommand({ Name: `db/${user}`, SecretString: JSON.stringify(value) }),
    );
    const arn = created.ARN ?? '';
    await configureRotation(smClient(), arn, { schedule: { days: 30 }, rotateImmediately: false });
    const { token } = await runRotation(smClient(), arn, postgresSingleUser({ tls: 'disable' }), {
      stopAfter: 'createSecret',
    });

    const events = ['setSecret', 'testSecret', 'finishSecret'].map((Step) => ({
      Step,
      SecretId: arn,
      ClientRequestToken: token,
    }));
    const { stdout, stderr } = await run(
      process.execPath,
      [join(dir, 'invoke.cjs'), JSON.stringify(events)],
      {
        cwd: dir,
        timeout: 20_000,
        env: {
          PATH: process.env['PATH'] ?? '',
          AWS_ENDPOINT_URL: motoEndpoint(),
          AWS_REGION: TEST_REGION,
          AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
          AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
          AWS_CONFIG_FILE: join(dir, 'no-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
          ROTATION_STRATEGY: 'postgres-single-user',
          DB_TLS: 'disable',
        },
      },
    );

    const now = await readStage(arn, 'AWSCURRENT');
    expect(now.password).not.toBe(password);
    expect(await admin.canLogin(user, now.password)).toBe(true);
    expect(await admin.canLogin(user, password)).toBe(false);
    expect(stdout).toContain('setSecret: set the AWSPENDING password in PostgreSQL');
    expect(stdout + stderr).not.toContain(password);
    expect(stdout + stderr).not.toContain(now.password);
  });
});
