/**
 * `secretkit/middy`: a middy middleware that loads typed secrets (a `defineSecrets`
 * definition) into the Lambda context before the handler runs. Values come from one
 * SecretsClient kept across invocations, so a warm invocation is served from its cache (TTL,
 * refresh-ahead, stale-if-error, rotation-aware). Requires `@middy/core` (an optional peer).
 *
 * @packageDocumentation
 */
import type { MiddlewareObj, Request } from '@middy/core';
import { SecretsClient } from '../client/secrets-client.js';
import type { SecretsClientOptions } from '../client/types.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import type { SecretsDefinition, SecretsLoaderSource } from '../loader/define-secrets.js';

/** The Lambda context type as `@middy/core` declares it (`Context` of `@types/aws-lambda`). */
export type LambdaContext = Request['context'];

/** The values a definition loads: `SecretsOf<typeof secrets>`. */
export type SecretsOf<D> = D extends SecretsDefinition<infer T> ? T : never;

/**
 * The context the handler sees, for `middy<Event, Result, Error, SecretsContext<typeof secrets>>()`:
 * the Lambda context plus the secrets of definition `D` (at the top level, or under `contextKey` `K`).
 */
export type SecretsContext<D, K extends string | undefined = undefined> = K extends string
  ? LambdaContext & { readonly [P in K]: SecretsOf<D> }
  : LambdaContext & SecretsOf<D>;

/** Options of {@link secretkitMiddleware}. */
export interface SecretkitMiddlewareOptions<T, K extends string | undefined = undefined> {
  /** What to load: the result of `defineSecrets({...})`. */
  readonly secrets: SecretsDefinition<T>;
  /**
   * Where values come from: a SecretsClient (shared with the rest of your code) or any loader
   * source. @defaultValue one `new SecretsClient(clientOptions)`, created on first use and reused
   */
  readonly client?: SecretsLoaderSource | undefined;
  /** Options of the client created when `client` is not given. */
  readonly clientOptions?: SecretsClientOptions | undefined;
  /**
   * Put the secrets under this key of the context (`context.secrets.db`). By default each secret
   * is a key of the context itself (`context.db`), as `@middy/secrets-manager` does with `setToContext`.
   */
  readonly contextKey?: K | undefined;
  /** Start loading when the middleware is created (in the Lambda init phase). Errors surface in the first invocation. @defaultValue false */
  readonly prefetch?: boolean | undefined;
}

function checkOptions(options: unknown): void {
  const secrets = (options as { secrets?: unknown } | undefined)?.secrets;
  if (
    typeof secrets !== 'object' ||
    secrets === null ||
    typeof (secrets as { load?: unknown }).load !== 'function'
  ) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      'secretkitMiddleware needs `secrets`: the result of defineSecrets().',
      {
        details: { argument: 'secrets' },
      },
    );
  }
  const key = (options as { contextKey?: unknown }).contextKey;
  if (key !== undefined && (typeof key !== 'string' || key.length === 0)) {
    throw new SecretkitError('INVALID_ARGUMENT', 'contextKey must be a non-empty string.', {
      details: { argument: 'contextKey' },
    });
  }
}

/**
 * Creates the middleware. Each invocation loads the definition through the client (cache hits
 * when fresh; one BatchGetSecretValue for what is not) and assigns the typed values to the
 * context before the handler runs. A failure rejects the invocation with a `SecretkitError`
 * (`LOAD_FAILED` listing every secret that failed, never a value); the handler does not run.
 *
 * @param options - the definition, the client (or its options), `contextKey`, `prefetch`
 * @returns a middy middleware object
 * @throws SecretkitError `INVALID_ARGUMENT` when `secrets` is not a definition or `contextKey` is empty
 * @example
 * ```ts
 * import middy from '@middy/core';
 * import { defineSecrets, secret } from 'secretkit';
 * import { type SecretsContext, secretkitMiddleware } from 'secretkit/middy';
 *
 * const secrets = defineSecrets({ db: secret.json('prod/db', DbSchema) });
 * export const handler = middy<unknown, unknown, Error, SecretsContext<typeof secrets>>()
 *   .use(secretkitMiddleware({ secrets }))
 *   .handler(async (event, context) => connect(context.db));
 * ```
 */
export function secretkitMiddleware<T, K extends string | undefined = undefined>(
  options: SecretkitMiddlewareOptions<T, K>,
): MiddlewareObj<unknown, unknown, Error, SecretsContext<SecretsDefinition<T>, K>> {
  checkOptions(options);
  const { secrets, contextKey } = options;
  let client = options.client;
  const source = (): SecretsLoaderSource => {
    client ??= new SecretsClient(options.clientOptions);
    return client;
  };
  let prefetched: Promise<T> | undefined;
  if (options.prefetch === true) {
    prefetched = Promise.resolve().then(() => secrets.load(source()));
    // Reported by the first invocation, never as an unhandled rejection.
    prefetched.catch(() => undefined);
  }
  return {
    name: 'secretkit',
    async before(request) {
      const pending = prefetched ?? secrets.load(source());
      prefetched = undefined;
      const values = await pending;
      if (contextKey === undefined) Object.assign(request.context, values);
      else Object.assign(request.context, { [contextKey]: values });
    },
  };
}
