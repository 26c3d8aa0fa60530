/**
 * Type tests of the public API (vitest --typecheck): getJson inference from zod 4, valibot and
 * arktype; exclusive options; narrowing of SecretkitError by code.
 */
import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { SecretsAdminOptions } from '../../src/admin/index.js';
import {
  DEFAULTS,
  defineSecrets,
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
