/**
 * `getAcceptedVersions`: every value a verifier should accept while a secret rotates
 * (AWSCURRENT, plus AWSPENDING and AWSPREVIOUS when they exist).
 */
import type { SecretsReader } from '../client/types.js';
import { isSecretkitError } from '../errors/secretkit-error.js';
import type { StandardSchemaV1 } from '../schema/standard-schema.js';
import { AWSCURRENT, AWSPENDING, AWSPREVIOUS } from './stages.js';

/** The stages {@link getAcceptedVersions} reads by default. */
export const DEFAULT_ACCEPTED_STAGES: readonly string[] = [AWSCURRENT, AWSPENDING, AWSPREVIOUS];

/** One accepted value and the label it was read by. */
export interface AcceptedVersion<T> {
  /** The staging label. */
  readonly stage: string;
  /** The value of the version carrying it. */
  readonly value: T;
}

/** Options of {@link getAcceptedVersions}. */
export interface AcceptedVersionsOptions {
  /** Labels to read, in order. AWSCURRENT, when listed, must exist. @defaultValue AWSCURRENT, AWSPENDING, AWSPREVIOUS */
  readonly stages?: readonly string[] | undefined;
  /** Bypass the cache for these reads. @defaultValue false */
  readonly forceRefresh?: boolean | undefined;
}

/** {@link AcceptedVersionsOptions} with a schema each value is parsed and validated with. */
export interface AcceptedVersionsSchemaOptions<S extends StandardSchemaV1> extends AcceptedVersionsOptions {
  /** Standard Schema for the JSON value. */
  readonly schema: S;
}

function isMissing(error: unknown): boolean {
  return isSecretkitError(error, 'NOT_FOUND') || isSecretkitError(error, 'STAGE_NOT_FOUND');
}

/**
 * Reads the value of each stage (in parallel, through the reader's cache). A stage no version
 * carries is skipped, except AWSCURRENT, whose absence (or the secret's) is an error; any other
 * failure is thrown. For servers that verify incoming credentials (API keys) and must accept the
 * new value as soon as a rotation creates it and the old one until clients have moved on.
 *
 * @param reader - a `SecretsClient` (or anything with its reads)
 * @param secretId - name or ARN
 * @param options - stages, schema, forceRefresh
 * @returns the values found, in the order of `stages` (two entries may hold the same value)
 * @throws SecretkitError `NOT_FOUND` when the secret or its AWSCURRENT does not exist; other read errors
 * @example
 * ```ts
 * const accepted = await getAcceptedVersions(secrets, 'prod/api-key');
 * const ok = accepted.some((v) => safeEqual(v.value, presentedKey));
 * ```
 */
export function getAcceptedVersions<S extends StandardSchemaV1>(
  reader: SecretsReader,
  secretId: string,
  options: AcceptedVersionsSchemaOptions<S>,
): Promise<AcceptedVersion<StandardSchemaV1.InferOutput<S>>[]>;
export function getAcceptedVersions(
  reader: SecretsReader,
  secretId: string,
  options?: AcceptedVersionsOptions,
): Promise<AcceptedVersion<string>[]>;
export async function getAcceptedVersions(
  reader: SecretsReader,
  secretId: string,
  options: AcceptedVersionsOptions & { readonly schema?: StandardSchemaV1 } = {},
): Promise<AcceptedVersion<unknown>[]> {
  const stages = options.stages ?? DEFAULT_ACCEPTED_STAGES;
  const { schema } = options;
  const readOptions = { forceRefresh: options.forceRefresh === true };
  const results = await Promise.allSettled(
    stages.map((versionStage) =>
      schema === undefined
        ? reader.getString(secretId, { ...readOptions, versionStage })
        : reader.getJson(secretId, schema, { ...readOptions, versionStage }),
    ),
  );
  const accepted: AcceptedVersion<unknown>[] = [];
  results.forEach((result, i) => {
    const stage = stages[i] as string;
    if (result.status === 'fulfilled') {
      accepted.push({ stage, value: result.value });
    } else if (stage === AWSCURRENT || !isMissing(result.reason)) {
      throw result.reason;
    }
  });
  return accepted;
}
