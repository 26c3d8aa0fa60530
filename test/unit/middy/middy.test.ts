/**
 * secretkit/middy with real @middy/core: typed secrets in the context before the handler runs,
 * served from the client's cache across invocations, failures as SecretkitError.
 */
import middy from '@middy/core';
import { type SecretsContext, type SecretsOf, secretkitMiddleware } from 'secretkit/middy';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineSecrets, isSecretkitError, SecretsClient, secret } from '../../../src/index.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'orders',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:orders',
  memoryLimitInMB: '128',
  awsRequestId: 'req-1',
  logGroupName: '/aws/lambda/orders',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
};

const Db = z.object({ host: z.string(), password: z.string() });
const definition = defineSecrets({
  db: secret.json('prod/db', Db),
  apiKey: secret.string('prod/api-key'),
});

function setup() {
  let now = Date.UTC(2030, 0, 1);
  const clock = { now: () => now };
  const fake = new InMemorySecretsManager({ clock });
  fake.seed({ name: 'prod/db', json: { host: 'db.internal', password: 'p1' } });
  fake.seed({ name: 'prod/api-key', value: 'k1' });
  const client = new SecretsClient({
    client: fake,
    region: 'us-east-1',
    clock,
    ttlMs: 60_000,
    random: () => 0,
  });
  return { fake, client, advance: (ms: number) => (now += ms) };
}

describe('secretkit/middy', () => {
  it('types the secrets from the definition (checked by tsc)', () => {
    // middy types a handler's context from @types/aws-lambda, which this repo does not install
    // (middy's context is \`any\` then): check the secrets' part, which is secretkit's.
    expectTypeOf<SecretsOf<typeof definition>>().toEqualTypeOf<{
      readonly db: { host: string; password: string };
      readonly apiKey: string;
    }>();
    expectTypeOf<SecretsOf<typeof definition>['apiKey']>().not.toBeAny();
  });

  it('puts typed secrets on the context before the handler, from the cache on warm invocations', async () => {
    const { fake, client, advance } = setup();
    const seen: unknown[] = [];
    const handler = middy<{ orderId: string }, string, Error, SecretsContext<typeof definition>>()
      .use(secretkitMiddleware({ secrets: definition, client }))
      .handler(async (_event, context) => {
        seen.push({ db: context.db, apiKey: context.apiKey, fn: context.functionName });
        return 'ok';
      });
    try {
      expect(await handler({ orderId: 'o1' }, lambdaContext as never)).toBe('ok');
      expect(await handler({ orderId: 'o2' }, { ...lambdaContext, awsRequestId: 'req-2' } as never)).toBe(
        'ok',
      );
      expect(seen).toEqual([
        { db: { host: 'db.internal', password: 'p1' }, apiKey: 'k1', fn: 'orders' },
        { db: { host: 'db.internal', password: 'p1' }, apiKey: 'k1', fn: 'orders' },
      ]);
      // one batch for both secrets at the cold start, nothing on the warm invocation
      expect(fake.calls('BatchGetSecretValue')).toBe(1);
      expect(fake.calls('GetSecretValue')).toBe(0);
      // past the TTL, a rotated value is picked up
      fake.simulateRotation('prod/db', { json: { host: 'db.internal', password: 'p2' } });
      advance(120_000);
      await handler({ orderId: 'o3' }, lambdaContext as never);
      expect(seen.at(-1)).toMatchObject({ db: { password: 'p2' } });
    } finally {
      client.close();
    }
  });

  it('puts them under contextKey when given, and can prefetch at init', async () => {
    const { fake, client } = setup();
    const middleware = secretkitMiddleware({
      secrets: definition,
      client,
      contextKey: 'secrets',
      prefetch: true,
    });
    expect(fake.calls('BatchGetSecretValue')).toBe(0); // prefetch starts on the next tick
    const handler = middy<unknown, string, Error, SecretsContext<typeof definition, 'secrets'>>()
      .use(middleware)
      .handler(async (_event, context) => {
        return context.secrets.db.host;
      });
    try {
      expect(await handler({}, lambdaContext as never)).toBe('db.internal');
      expect(fake.calls('BatchGetSecretValue')).toBe(1);
    } finally {
      client.close();
    }
  });

  it('rejects the invocation with a SecretkitError and never runs the handler when a secret fails', async () => {
    const { client } = setup();
    let ran = false;
    const handler = middy()
      .use(
        secretkitMiddleware({
          secrets: defineSecrets({ db: secret.json('prod/db', Db), missing: secret.string('prod/missing') }),
          client,
        }),
      )
      .handler(async () => {
        ran = true;
      });
    try {
      const error = await handler({}, lambdaContext as never).catch((e: unknown) => e);
      expect(isSecretkitError(error, 'LOAD_FAILED')).toBe(true);
      expect(String((error as Error).message)).toContain('prod/missing');
      expect(String((error as Error).message)).not.toContain('p1');
      expect(ran).toBe(false);
    } finally {
      client.close();
    }
  });

  it('creates its own client from clientOptions, and refuses a malformed definition at creation', async () => {
    const fake = new InMemorySecretsManager();
    fake.seed({ name: 'prod/api-key', value: 'k9' });
    const small = defineSecrets({ apiKey: secret.string('prod/api-key') });
    const handler = middy<unknown, string, Error, SecretsContext<typeof small>>()
      .use(secretkitMiddleware({ secrets: small, clientOptions: { client: fake, region: 'us-east-1' } }))
      .handler(async (_event, context) => context.apiKey);
    expect(await handler({}, lambdaContext as never)).toBe('k9');
    let thrown: unknown;
    try {
      // @ts-expect-error secrets must be a definition
      secretkitMiddleware({ secrets: { db: 'prod/db' } });
    } catch (error) {
      thrown = error;
    }
    expect(isSecretkitError(thrown, 'INVALID_ARGUMENT')).toBe(true);
  });
});
