/**
 * The `details` of a {@link SecretkitError}, typed per code, so that
 * `isSecretkitError(e, 'LOAD_FAILED')` narrows `e.details` to `{ failures }`. Details never
 * carry secret values. The shapes live here (the bottom floor); schema/, failover/ and loader/
 * re-export the ones they produce.
 */

/** One schema issue: where and what, never the value. */
export interface SchemaIssue {
  /** Path into the JSON, e.g. `"port"` or `"replicas.0.host"`; empty for the root. */
  readonly path: string;
  /** The schema library's message with the secret's values and keys redacted. */
  readonly message: string;
}

/** Why one region did not serve a read (no message: it may echo request data). */
export interface RegionErrorSummary {
  /** The region that did not serve the read. */
  readonly region: string;
  /** The error's `name` (`TimeoutError`, `ThrottlingException`, `SecretkitError`, ...). */
  readonly name?: string | undefined;
  /** A Node error code (`ECONNREFUSED`) or a secretkit code (`TIMEOUT`). */
  readonly code?: string | undefined;
  /** The HTTP status AWS answered with, if any. */
  readonly httpStatusCode?: number | undefined;
  /** Set when the region was not tried because its circuit was open. */
  readonly skipped?: 'circuit-open' | undefined;
}

/** One declared item that `defineSecrets(...).load()` could not load. */
export interface LoadFailure {
  /** The key in the definition (`tree.sub` for a key inside a tree). */
  readonly key: string;
  /** The secret id or parameter name. */
  readonly secretId: string;
  /** Where it was read: `secretsmanager` or `ssm`. */
  readonly store: 'secretsmanager' | 'ssm';
  /** The error code (NOT_FOUND, SCHEMA_MISMATCH, ...; `UNEXPECTED` for an extra key of a strict tree). */
  readonly code: string;
  /** The error message (no values). */
  readonly message: string;
}

/** The details of the codes that always carry the same shape. */
export interface SecretkitErrorDetailsByCode {
  /** The issues the schema reported. */
  readonly SCHEMA_MISMATCH: {
    /** Path and redacted message of each issue. */
    readonly issues: readonly SchemaIssue[];
  };
  /** Each region's cause. */
  readonly ALL_REGIONS_FAILED: {
    /** One summary per region, in the order tried. */
    readonly regionErrors: readonly RegionErrorSummary[];
  };
  /** Each secret that failed. */
  readonly LOAD_FAILED: {
    /** One entry per secret that failed, sorted by key. */
    readonly failures: readonly LoadFailure[];
  };
  /** The deadline that passed (and the operation, for a call of the SDK boundary). */
  readonly TIMEOUT: {
    /** The deadline, in milliseconds. */
    readonly timeoutMs: number;
    /** The AWS operation, e.g. `PutSecretValue`. */
    readonly operation?: string | undefined;
  };
  /** The option or argument at fault. */
  readonly INVALID_ARGUMENT: {
    /** The option at fault, e.g. `ttlMs`. */
    readonly option?: string | undefined;
    /** The argument at fault, e.g. `secretId`. */
    readonly argument?: string | undefined;
    readonly [key: string]: unknown;
  };
}

/** The `details` of an error with code `C`: typed for the codes above, a record otherwise. */
export type SecretkitErrorDetails<C extends string> = C extends keyof SecretkitErrorDetailsByCode
  ? SecretkitErrorDetailsByCode[C]
  : Readonly<Record<string, unknown>>;
