/**
 * Times one AWS API call (one `send`) and reports how it ended: the `api-call-end` event, which
 * the diagnostics channel `secretkit:aws:call` publishes. Never carries request or response data.
 */
import type { Clock } from '../cache/clock.js';

/** An AWS API call that ended (one per `send`), with its duration and outcome. */
export interface ApiCallEndEvent {
  /** Marks the end of an AWS API call. */
  readonly type: 'api-call-end';
  /** Operation name, e.g. `GetSecretValue`. */
  readonly operation: string;
  /** Region the call went to. */
  readonly region: string;
  /** Milliseconds from `send` to its answer or failure (the client's clock). */
  readonly durationMs: number;
  /** `success` when AWS answered, `error` when the call threw (an AWS error, a fault, an abort). */
  readonly outcome: 'success' | 'error';
  /** The error the call threw, when `outcome` is `error` (may echo request data: never log its message). */
  readonly error?: unknown;
}

/** Sends one command through `send`, reporting its end to `emit`. */
export function timeApiCall<T>(
  clock: Clock,
  operation: string,
  region: string,
  send: () => Promise<T>,
  emit: (event: ApiCallEndEvent) => void,
): Promise<T> {
  const startedMs = clock.now();
  const end = (error?: { readonly error: unknown }): void => {
    const base = { type: 'api-call-end', operation, region, durationMs: clock.now() - startedMs } as const;
    emit(
      error === undefined
        ? { ...base, outcome: 'success' }
        : { ...base, outcome: 'error', error: error.error },
    );
  };
  let sending: Promise<T>;
  try {
    sending = send();
  } catch (error) {
    end({ error });
    return Promise.reject(error);
  }
  return Promise.resolve(sending).then(
    (value) => {
      end();
      return value;
    },
    (error: unknown) => {
      end({ error });
      throw error;
    },
  );
}
