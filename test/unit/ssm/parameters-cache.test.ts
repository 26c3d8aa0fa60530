/**
 * Cache rules of ParametersClient (TTL, single-flight, stale-if-error within maxStaleMs, backoff)
 * and redaction of SecureString values in every error path. aws-sdk-client-mock answers for AWS
 * because moto cannot produce throttling, 5xx or a KMS failure on demand (docs/testing.md).
 */
import { inspect } from 'node:util';
import {
  GetParameterCommand,
  GetParametersCommand,
  SSMClient,
  SSMServiceException,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSecrets, isSecretkitError, type StandardSchemaV1, secret } from '../../../src/index.js';
import { ParametersClient } from '../../../src/ssm/index.js';

const MARKER = 'MARKER-5a1e-SECURESTRING';
const sdk = new SSMClient({ region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } });
const ssm = mockClient(sdk);
const made: ParametersClient[] = [];
afterEach(() => {
  ssm.reset();
  for (const c of made.splice(0)) c.close();
});

let now = 1_000_000;
function client(extra: Record<string, unknown> = {}): ParametersClient {
  const c = new ParametersClient({ client: sdk, clock: { now: () => now }, random: () => 0, ...extra });
  made.push(c);
  return c;
}
const param = (value: string, version = 1, type: 'String' | 'SecureString' = 'SecureString') => ({
  Parameter: { Name: '/p', Type: type, Value: value, Version: version },
});
const throttled = () =>
  new SSMServiceException({
    name: 'ThrottlingException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
    message: 'Rate exceeded',
  });
const serverError = () =>
  new SSMServiceException({
    name: 'InternalServerError',
    $fault: 'server',
    $metadata: { httpStatusCode: 500 },
    message: 'boom',
  });

