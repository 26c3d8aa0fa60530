/**
 * Startup loading: declare every secret an app needs, then load them all at once with as few
 * BatchGetSecretValue calls as possible, validate everything, and either get one fully typed
 * object or one error that lists every secret that failed and why (never a value).
 */

import type { PreloadResult } from '../client/preload.js';
import type { SecretsReader } from '../client/types.js';
import { toSecretkitError } from '../errors/aws-error.js';
import type { LoadFailure } from '../errors/details.js';
import { isSecretkitError, SecretkitError } from '../errors/secretkit-error.js';
import type { SecretSpec, SpecOutput } from './secret-spec.js';

/** What `load` needs: reads plus batch preload (a {@link SecretsClient} is one). */
export interface SecretsLoaderSource extends SecretsReader {
  /**
   * Batch-loads AWSCURRENT values; per-secret failures are in the result, not thrown.
   *
   * @throws SecretkitError the codes of {@link SecretsClient.preload}
   */
  preload(secretIds: readonly string[]): Promise<PreloadResult>;
}

export type { LoadFailure } from '../errors/details.js';

/** A set of declared secrets. */
export interface SecretsDefinition<T> {
  /** The declared secret ids, de-duplicated. */
  readonly secretIds: readonly string[];
  /**
   * Loads and validates everything.
   *
   * @throws SecretkitError `LOAD_FAILED` with `details.failures: LoadFailure[]` listing every failure
   */
  load(source: SecretsLoaderSource): Promise<T>;
}

/**
 * Declares the secrets an app needs.
 *
 * @example
 * ```ts
 * const config = defineSecrets({
 *   db: secret.json('prod/db', DbSchema),
 *   stripe: secret.string('prod/stripe'),
 * });
 * const { db, stripe } = await config.load(secrets); // fully typed; throws LOAD_FAILED listing every problem
 * ```
 */
export function defineSecrets<const Specs extends Readonly<Record<string, SecretSpec<unknown>>>>(
  specs: Specs,
): SecretsDefinition<{ readonly [K in keyof Specs]: SpecOutput<Specs[K]> }> {
  const entries = Object.entries(specs);
  const secretIds = [...new Set(entries.map(([, spec]) => spec.secretId))];
  const batchable = [
    ...new Set(entries.filter(([, s]) => s.version === undefined).map(([, s]) => s.secretId)),
  ];
  return {
    secretIds,
    async load(source) {
      const preloaded = batchable.length > 0 ? await source.preload(batchable) : { loaded: [], failed: [] };
      const preloadErrors = new Map(preloaded.failed.map((f) => [f.secretId, f.error]));
      const failures: LoadFailure[] = [];
      const values: Record<string, unknown> = {};
      await Promise.all(
        entries.map(async ([key, spec]) => {
          const known = spec.version === undefined ? preloadErrors.get(spec.secretId) : undefined;
          try {
            if (known) throw known;
            values[key] = await spec.read(source);
          } catch (error) {
            const e = isSecretkitError(error)
              ? error
              : toSecretkitError(error, { operation: 'load', secretId: spec.secretId });
            failures.push({ key, secretId: spec.secretId, code: e.code, message: e.message });
          }
        }),
      );
      if (failures.length > 0) {
        failures.sort((a, b) => a.key.localeCompare(b.key));
        const list = failures.map((f) => `  - ${f.key} (${f.secretId}): ${f.code}: ${f.message}`).join('\n');
        throw new SecretkitError(
          'LOAD_FAILED',
          `${failures.length} of ${entries.length} secrets failed to load:\n${list}`,
          { details: { failures } },
        );
      }
      return values as { readonly [K in keyof Specs]: SpecOutput<Specs[K]> };
    },
  };
}
