import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DescribeKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src/cli/args.js';
import { pickRegion } from '../../../src/cli/clients.js';
import { doctorExitCode } from '../../../src/cli/doctor-command.js';
import { EXIT } from '../../../src/cli/exit-codes.js';
import type { CliIo } from '../../../src/cli/io.js';
import { COMMANDS } from '../../../src/cli/registry.js';
import { runCli } from '../../../src/cli/run.js';

const sm = mockClient(SecretsManagerClient);
const kms = mockClient(KMSClient);
const ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/prod/db-AbC123';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const regions: Array<string | undefined> = [];
const factory = (region: string | undefined) => {
  regions.push(region);
  return {
    secretsClient: new SecretsManagerClient({ region: 'eu-west-1' }),
    kmsClient: new KMSClient({ region: 'eu-west-1' }),
  };
};

beforeEach(() => {
  sm.reset();
  kms.reset();
  regions.length = 0;
  sm.on(DescribeSecretCommand).resolves({ ARN, Name: 'app/prod/db' });
  sm.on(GetSecretValueCommand).resolves({ ARN, SecretString: 'value' });
});

describe('parseCliArgs', () => {
  const kind = (argv: string[]) => parseCliArgs(argv, COMMANDS).kind;
  it.each([
    [[], 'usage-error'],
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['help'], 'help'],
    [['--version'], 'version'],
    [['rotate', 'x'], 'usage-error'],
    [['policy'], 'usage-error'],
    [['doctor', 'a', 'b'], 'usage-error'],
    [['policy', 'a', '--bogus'], 'usage-error'],
    [['policy', 'a', '--region'], 'usage-error'],
    [['policy', 'a', '--region', '--json'], 'usage-error'],
    [['policy', 'a', '--json=yes'], 'usage-error'],
    [['policy', 'a', '--no-read'], 'usage-error'],
    [['doctor', 'a', '--no-batch'], 'usage-error'],
    [['policy', 'a', 'b', '-r', 'eu-west-1', '--json'], 'run'],
    [['policy', 'a', '--region=eu-west-1'], 'run'],
    [['doctor', 'a', '--no-read'], 'run'],
    [['doctor', '--help'], 'help'],
    [['help', 'doctor'], 'help'],
  ])('%j → %s', (argv, expected) => {
    expect(kind(argv)).toBe(expected);
  });

  it('reads options', () => {
    const parsed = parseCliArgs(
      ['policy', 'a', 'b', '--region', 'eu-west-1', '--json', '--no-batch'],
      COMMANDS,
    );
    expect(parsed).toMatchObject({
      kind: 'run',
      args: ['a', 'b'],
      region: 'eu-west-1',
      json: true,
      options: { 'no-batch': true },
    });
    expect(parsed.kind === 'run' && parsed.command.name).toBe('policy');
  });

  it.each([
    [['policy', 'a', '--bogus'], 'unknown option --bogus for "secretkit policy"'],
    [['policy', 'a', '-x'], 'unknown option -x for "secretkit policy"'],
    [['policy', 'a', '--region'], '--region needs a value <region>'],
    [['policy', 'a', '-r', '--json'], '-r needs a value <region>'],
    [['doctor', 'a', '--json=1'], '--json takes no value'],
    [['doctor', 'a', 'b'], 'doctor: give exactly one secret name or ARN (got 2)'],
    [['policy'], 'policy: give at least one secret name or ARN'],
    [['frobnicate'], 'unknown command "frobnicate": use policy, doctor, rotation check, cost'],
    [['--bogus'], 'unknown option --bogus for secretkit'],
  ])('%j: says "%s" in its own words', (argv, message) => {
    const parsed = parseCliArgs(argv, COMMANDS);
    expect(parsed).toMatchObject({ kind: 'usage-error', message });
    // Never Node's own parseArgs wording (which quotes unevenly and names its API).
    expect(parsed.kind === 'usage-error' && parsed.message).not.toMatch(/To specify a positional|parseArgs/);
  });
});

describe('pickRegion', () => {
  it('prefers --region, then an ARN region, then the SDK default', () => {
    expect(pickRegion('us-west-2', [ARN])).toBe('us-west-2');
    expect(pickRegion(undefined, ['name', ARN])).toBe('eu-west-1');
    expect(pickRegion(undefined, ['name'])).toBeUndefined();
  });
});

