/**
 * Startup loading: declare every secret and parameter an app needs, then load them all at once
 * with as few calls as possible (⌈m/20⌉ BatchGetSecretValue per account + ⌈n/10⌉ GetParameters),
 * validate everything, and either get one fully typed object or one error that lists every
 * problem across every store and why (never a value).
 */
import { toSecretkitError } from '../errors/aws-error.js';
import type { LoadFailure } from '../errors/details.js';
import { isSecretkitError, SecretkitError } from '../errors/secretkit-error.js';
import type { AnySpec, SpecOutput } from './secret-spec.js';
import { isLoadSources, type LoadSources, type SecretsLoaderSource } from './sources.js';

export type { LoadFailure } from '../errors/details.js';
export type {
  LoadSources,
  ParameterBatchFailure,
  ParameterBatchOutcome,
  ParameterPathEntry,
  ParametersLoaderSource,
  RoleSources,
  SecretListingSource,
  SecretsLoaderSource,
} from './sources.js';

/** A set of declared secrets and parameters. */
export interface SecretsDefinition<T> {
  /** The declared secret ids, de-duplicated. */
  readonly secretIds: readonly string[];
  /** The declared parameter names, de-duplicated. */
  readonly parameterNames: readonly string[];
  /**
   * Loads and validates everything. `source` is a SecretsClient (secrets only), or
   * `{ secrets, parameters, roles }`, or a local source (`secretkit/local`).
   *
   * @throws SecretkitError `LOAD_FAILED` with `details.failures: LoadFailure[]` listing every failure
   */
  load(source: SecretsLoaderSource | LoadSources): Promise<T>;
}

function asError(error: unknown, id: string): SecretkitError {
  return isSecretkitError(error) ? error : toSecretkitError(error, { operation: 'load', secretId: id });
}

function missingSource(what: string): SecretkitError {
  return new SecretkitError('INVALID_ARGUMENT', `No ${what} source was given to load().`, {
    details: { option: what },
  });
}

/**
 * Declares the secrets and parameters an app needs.
 *
 * @example
 * ```ts
 * const config = defineSecrets({
 *   db: secret.json('prod/db', DbSchema),
 *   stripe: secret.string('prod/stripe'),
 *   flags: secret.param('/app/prod/flags', z.array(z.string())),
 * });
 * const { db, stripe, flags } = await config.load({ secrets, parameters }); // one LOAD_FAILED lists every problem
 * ```
 */
export function defineSecrets<const Specs extends Readonly<Record<string, AnySpec>>>(
  specs: Specs,
): SecretsDefinition<{ readonly [K in keyof Specs]: SpecOutput<Specs[K]> }> {
  const entries = Object.entries(specs) as Array<[string, AnySpec]>;
  const secretIds = [...new Set(entries.flatMap(([, s]) => (s.kind === 'secret' ? [s.secretId] : [])))];
  const parameterNames = [...new Set(entries.flatMap(([, s]) => (s.kind === 'parameter' ? [s.name] : [])))];
  return {
    secretIds,
    parameterNames,
    async load(input) {
      const sources: LoadSources = isLoadSources(input) ? input : { secrets: input };
      const failures: LoadFailure[] = [];
      const values: Record<string, unknown> = {};
      const fail = (key: string, id: string, store: LoadFailure['store'], error: unknown): void => {
        const e = asError(error, id);
        failures.push({ key, secretId: id, store, code: e.code, message: e.message });
      };
      // Which source reads each secret (the caller's, or a role's); the batch per source.
      const sourceOf = new Map<string, SecretsLoaderSource | SecretkitError>();
      const batches = new Map<SecretsLoaderSource, Set<string>>();
      for (const [key, spec] of entries) {
        if (spec.kind !== 'secret') continue;
        let source: SecretsLoaderSource | SecretkitError;
        try {
          const roleArn = spec.roleArn ?? sources.roles?.roleForSecret?.(spec.secretId);
          source =
            roleArn === undefined
              ? (sources.secrets ?? missingSource('secrets'))
              : (sources.roles?.forRole(roleArn) ?? missingSource('roles'));
        } catch (error) {
          source = asError(error, spec.secretId);
        }
        sourceOf.set(key, source);
        if (!(source instanceof Error) && spec.version === undefined) {
          const batch = batches.get(source) ?? new Set<string>();
          batch.add(spec.secretId);
          batches.set(source, batch);
        }
      }
      const preloadErrors = new Map<SecretsLoaderSource, Map<string, SecretkitError>>();
      const parameterErrors = new Map<string, SecretkitError>();
      const parameters = sources.parameters;
      await Promise.all([
        ...[...batches].map(async ([source, ids]) => {
          const errors = new Map<string, SecretkitError>();
          preloadErrors.set(source, errors);
          try {
            const result = await source.preload([...ids]);
            for (const f of result.failed) errors.set(f.secretId, f.error);
          } catch (error) {
            for (const id of ids) errors.set(id, asError(error, id));
          }
        }),
        (async () => {
          if (parameters === undefined || parameterNames.length === 0) return;
          try {
            const result = await parameters.preload(parameterNames);
            for (const f of result.failed) parameterErrors.set(f.name, f.error);
          } catch (error) {
            for (const name of parameterNames) parameterErrors.set(name, asError(error, name));
          }
        })(),
      ]);
      await Promise.all(
        entries.map(async ([key, spec]) => {
          if (spec.kind === 'tree') {
            const result = await spec.load(sources);
            for (const f of result.failures) {
              failures.push({
                key: f.subKey === '' ? key : `${key}.${f.subKey}`,
                secretId: f.id,
                store: spec.from === 'parameters' ? 'ssm' : 'secretsmanager',
                code: f.code,
                message: f.message,
              });
            }
            if (result.value !== undefined) values[key] = result.value;
            return;
          }
          if (spec.kind === 'parameter') {
            try {
              if (parameters === undefined) throw missingSource('parameters');
              const known = parameterErrors.get(spec.name);
              if (known) throw known;
              values[key] = await spec.read(parameters);
            } catch (error) {
              fail(key, spec.name, 'ssm', error);
            }
            return;
          }
          const source = sourceOf.get(key);
          try {
            if (source === undefined || source instanceof Error) throw source ?? missingSource('secrets');
            const known =
              spec.version === undefined ? preloadErrors.get(source)?.get(spec.secretId) : undefined;
            if (known) throw known;
            values[key] = await spec.read(source);
          } catch (error) {
            fail(key, spec.secretId, 'secretsmanager', error);
          }
        }),
      );
      if (failures.length > 0) {
        failures.sort((a, b) => a.key.localeCompare(b.key));
        const list = failures
          .map(
            (f) =>
              `  - ${f.key} (${f.store === 'ssm' ? 'parameter ' : ''}${f.secretId}): ${f.code}: ${f.message}`,
          )
          .join('\n');
        throw new SecretkitError(
          'LOAD_FAILED',
          `${failures.length} of the declared items failed to load:\n${list}`,
          {
            details: { failures },
          },
        );
      }
      return values as { readonly [K in keyof Specs]: SpecOutput<Specs[K]> };
    },
  };
}
