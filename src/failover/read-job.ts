/**
 * A {@link ReadJob} run through a router's promise-based `read` (the failover router's `start`):
 * each attempt becomes a promise, the outcome a call of the job. The one-region reader does not
 * use this: its read object is the attempt's sink (client/primary-router.ts).
 */
import type { AttemptSink, ReadJob, RegionAttempt, RegionRouter } from './types.js';

/**
 * Runs `job` with `read`.
 *
 * @param read - the router's `read`
 * @param job - the read
 * @param secretId - the secret read
 */
export function startWithRead<T>(read: RegionRouter['read'], job: ReadJob<T>, secretId?: string): void {
  let started: Promise<{ value: T; region: string; failedOver: boolean }>;
  try {
    started = read<T>(
      (attempt: RegionAttempt) =>
        new Promise<T>((resolve, reject) => {
          const sink: AttemptSink<T> = { answered: resolve, failed: reject };
          job.attempt(attempt, sink);
        }),
      { secretId },
    );
  } catch (error) {
    started = Promise.reject(error);
  }
  started.then(
    (result) => job.answered(result.value, result.region, result.failedOver),
    (error: unknown) => job.failed(error),
  );
}
