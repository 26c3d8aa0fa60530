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
import type { CliIo } from '../../../src/cli/io.js';
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
  it.each([
    [[], 'usage-error'],
    [['--help'], 'help'],
    [['-h'], 'help'],
    [['help'], 'help'],
    [['rotate', 'x'], 'usage-error'],
    [['policy'], 'usage-error'],
    [['doctor', 'a', 'b'], 'usage-error'],
    [['policy', 'a', '--bogus'], 'usage-error'],
    [['policy', 'a', '--region'], 'usage-error'],
    [['policy', 'a', 'b', '-r', 'eu-west-1', '--json'], 'policy'],
    [['doctor', 'a', '--no-read'], 'doctor'],
  ])('%j → %s', (argv, kind) => {
    expect(parseCliArgs(argv).kind).toBe(kind);
  });

  it('reads options', () => {
    expect(parseCliArgs(['policy', 'a', 'b', '--region', 'eu-west-1', '--json', '--no-batch'])).toEqual({
      kind: 'policy',
      ids: ['a', 'b'],
      region: 'eu-west-1',
      json: true,
      batch: false,
      read: true,
    });
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
