/**
 * Plants a marker value in secrets and searches every output secretkit produces for it:
 * error messages and their JSON/inspect forms (with causes), schema issues, LOAD_FAILED,
 * events, log lines, util.inspect and JSON.stringify of the client.
 */
import { inspect } from 'node:util';
import { GetSecretValueCommand, SecretsManagerServiceException } from '@aws-sdk/client-secrets-manager';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSecrets, SecretsClient, type StandardSchemaV1, secret } from '../../../src/index.js';
import { mockedSecretsManager } from '../../support/mock-sdk.js';

const MARKER = 'MARKER-9f3b2c-SECRET';
const { sdk, sm } = mockedSecretsManager();

/** A schema whose messages quote the received value, as zod 3 and others do. */
const echoingSchema: StandardSchemaV1<unknown, { port: number }> = {
  '~standard': {
    version: 1,
    vendor: 'test',
    validate: (value) => ({
      issues: [
        {
          message: `Expected number, received '${(value as { port: string }).port}'`,
          path: [{ key: 'port' }],
        },
        { message: `whole value was ${JSON.stringify(value)}` },
      ],
    }),
  },
};

function everything(value: unknown): string {
  return [
    String(value),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(value) ?? '',
  ].join('\n');
}

describe('secret values never leak', () => {
  const outputs: string[] = [];
  const logger = {
    debug: (fields: object, message: string) => outputs.push(inspect(fields, { depth: 10 }), message),
    warn: (fields: object, message: string) => outputs.push(inspect(fields, { depth: 10 }), message),
    error: (fields: object, message: string) => outputs.push(inspect(fields, { depth: 10 }), message),
  };
  let now = 0;
  afterEach(() => sm.reset());

  it('in errors, schema issues, events, logs, inspect and JSON of the client', async () => {
    const events: unknown[] = [];
    const client = new SecretsClient({
      client: sdk,
      region: 'us-east-1',
      clock: { now: () => now },
      random: () => 0,
      logger,
      onEvent: (e) => events.push(e),
    });
    const base = { ARN: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:x-AbCdEf', VersionId: 'v1' };
    sm.on(GetSecretValueCommand, { SecretId: 'json' }).resolves({
      ...base,
      Name: 'json',
      SecretString: JSON.stringify({ port: MARKER, password: MARKER }),
    });
    sm.on(GetSecretValueCommand, { SecretId: 'broken' }).resolves({
      ...base,
      Name: 'broken',
      SecretString: `{"password": ${MARKER}`,
    });
    sm.on(GetSecretValueCommand, { SecretId: 'plain' }).resolves({
      ...base,
      Name: 'plain',
      SecretString: MARKER,
    });
    sm.on(GetSecretValueCommand, { SecretId: 'bin' }).resolves({
      ...base,
      Name: 'bin',
      SecretBinary: new TextEncoder().encode(MARKER),
    });

    const errors: unknown[] = [];
    const capture = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => errors.push(e),
      );
    await capture(client.getJson('json', echoingSchema));
    await capture(client.getJson('json', z.object({ port: z.number(), password: z.enum(['a', 'b']) })));
    await capture(client.getJson('broken'));
    await capture(client.getBinary('plain'));
    await capture(client.getString('bin'));
    await capture(
      defineSecrets({ a: secret.json('json', echoingSchema), b: secret.json('broken', echoingSchema) }).load({
        preload: async () => ({ loaded: [], failed: [] }),
        getString: (id) => client.getString(id),
        getBinary: (id) => client.getBinary(id),
        getJson: (id, schema) => client.getJson(id, schema),
      }),
    );
    // A value is in the cache and AWS fails: stale events and log lines.
    expect(await client.getString('plain')).toBe(MARKER);
    sm.on(GetSecretValueCommand, { SecretId: 'plain' }).rejects(
      new SecretsManagerServiceException({
        name: 'ThrottlingException',
        $fault: 'client',
        $metadata: { httpStatusCode: 429 },
        message: 'Rate exceeded',
      }),
    );
    now += 24 * 3600_000;
    await capture(client.getString('plain'));

    expect(errors.length).toBe(7);
    for (const error of errors) expect(everything(error)).not.toContain(MARKER);
    expect(everything(errors[0])).toContain('[redacted]');
    expect(inspect(events, { depth: 10 })).not.toContain(MARKER);
    expect(JSON.stringify(events)).not.toContain(MARKER);
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.join('\n')).not.toContain(MARKER);
    expect(everything(client)).not.toContain(MARKER);
    expect(everything(client.stats())).not.toContain(MARKER);
    client.close();
  });
});
