/**
 * Counters of a {@link SecretsClient} beyond the cache's own: API calls by operation and region,
 * errors by code, which region served reads, failovers. Values never appear here.
 */
import type { CacheEngineStats } from '../cache/types.js';

/** A snapshot of a client's counters. */
export interface SecretsClientStats extends CacheEngineStats {
  /** AWS API calls made (each `send`, including retries we own). */
  readonly apiCalls: {
    /** Every call. */
    readonly total: number;
    /** Calls by operation name, e.g. `GetSecretValue`. */
    readonly byOperation: Readonly<Record<string, number>>;
    /** Calls by the region they went to. */
    readonly byRegion: Readonly<Record<string, number>>;
  };
  /** Errors thrown to callers, by `SecretkitError` code. */
  readonly errorsByCode: Readonly<Record<string, number>>;
  /** Successful reads from AWS, by the region that answered. */
  readonly servedByRegion: Readonly<Record<string, number>>;
  /** Reads that a replica region answered because the primary failed. */
  readonly failovers: number;
}

function bump(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

/** Mutable counters behind {@link SecretsClientStats}. */
export class ClientCounters {
  #apiTotal = 0;
  readonly #byOperation: Record<string, number> = {};
  readonly #byRegion: Record<string, number> = {};
  readonly #errorsByCode: Record<string, number> = {};
  readonly #servedByRegion: Record<string, number> = {};
  #failovers = 0;

  /** One `send` of `operation` to `region`. */
  apiCall(operation: string, region: string): void {
    this.#apiTotal += 1;
    bump(this.#byOperation, operation);
    bump(this.#byRegion, region);
  }

  /** An error thrown to a caller. */
  error(code: string): void {
    bump(this.#errorsByCode, code);
  }

  /** A read answered by `region` (`failedOver` when not the primary). */
  served(region: string, failedOver: boolean): void {
    bump(this.#servedByRegion, region);
    if (failedOver) this.#failovers += 1;
  }

  /** A frozen snapshot merged with the cache's counters. */
  snapshot(cache: CacheEngineStats): SecretsClientStats {
    return Object.freeze({
      ...cache,
      apiCalls: Object.freeze({
        total: this.#apiTotal,
        byOperation: Object.freeze({ ...this.#byOperation }),
        byRegion: Object.freeze({ ...this.#byRegion }),
      }),
      errorsByCode: Object.freeze({ ...this.#errorsByCode }),
      servedByRegion: Object.freeze({ ...this.#servedByRegion }),
      failovers: this.#failovers,
    });
  }
}
