/**
 * A Lambda handler that reads typed secrets through one module-scope SecretsClient.
 *
 * Bundle it with esbuild, leaving the AWS SDK out (the Node.js runtime provides it):
 *   npx esbuild examples/lambda/handler.ts --bundle --minify --platform=node --format=esm \
 *     --target=node20 --external:@aws-sdk/* --outfile=dist-lambda/handler.mjs
 *
 * Environment:
 *   DB_SECRET_ID       JSON secret { host, port, username, password } (default `prod/db`)
 *   API_KEY_SECRET_ID  string secret (default `prod/partner-api-key`)
 *   SECRETS_TTL_MS     cache TTL in ms (default 60000)
 *   SECRETKIT_DEBUG    `1` to return the client's counters (API calls, hits) in `debug`
 */
import { isSecretkitError, SecretsClient, type SecretsClientStats } from 'secretkit';
// Any Standard Schema works (zod, valibot, arktype...). For a small bundle use zod/mini and import
// it as a namespace: esbuild then drops what is unused (~15 KiB minified here). `import { z }`
// keeps all of zod (~420 KiB), and full `zod` as `import * as z` adds ~90 KiB.
import * as z from 'zod/mini';

const DbConfig = z.object({
  host: z.string().check(z.minLength(1)),
  port: z.int().check(z.positive()),
  username: z.string().check(z.minLength(1)),
  password: z.string().check(z.minLength(1)),
});

const DB_SECRET_ID = process.env['DB_SECRET_ID'] ?? 'prod/db';
const API_KEY_SECRET_ID = process.env['API_KEY_SECRET_ID'] ?? 'prod/partner-api-key';

/**
 * Created once per execution environment (module scope), so every warm invocation reuses the
 * cache and the SDK's connections.
 *
 * Why these options:
 * - `ttlMs: 60_000`: an environment lives minutes to hours and may run thousands of
 *   invocations. One minute keeps calls at one per secret per minute per environment (cheap,
 *   far from the GetSecretValue rate limit even with many concurrent environments) while a
 *   rotated value is picked up within a minute. The default of 5 minutes suits long-lived servers.
 * - `staleWhileRevalidateMs: 0` and `refreshAheadRatio: 0`: both refresh in the background after
 *   the read returned. In Lambda the environment is frozen as soon as the handler returns, so a
 *   background request would stall until the next invocation thaws it. With both off, an
 *   expired value is refreshed inside the invocation that needs it.
 * - `maxStaleMs` keeps its default (15 minutes): if Secrets Manager is failing, the last good
 *   value is still served rather than failing every invocation.
 */
const secrets = new SecretsClient({
  ttlMs: Number(process.env['SECRETS_TTL_MS'] ?? 60_000),
  staleWhileRevalidateMs: 0,
  refreshAheadRatio: 0,
});

/** The event this example accepts (e.g. from a Function URL or API Gateway, simplified). */
export interface ExampleEvent {
  readonly orderId?: string;
}

/** What the handler returns. */
export interface ExampleResult {
  readonly statusCode: number;
  readonly body: string;
  /** Only with SECRETKIT_DEBUG=1: the client's counters (no values). */
  readonly debug?: SecretsClientStats;
}

/** Stands in for real work with the credentials (a database query, a partner API call). */
function describeWork(db: z.infer<typeof DbConfig>, apiKey: string, orderId: string): string {
  // Never log or return secret values: only facts about them.
  return `order ${orderId}: would query ${db.host}:${db.port} as ${db.username}, API key of ${apiKey.length} characters`;
}

export async function handler(event: ExampleEvent): Promise<ExampleResult> {
  const debug = process.env['SECRETKIT_DEBUG'] === '1' ? () => ({ debug: secrets.stats() }) : () => ({});
  try {
    // Both reads are served from the cache on warm invocations; on a miss they run in parallel.
    const [db, apiKey] = await Promise.all([
      secrets.getJson(DB_SECRET_ID, DbConfig),
      secrets.getString(API_KEY_SECRET_ID),
    ]);
    const body = JSON.stringify({ ok: true, work: describeWork(db, apiKey, event.orderId ?? 'none') });
    return { statusCode: 200, body, ...debug() };
  } catch (error) {
    // SecretkitError messages name the secret and the problem, never the value: safe to log.
    if (isSecretkitError(error)) {
      console.error(JSON.stringify({ level: 'error', code: error.code, message: error.message }));
      return { statusCode: 500, body: JSON.stringify({ ok: false, code: error.code }), ...debug() };
    }
    throw error;
  }
}
