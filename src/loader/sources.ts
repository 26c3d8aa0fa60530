/**
 * What `defineSecrets(...).load()` reads from: Secrets Manager (a SecretsClient), Parameter
 * Store (a ParametersClient from `secretkit/ssm`), clients per IAM role (cross-account), or a
 * local source. Only interfaces here: the root entry never imports the SSM or STS SDKs.
 */
import type { ListSecretsOptions, SecretListEntry } from '../admin/listing.js';
import type { PreloadResult } from '../client/preload.js';
import type { SecretsReader } from '../client/types.js';
import type { SecretkitError } from '../errors/secretkit-error.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';

/** What `load` needs from Secrets Manager: reads plus batch preload (a `SecretsClient` is one). */
export interface SecretsLoaderSource extends SecretsReader {
  /**
   * Batch-loads AWSCURRENT values; per-secret failures are in the result, not thrown.
   *
   * @throws SecretkitError the codes of `SecretsClient.preload`
   */
  preload(secretIds: readonly string[]): Promise<PreloadResult>;
  /**
   * Lists secrets by name prefix or tag (needed by `secret.tree` and `secret.tagged` only).
   *
   * @throws SecretkitError `ACCESS_DENIED` and other mapped AWS errors, while iterating
   */
  listSecrets?(options?: ListSecretsOptions): AsyncIterable<SecretListEntry>;
}

/** The outcome of a parameter batch. */
export interface ParameterBatchOutcome {
  /** Names now cached (as given). */
  readonly loaded: readonly string[];
  /** Names that failed, each with its error. */
  readonly failed: ReadonlyArray<ParameterBatchFailure>;
}

/** One name a parameter batch could not load. */
export interface ParameterBatchFailure {
  /** The name (as given). */
  readonly name: string;
  /** Why it failed. */
  readonly error: SecretkitError;
}

/** One parameter found under a path. */
export interface ParameterPathEntry {
  /** Its full name. */
  readonly name: string;
}

/** What `load` needs from Parameter Store (a `ParametersClient` from `secretkit/ssm` is one). */
export interface ParametersLoaderSource {
  /**
   * Batch-loads parameters (GetParameters, 10 names a call); per-name failures in the result.
   *
   * @throws SecretkitError `INVALID_ARGUMENT`, `CLIENT_CLOSED`
   */
  preload(names: readonly string[]): Promise<ParameterBatchOutcome>;
  /**
   * Reads a parameter as a string.
   *
   * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, ...
   */
  getString(name: string): Promise<string>;
  /**
   * Reads a parameter validated by a schema (`raw`: the string or a StringList's items; `json`: parsed).
   *
   * @throws SecretkitError `SCHEMA_MISMATCH`, `INVALID_JSON`, `NOT_FOUND`, ...
   */
  getValue<S extends StandardSchemaV1>(
    name: string,
    schema: S,
    options?: { readonly format?: 'raw' | 'json' | undefined },
  ): Promise<StandardSchemaV1.InferOutput<S>>;
  /**
   * Names of every parameter under a path (recursive); their values are then cached.
   *
   * @throws SecretkitError `ACCESS_DENIED`, ...
   */
  getByPath(path: string): Promise<ReadonlyArray<ParameterPathEntry>>;
}

/** Secrets Manager sources per IAM role, for secrets declared with `roleArn`. */
export interface RoleSources {
  /**
   * The source that reads with the role's credentials (created lazily, one per role).
   *
   * @throws SecretkitError `INVALID_ARGUMENT` for a malformed role ARN
   */
  forRole(roleArn: string): SecretsLoaderSource;
  /** The role for a secret declared without `roleArn` (e.g. by the account its ARN names), if any. */
  roleForSecret?(secretId: string): string | undefined;
}

/** Every source a definition may read from; give those its specs need. */
export interface LoadSources {
  /** Secrets Manager (for `secret.string/json/binary`, and trees/tags of secrets). */
  readonly secrets?: SecretsLoaderSource | undefined;
  /** Parameter Store (for `secret.param` and parameter trees). */
  readonly parameters?: ParametersLoaderSource | undefined;
  /** Clients per role (for specs with `roleArn`). */
  readonly roles?: RoleSources | undefined;
  /**
   * Lists secrets for `secret.tree` and `secret.tagged` of Secrets Manager: a `SecretsAdmin`
   * from `secretkit/admin` (the reader does not list). Not needed for anything else.
   */
  readonly lister?: SecretListingSource | undefined;
}

/** What lists secrets by name prefix or tag (a `SecretsAdmin` is one). */
export interface SecretListingSource {
  /**
   * Lists secrets by name prefix or tag.
   *
   * @throws SecretkitError `ACCESS_DENIED` and other mapped AWS errors, while iterating
   */
  listSecrets(options?: ListSecretsOptions): AsyncIterable<SecretListEntry>;
}

/** True when `source` is a {@link LoadSources} object rather than a single secrets source. */
export function isLoadSources(source: SecretsLoaderSource | LoadSources): source is LoadSources {
  return typeof (source as { preload?: unknown }).preload !== 'function';
}
