/**
 * Type tests of the public API (vitest --typecheck): getJson inference from zod 4, valibot and
 * arktype; exclusive options; the `failover` option; narrowing of SecretkitError by code.
 */
import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { SecretsAdminOptions } from '../../src/admin/index.js';
import { type FailoverOptions, failover } from '../../src/failover/index.js';
import {
  DEFAULTS,
  defineSecrets,
  type Failover,
  isSecretkitError,
  type LoadFailure,
  type RegionErrorSummary,
  type SchemaIssue,
  SecretkitError,
  SecretsClient,
  type SecretsClientOptions,
  type SecretsManagerClientLike,
  secret,
} from '../../src/index.js';

declare const client: SecretsClient;
declare const sdk: SecretsManagerClientLike;

describe('getJson infers the schema output', () => {
  it('from zod 4', () => {
    const Db = z.object({ host: z.string(), port: z.number() });
    expectTypeOf(client.getJson('prod/db', Db)).resolves.toEqualTypeOf<{ host: string; port: number }>();
  });

  it('from valibot', () => {
    const Db = v.object({ host: v.string(), port: v.number() });
    expectTypeOf(client.getJson('prod/db', Db)).resolves.toEqualTypeOf<{ host: string; port: number }>();
  });

  it('from arktype', () => {
    const Db = type({ host: 'string', port: 'number' });
    expectTypeOf(client.getJson('prod/db', Db)).resolves.toEqualTypeOf<{ host: string; port: number }>();
  });

  it('a transform gives its output type; no schema gives unknown', () => {
    expectTypeOf(
      client.getJson(
        'n',
        z.string().transform((s) => s.length),
      ),
    ).resolves.toEqualTypeOf<number>();
    expectTypeOf(client.getJson('prod/db')).resolves.toEqualTypeOf<unknown>();
  });

  it('flows through defineSecrets', () => {
    const config = defineSecrets({
      db: secret.json('prod/db', z.object({ port: z.number() })),
      key: secret.string('k'),
    });
    expectTypeOf(config.load(client)).resolves.toEqualTypeOf<{
      readonly db: { port: number };
      readonly key: string;
    }>();
  });
});

describe('options', () => {
  it('client and clientConfig exclude each other', () => {
    expectTypeOf<{
      client: { send: never };
      clientConfig: object;
    }>().not.toMatchTypeOf<SecretsClientOptions>();
    // @ts-expect-error client and clientConfig together
    new SecretsClient({ client: sdk, clientConfig: {} });
    // @ts-expect-error replicaClients belong with client, not clientConfig
    new SecretsClient({ clientConfig: {}, replicaClients: {} });
    const admin: SecretsAdminOptions = { clientConfig: {}, readers: [client] };
    expectTypeOf(admin).toMatchTypeOf<SecretsAdminOptions>();
  });

  it('rejects unknown keys at compile time too', () => {
    // @ts-expect-error ttlMS is not an option (ttlMs is)
    new SecretsClient({ ttlMS: 1 });
  });

  it('failover takes what failover() returns, next to the client-wide options', () => {
    expectTypeOf(failover({ replicaRegions: ['us-west-2'] })).toEqualTypeOf<Failover>();
    expectTypeOf<SecretsClientOptions['failover']>().toEqualTypeOf<Failover | undefined>();
    expectTypeOf<FailoverOptions['replicaRegions']>().toEqualTypeOf<readonly string[]>();
    new SecretsClient({
      region: 'us-east-1',
      failover: failover({
        replicaRegions: ['us-west-2'],
        hedgeAfterMs: 50,
        breakerFailureThreshold: 2,
        breakerCooldownMs: 1000,
      }),
      regionTimeoutMs: 500,
      client: sdk,
      replicaClients: { 'us-west-2': sdk },
    });
    new SecretsClient({ region: 'us-east-1', failover: failover({ replicaRegions: [] }) });
    new SecretsClient({ region: 'us-east-1', failover: undefined });
  });

  it('failover rejects a plain object, and failover() its own misuse', () => {
    // @ts-expect-error a look-alike object is not made by failover()
    new SecretsClient({ region: 'us-east-1', failover: { kind: 'failover', replicaRegions: ['us-west-2'] } });
    // @ts-expect-error nor are the options of failover() themselves
    new SecretsClient({ region: 'us-east-1', failover: { replicaRegions: ['us-west-2'] } });
    // @ts-expect-error failover() requires replicaRegions
    failover({ hedgeAfterMs: 50 });
    // @ts-expect-error regionTimeoutMs stays a client option
    failover({ replicaRegions: [], regionTimeoutMs: 500 });
  });

  it('rejects the 0.1 top-level failover options', () => {
    // @ts-expect-error replicaRegions moved into failover({ ... })
    new SecretsClient({ region: 'us-east-1', replicaRegions: ['us-west-2'] });
    // @ts-expect-error hedgeAfterMs moved into failover({ ... })
    new SecretsClient({ region: 'us-east-1', hedgeAfterMs: 50 });
    // @ts-expect-error breakerFailureThreshold moved into failover({ ... })
    new SecretsClient({ region: 'us-east-1', breakerFailureThreshold: 2 });
    // @ts-expect-error breakerCooldownMs moved into failover({ ... })
    new SecretsClient({ region: 'us-east-1', breakerCooldownMs: 1000 });
    // The admin client keeps its own replicaRegions.
    const admin: SecretsAdminOptions = { region: 'us-east-1', replicaRegions: ['us-west-2'] };
    expectTypeOf(admin).toMatchTypeOf<SecretsAdminOptions>();
  });

  it('DEFAULTS is read-only and typed', () => {
    expectTypeOf(DEFAULTS.ttlMs).toEqualTypeOf<300_000>();
    expectTypeOf(DEFAULTS.versionStage).toEqualTypeOf<'AWSCURRENT'>();
    // @ts-expect-error DEFAULTS is frozen
    DEFAULTS.ttlMs = 1;
  });
});

describe('SecretkitError narrows by code', () => {
  it('isSecretkitError(e, code) narrows code and details', () => {
    const e: unknown = new SecretkitError('LOAD_FAILED', 'x');
    if (isSecretkitError(e, 'LOAD_FAILED')) {
      expectTypeOf(e.code).toEqualTypeOf<'LOAD_FAILED'>();
      expectTypeOf(e.details).toEqualTypeOf<{ readonly failures: readonly LoadFailure[] } | undefined>();
    }
    if (isSecretkitError(e, 'SCHEMA_MISMATCH')) {
      expectTypeOf(e.details).toEqualTypeOf<{ readonly issues: readonly SchemaIssue[] } | undefined>();
    }
    if (isSecretkitError(e, 'ALL_REGIONS_FAILED')) {
      expectTypeOf(e.details).toEqualTypeOf<
        { readonly regionErrors: readonly RegionErrorSummary[] } | undefined
      >();
    }
    if (isSecretkitError(e)) {
      expectTypeOf(e.code).toEqualTypeOf<SecretkitError['code']>();
    }
  });

  it('the constructor checks details against the code', () => {
    new SecretkitError('LOAD_FAILED', 'x', { details: { failures: [] } });
    // @ts-expect-error LOAD_FAILED details carry failures, not issues
    new SecretkitError('LOAD_FAILED', 'x', { details: { issues: [] } });
  });
});