function everything(value: unknown): string {
  return [
    String(value),
    inspect(value, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    JSON.stringify(value) ?? '',
  ].join('\n');
}

const echoingSchema: StandardSchemaV1<unknown, number> = {
  '~standard': {
    version: 1,
    vendor: 'test',
    validate: (value) => ({ issues: [{ message: `Expected number, received '${String(value)}'` }] }),
  },
};

describe('ParametersClient cache rules', () => {
  it('caches for the TTL, one call for concurrent readers, reloads after expiry', async () => {
    ssm.on(GetParameterCommand).resolves(param('one'));
    const p = client({ ttlMs: 10_000 });
    const reads = await Promise.all([p.getString('/p'), p.getString('/p'), p.getString('/p')]);
    expect(reads).toEqual(['one', 'one', 'one']);
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1);
    expect(ssm.commandCalls(GetParameterCommand)[0]?.args[0].input).toEqual({
      Name: '/p',
      WithDecryption: true,
    });
    ssm.on(GetParameterCommand).resolves(param('two', 2));
    now += 10_001 + 60_000; // past TTL and stale-while-revalidate
    expect(await p.getString('/p')).toBe('two');
    expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(2);
  });

  it('serves the last good value on a fault within maxStaleMs, then fails closed', async () => {
    ssm.on(GetParameterCommand).resolves(param('good'));
    const p = client({ ttlMs: 1_000, staleWhileRevalidateMs: 0, maxStaleMs: 5_000 });
    expect(await p.getString('/p')).toBe('good');
    ssm.on(GetParameterCommand).rejects(throttled());
    now += 1_001;
    expect(await p.getString('/p')).toBe('good');
    expect(p.stats().staleServed).toBe(1);
    now += 10_000;
    const error = await p.getString('/p').catch((e: unknown) => e);
    expect(isSecretkitError(error, 'THROTTLED')).toBe(true);
  });

  it('an answer (not found) is never masked by a stale value', async () => {
    ssm.on(GetParameterCommand).resolves(param('good'));
    const p = client({ ttlMs: 1_000, staleWhileRevalidateMs: 0 });
    await p.getString('/p');
    ssm.on(GetParameterCommand).rejects(
      new SSMServiceException({
        name: 'ParameterNotFound',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    now += 1_001;
    const error = await p.getString('/p').catch((e: unknown) => e);
    expect(isSecretkitError(error, 'NOT_FOUND')).toBe(true);
  });

  it('a version selector is cached without expiry; a label expires', async () => {
    ssm.on(GetParameterCommand, { Name: '/p:1' }).resolves(param('v1'));
    ssm.on(GetParameterCommand, { Name: '/p:live' }).resolves(param('live'));
    const p = client({ ttlMs: 1_000, staleWhileRevalidateMs: 0 });
    await p.getString('/p:1');
    await p.getString('/p:live');
    now += 100_000;
    await p.getString('/p:1');
    await p.getString('/p:live');
    expect(ssm.commandCalls(GetParameterCommand).map((c) => c.args[0].input.Name)).toEqual([
      '/p:1',
      '/p:live',
      '/p:live',
    ]);
  });

  it('validates its options strictly', () => {
    expect(() => new ParametersClient({ ttlMS: 5 } as never)).toThrow(/ttlMS/);
    expect(() => new ParametersClient({ client: sdk, clientConfig: {} })).toThrow(/client and clientConfig/);
    expect(() => new ParametersClient({ ttlMs: -1 })).toThrow(/ttlMs/);
    expect(() => new ParametersClient({ timeoutMs: 0 })).toThrow(/timeoutMs/);
  });

  it('close() settles a call in flight with CLIENT_CLOSED', async () => {
    ssm.on(GetParameterCommand).callsFake(() => new Promise(() => {}));
    const p = client();
    const pending = p.getString('/p').catch((e: unknown) => e);
    await new Promise((r) => setImmediate(r));
    p.close();
    expect(isSecretkitError(await pending, 'CLIENT_CLOSED')).toBe(true);
  });
});

describe('SecureString values never leak', () => {
  it('not in schema errors (raw and JSON), invalid JSON, KMS and server errors, LOAD_FAILED, events, inspect', async () => {
    const events: unknown[] = [];
    ssm.on(GetParameterCommand, { Name: '/raw' }).resolves(param(MARKER));
    ssm.on(GetParameterCommand, { Name: '/json' }).resolves(param(JSON.stringify({ port: MARKER })));
    ssm.on(GetParameterCommand, { Name: '/bad-json' }).resolves(param(`not json ${MARKER}`));
    ssm.on(GetParameterCommand, { Name: '/kms' }).rejects(
      new SSMServiceException({
        name: 'InvalidKeyId',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
        message: 'key',
      }),
    );
    ssm.on(GetParameterCommand, { Name: '/boom' }).rejects(serverError());
    ssm.on(GetParametersCommand).resolves({
      Parameters: [
        { Name: '/raw', Type: 'SecureString' as const, Value: MARKER, Version: 1 },
        { Name: '/json', Type: 'SecureString' as const, Value: JSON.stringify({ port: MARKER }), Version: 1 },
      ],
      InvalidParameters: ['/missing'],
    });
    const p = client({
      onEvent: (e: unknown) => events.push(e),
      logger: { warn: (f: unknown, m: string) => events.push(f, m) },
    });
    const errors: unknown[] = [];
    errors.push(await p.getValue('/raw', echoingSchema).catch((e: unknown) => e));
    errors.push(await p.getValue('/raw', z.number()).catch((e: unknown) => e));
    errors.push(await p.getJson('/json', z.object({ port: z.number() })).catch((e: unknown) => e));
    errors.push(await p.getJson('/bad-json', z.object({})).catch((e: unknown) => e));
    errors.push(await p.getString('/kms').catch((e: unknown) => e));
    errors.push(await p.getString('/boom').catch((e: unknown) => e));
    errors.push(await p.getStringList('/raw').catch((e: unknown) => e));
    expect(errors.map((e) => (isSecretkitError(e) ? e.code : 'not a SecretkitError'))).toEqual([
      'SCHEMA_MISMATCH',
      'SCHEMA_MISMATCH',
      'SCHEMA_MISMATCH',
      'INVALID_JSON',
      'DECRYPTION_FAILURE',
      'REGION_UNAVAILABLE',
      'INVALID_ARGUMENT',
    ]);
    p.invalidate();
    const load = await defineSecrets({
      a: secret.param('/raw', echoingSchema),
      b: secret.param('/json', z.object({ port: z.number() }), { format: 'json' }),
      c: secret.param('/missing'),
    })
      .load({ parameters: p })
      .catch((e: unknown) => e);
    expect(isSecretkitError(load, 'LOAD_FAILED')).toBe(true);
    for (const e of [...errors, load]) expect(everything(e)).not.toContain(MARKER);
    expect(everything(events)).not.toContain(MARKER);
    expect(everything(p)).not.toContain(MARKER);
  });
});