describe('runCli', () => {
  it('prints help with exit 0', async () => {
    const io = capture();
    expect(await runCli(['--help'], io, factory)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/Usage: secretkit/);
  });

  it('returns 2 for usage errors, on stderr', async () => {
    const io = capture();
    expect(await runCli(['frobnicate'], io, factory)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/unknown command "frobnicate"/);
    expect(io.stdout).toEqual([]);
  });

  it('policy --json prints only the policy document on stdout', async () => {
    const io = capture();
    expect(await runCli(['policy', ARN, '--json'], io, factory)).toBe(0);
    const policy = JSON.parse(io.stdout.join('\n'));
    expect(policy.Statement[0].Resource).toBe(ARN);
    expect(regions).toEqual(['eu-west-1']);
  });

  it('policy (human) writes a summary to stderr and the policy to stdout', async () => {
    const io = capture();
    expect(await runCli(['policy', 'app/prod/db'], io, factory)).toBe(0);
    expect(io.stderr.join('\n')).toMatch(/app\/prod\/db -> arn:aws:secretsmanager:eu-west-1/);
    expect(() => JSON.parse(io.stdout.join('\n'))).not.toThrow();
  });

  it('policy exits 3 on an AWS error, with a JSON error for scripts', async () => {
    sm.on(DescribeSecretCommand).rejects(
      Object.assign(new Error('not found'), {
        name: 'ResourceNotFoundException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const io = capture();
    expect(await runCli(['policy', 'nope', '--json'], io, factory)).toBe(3);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('doctor exits 0 when all is well and 1 when a problem is found', async () => {
    const io = capture();
    expect(await runCli(['doctor', 'app/prod/db'], io, factory)).toBe(0);
    expect(io.stdout.at(-1)).toBe('No problem found.');

    sm.on(DescribeSecretCommand).resolves({ ARN, KmsKeyId: 'alias/app' });
    kms
      .on(DescribeKeyCommand)
      .resolves({ KeyMetadata: { KeyId: 'k', KeyState: 'Disabled', KeyManager: 'CUSTOMER' } });
    const io2 = capture();
    expect(await runCli(['doctor', 'app/prod/db', '--json', '--no-read'], io2, factory)).toBe(1);
    const report = JSON.parse(io2.stdout.join('\n'));
    expect(report).toMatchObject({ secretId: 'app/prod/db', ok: false });
    expect(report.findings.find((f: { check: string }) => f.check === 'key-state')).toMatchObject({
      status: 'problem',
    });
    expect(sm.commandCalls(GetSecretValueCommand)).toHaveLength(1); // only the first run read
  });

  it('doctor exits 3 when AWS cannot be reached', async () => {
    sm.on(DescribeSecretCommand).rejects(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    );
    const io = capture();
    expect(await runCli(['doctor', 'app/prod/db'], io, factory)).toBe(3);
    expect(io.stderr.join('\n')).toMatch(/did not answer/);
  });
});

describe('runCli: basics', () => {
  it('--version prints the version of the package', async () => {
    const io = capture();
    expect(await runCli(['--version'], io, factory)).toBe(0);
    const { version } = JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8'),
    );
    expect(io.stdout).toEqual([`secretkit ${version}`]);
  });

  it.each(COMMANDS.map((c) => c.name))(
    'secretkit %s --help prints the help of that command',
    async (name) => {
      const io = capture();
      expect(await runCli([...name.split(' '), '--help'], io, factory)).toBe(0);
      const text = io.stdout.join('\n');
      expect(text).toMatch(new RegExp(`^Usage: secretkit ${name} `));
      const command = COMMANDS.find((c) => c.name === name);
      for (const option of Object.keys(command?.options ?? {})) expect(text).toContain(`--${option}`);
      const io2 = capture();
      expect(await runCli(['help', ...name.split(' ')], io2, factory)).toBe(0);
      expect(io2.stdout).toEqual(io.stdout);
    },
  );

  it('the global help lists every command and every exit code', async () => {
    const io = capture();
    await runCli(['--help'], io, factory);
    const text = io.stdout.join('\n');
    for (const c of COMMANDS) expect(text).toContain(`  ${c.name} ${c.argsUsage}`);
    for (const code of Object.values(EXIT)) expect(text).toMatch(new RegExp(`^  ${code}  `, 'm'));
  });

  it('a usage error points to the help of the command', async () => {
    const io = capture();
    expect(await runCli(['doctor', 'a', '--bogus'], io, factory)).toBe(2);
    expect(io.stderr).toEqual([
      'secretkit: unknown option --bogus for "secretkit doctor"',
      'Run `secretkit doctor --help` for usage.',
    ]);
  });
});

describe('runCli: doctor tells the truth', () => {
  const noCredentials = () =>
    Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });

  it('exits 4 (not 0) when checks could not run, and never says "No problem found."', async () => {
    sm.on(DescribeSecretCommand).rejects(noCredentials());
    sm.on(GetSecretValueCommand).rejects(noCredentials());
    const io = capture();
    expect(await runCli(['doctor', 'app/prod/db'], io, factory)).toBe(EXIT.unchecked);
    const text = io.stdout.join('\n');
    expect(text).toMatch(/\[\? {6}\] describe-secret: DescribeSecret failed with CredentialsProviderError/);
    expect(io.stdout.at(-1)).toMatch(
      /^No problem found, but 2 checks could not run \(marked \?\): this is not a pass\.$/,
    );
  });

  it('--json reports ok: false and counts the checks that could not run', async () => {
    sm.on(DescribeSecretCommand).rejects(noCredentials());
    const io = capture();
    expect(await runCli(['doctor', 'app/prod/db', '--json', '--no-read'], io, factory)).toBe(4);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({ ok: false, problems: 0, unchecked: 1 });
  });

  it('a problem wins over a check that could not run (exit 1)', async () => {
    sm.on(DescribeSecretCommand).resolves({ ARN, KmsKeyId: 'alias/app' });
    kms.on(DescribeKeyCommand).rejects(noCredentials());
    sm.on(GetSecretValueCommand).rejects(
      Object.assign(new Error('denied'), {
        name: 'AccessDeniedException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const io = capture();
    expect(await runCli(['doctor', 'app/prod/db'], io, factory)).toBe(EXIT.problems);
    expect(io.stdout.at(-1)).toBe('1 problem found. 1 check could not run (marked ?).');
  });
});

describe('doctorExitCode', () => {
  const f = (status: 'ok' | 'problem' | 'unknown') => ({ check: 'read-value' as const, status, message: '' });
  it.each([
    [[f('ok')], 0],
    [[f('ok'), f('unknown')], 4],
    [[f('unknown'), f('problem')], 1],
    [[], 4],
  ])('%j → %i', (findings, code) => {
    expect(doctorExitCode(findings)).toBe(code);
  });
});
