/**
 * The value-free summary of each region's failure, and the `ALL_REGIONS_FAILED` error built
 * from them.
 */
import type { RegionErrorSummary } from '../errors/details.js';
import { SecretkitError } from '../errors/secretkit-error.js';

export type { RegionErrorSummary } from '../errors/details.js';

interface ErrorFields {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

/**
 * Summarises an error without its message (messages can echo request data): name, code, HTTP
 * status.
 *
 * @param region - the region the error came from
 * @param error - the thrown value
 */
export function summarizeRegionError(region: string, error: unknown): RegionErrorSummary {
  const e: ErrorFields = typeof error === 'object' && error !== null ? (error as ErrorFields) : {};
  const status = e.$metadata?.httpStatusCode;
  return {
    region,
    name: typeof e.name === 'string' ? e.name : typeof error,
    code: typeof e.code === 'string' ? e.code : undefined,
    httpStatusCode: typeof status === 'number' ? status : undefined,
  };
}

/** One region's outcome in a failed read: its error, or skipped (circuit open). */
export type RegionFailure =
  | { readonly region: string; readonly error: unknown }
  | { readonly region: string; readonly skipped: 'circuit-open' };

/**
 * The error of a read that no region served.
 *
 * @param failures - each region's failure, in the order tried
 * @param secretId - the secret the read was for, when known
 */
export function allRegionsFailed(failures: readonly RegionFailure[], secretId?: string): SecretkitError {
  const regionErrors = failures.map((f) =>
    'error' in f ? summarizeRegionError(f.region, f.error) : { region: f.region, skipped: f.skipped },
  );
  const causes = regionErrors
    .map((r) => `${r.region}: ${r.skipped ?? r.code ?? r.name ?? 'error'}`)
    .join(', ');
  const what = secretId === undefined ? 'read' : `read of ${secretId}`;
  const tried = [...failures].reverse().find((f): f is { region: string; error: unknown } => 'error' in f);
  return new SecretkitError('ALL_REGIONS_FAILED', `${what} failed in every region (${causes})`, {
    cause: tried?.error,
    secretId,
    details: { regionErrors },
  });
}
