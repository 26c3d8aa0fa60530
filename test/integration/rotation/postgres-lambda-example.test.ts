/**
 * examples/rotation-lambda: bundles the rotation function with esbuild as the README says (AWS SDK
 * external, drivers inlined), then lets the bundle, in a fresh Node process that has only the
 * SDK beside it (like the Lambda runtime), run setSecret, testSecret and finishSecret of a real
 * PostgreSQL rotation with the events Secrets Manager sends. (moto cannot invoke a Lambda, and
 * cannot create the placeholder AWSPENDING version RotateSecret makes, so createSecret is run by
 * `runRotation` in-process with the same strategy.)
 */
import { randomUUID } from 'node:crypto';
import { CreateSecretCommand } from '@aws-sdk/client-secrets-manager';
import { beforeAll, describe, expect, it } from 'vitest';
import { configureRotation, runRotation } from '../../../src/rotation/index.js';
import { postgresSingleUser } from '../../../src/rotation/postgres/index.js';
import { smClient, useEmulator } from '../../support/aws.js';
import { useExampleBundle } from '../../support/bundle-example.js';
import { type DatabaseAdmin, postgresAdmin } from '../../support/databases/admin.js';
import { usePostgres } from '../../support/databases/index.js';
import { readStage, uniqueUser } from '../../support/databases/rotation-suite.js';

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
  const example = useExampleBundle({
    entry: 'examples/rotation-lambda/index.ts',
    outfile: 'index.js',
    format: 'cjs',
    external: ['pg-native'],
    driver: { file: 'invoke.cjs', source: INVOKE },
  });

  beforeAll(async () => {
    admin = await postgresAdmin(server());
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
    const { stdout, stderr } = await example().invoke(events, {
      timeoutMs: 20_000,
      env: { ROTATION_STRATEGY: 'postgres-single-user', DB_TLS: 'disable' },
    });

    const now = await readStage(arn, 'AWSCURRENT');
    expect(now.password).not.toBe(password);
    expect(await admin.canLogin(user, now.password)).toBe(true);
    expect(await admin.canLogin(user, password)).toBe(false);
    expect(stdout).toContain('setSecret: set the AWSPENDING password in PostgreSQL');
    expect(stdout + stderr).not.toContain(password);
    expect(stdout + stderr).not.toContain(now.password);
  });
});
