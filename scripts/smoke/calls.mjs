// @ts-check
/**
 * Real calls through the installed package and the installed AWS SDK clients (the floor
 * versions or the newest), against a local moto server. Run by scripts/check-package.sh inside
 * a smoke project:
 *
 *   SECRETKIT_SMOKE_ENDPOINT=http://127.0.0.1:<port> node calls.mjs <package-name> [--no-kms] [--label=x]
 *
 * Exercises every Secrets Manager command family the reads use (GetSecretValue,
 * BatchGetSecretValue: the newest command, which sets the SDK floor; DescribeSecret) and the
 * only KMS command (DescribeKey, through secretkit/iam with a customer-managed key).
 * `--no-kms`: for a project without the optional @aws-sdk/client-kms: no customer-managed key,
 * and the CLI (`secretkit policy`, `secretkit doctor`) runs too, which must not need KMS.
 * Prints one line; on failure prints each problem and exits 1.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const args = process.argv.slice(2);
const pkgName = args.find((a) => !a.startsWith('--')) ?? 'secretkit';
const noKms = args.includes('--no-kms');
const label = args.find((a) => a.startsWith('--label='))?.slice('--label='.length) ?? 'calls';
const endpoint = process.env['SECRETKIT_SMOKE_ENDPOINT'];
if (!endpoint) {
  console.error('calls.mjs: set SECRETKIT_SMOKE_ENDPOINT to a moto server');
  process.exit(2);
}
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
const require = createRequire(join(process.cwd(), 'package.json'));
/** @param {string} name */
const versionOf = (name) => require(`${name}/package.json`).version;

const region = 'us-east-1';
const credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' };
const config = { region, endpoint, credentials, maxAttempts: 1 };
const run = `${label}-${process.version}-${Date.now().toString(36)}`;

const sdk = await import('@aws-sdk/client-secrets-manager');
const kmsSdk = noKms ? undefined : await import('@aws-sdk/client-kms');
const { SecretsClient } = await import(pkgName);
const iam = await import(`${pkgName}/iam`);

/** @type {string[]} */
const problems = [];
/** @type {string[]} */
const done = [];
/** @param {string} what @param {() => Promise<void>} fn */
async function check(what, fn) {
  try {
    await fn();
    done.push(what);
  } catch (e) {
    problems.push(`${what}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
}

const sm = new sdk.SecretsManagerClient(config);
const kms = kmsSdk === undefined ? undefined : new kmsSdk.KMSClient(config);
const plain = `smoke/${run}/plain`;
const encrypted = `smoke/${run}/${kms === undefined ? 'second' : 'cmk'}`;
let keyArn = '';
await check('setup (CreateKey, CreateSecret)', async () => {
  if (kms !== undefined && kmsSdk !== undefined) {
    const key = await kms.send(new kmsSdk.CreateKeyCommand({}));
    keyArn = key.KeyMetadata?.Arn ?? '';
  }
  await sm.send(new sdk.CreateSecretCommand({ Name: plain, SecretString: 'p-value' }));
  await sm.send(
    new sdk.CreateSecretCommand({
      Name: encrypted,
      SecretString: 'c-value',
      ...(keyArn ? { KmsKeyId: keyArn } : {}),
    }),
  );
});

const client = new SecretsClient({ region, clientConfig: { endpoint, credentials, maxAttempts: 1 } });
await check('GetSecretValue (getString)', async () => {
  if ((await client.getString(plain)) !== 'p-value') throw new Error('wrong value');
});
await check('BatchGetSecretValue (preload)', async () => {
  client.invalidate();
  const result = await client.preload([plain, encrypted]);
  if (result.loaded.length !== 2 || result.failed.length !== 0) {
    throw new Error(
      `loaded ${result.loaded.length}, failed ${result.failed.map((f) => f.error.code).join(',')}`,
    );
  }
  const byOperation = client.stats().apiCalls.byOperation;
  if (!byOperation['BatchGetSecretValue'])
    throw new Error(`no BatchGetSecretValue call: ${JSON.stringify(byOperation)}`);
});
if (kms !== undefined) {
  await check('DescribeSecret + DescribeKey (secretkit/iam policyForSecrets)', async () => {
    const { policy } = await iam.policyForSecrets({ secretsClient: sm, kmsClient: kms }, [encrypted]);
    const text = JSON.stringify(policy);
    if (!text.includes(keyArn) || !text.includes('kms:Decrypt'))
      throw new Error(`no kms:Decrypt on the key: ${text}`);
  });
}
await check('diagnoseSecretAccess (every check ok)', async () => {
  const clients = kms === undefined ? { secretsClient: sm } : { secretsClient: sm, kmsClient: kms };
  const findings = await iam.diagnoseSecretAccess(clients, encrypted);
  const bad = findings.filter((/** @type {{status: string}} */ f) => f.status !== 'ok');
  if (bad.length > 0) throw new Error(JSON.stringify(bad));
});
client.close();

if (noKms) {
  // The CLI, from the project's .bin, with the Node under test, and no @aws-sdk/client-kms.
  const bin = join(process.cwd(), 'node_modules', pkgName, require(`${pkgName}/package.json`).bin.secretkit);
  const env = {
    PATH: process.env['PATH'] ?? '',
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  for (const [argv, code] of /** @type {Array<[string[], number]>} */ ([
    [['policy', plain, '--json'], 0],
    [['doctor', plain], 0],
  ])) {
    await check(`secretkit ${argv[0]} (CLI without client-kms)`, async () => {
      const r = spawnSync(process.execPath, [bin, ...argv], { encoding: 'utf8', env, timeout: 30_000 });
      if (r.status !== code) throw new Error(`exit ${r.status}, stderr: ${(r.stderr ?? '').trim()}`);
      if (/NodeVersionSupportWarning/.test(r.stderr ?? ''))
        throw new Error('printed the SDK Node version warning');
    });
  }
}

const versions = `client-secrets-manager ${versionOf('@aws-sdk/client-secrets-manager')}, client-kms ${noKms ? 'not installed' : versionOf('@aws-sdk/client-kms')}`;
if (problems.length) {
  console.log(`FAIL ${label} calls on Node ${process.version} (${versions}):`);
  for (const p of problems) console.log(`  - ${p}`);
  process.exit(1);
}
console.log(`ok ${label} calls on Node ${process.version} (${versions}): ${done.length} checks`);
