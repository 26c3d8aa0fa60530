/**
 * The SDK boundary: the one place secretkit calls `client.send`. Reads, batch, writes,
 * describe, list, labels, rotation, replication, KMS and the IAM diagnosis all come here.
 * For each call, once:
 *
 * - counts it by operation and region and emits the api-call event (`onCall`);
 * - applies a deadline (`timeoutMs`, or the caller's `signal`, e.g. the region router's);
 * - passes an `AbortSignal` to `send`, aborted at the deadline or by the {@link CallScope}'s
 *   `close()`, and settles the call at that moment even if the SDK does not;
 * - retries once on an expired signature, only if the SDK made a single attempt (so the SDK's
 *   `maxAttempts` and this retry add, never multiply: at most `maxAttempts + 1` requests);
 * - maps the error to a {@link SecretkitError} (errors/aws-error.ts), which classifies it as a
 *   fault or an answer (errors/aws-codes.ts).
 */
import { toSecretkitError } from '../errors/aws-error.js';
import { SecretkitError } from '../errors/secretkit-error.js';
import { linkSignals } from './linked-signal.js';
import { isSignatureExpired } from './signature-retry.js';

/** Anything with an SDK v3 client's `send` (Secrets Manager, KMS, a fake, a mock). */
export interface SendableClient {
  /** The SDK's `send(command, options)`. */
  send(command: never, options?: never): Promise<unknown>;
}

type LooseSend = (command: object, options: { abortSignal: AbortSignal }) => Promise<unknown>;

/**
 * Deadline of a call that names neither `timeoutMs` nor a `signal`: 10 s, SDK retries included.
 * Admin and rotation calls answer in well under a second; a black-holed endpoint (the SDK has no
 * socket timeout by default on Node) must not hold a write or a rotation step for minutes.
 */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/** Where a call goes and what bounds it. */
export interface SendContext {
  /** Operation name, e.g. `GetSecretValue` (counted, and named in errors). */
  readonly operation: string;
  /** The region the call goes to (counted, and named in errors), when known. */
  readonly region?: string | undefined;
  /** The secret the call is about, when there is one (named in errors). */
  readonly secretId?: string | undefined;
  /** Aborts the call (the region router's attempt deadline, a hedge that won). */
  readonly signal?: AbortSignal | undefined;
  /**
   * True when the owner of `signal` settles the call itself at its deadline and on close (the
   * region router does, for every attempt): the signal is then passed to `send` as is, with no
   * controller, listener or race of the boundary's own (the hot path of a cache miss).
   */
  readonly settledBySignalOwner?: boolean | undefined;
  /** Deadline of the call, SDK retries included. @defaultValue {@link DEFAULT_CALL_TIMEOUT_MS}, or none when `signal` carries the deadline */
  readonly timeoutMs?: number | undefined;
  /** Settles the call on `close()`. */
  readonly scope?: CallScope | undefined;
  /** Called once per request sent (counting and the api-call event). */
  readonly onCall?: ((operation: string, region: string) => void) | undefined;
  /**
   * Wraps each request sent (the observer's timing: `api-call-end` events): runs
   * `request(signal)`, timed or not. Given the request and its signal rather than a thunk, so a
   * call that nobody observes builds no closure for it (the miss path).
   */
  readonly wrap?: WrapCall | undefined;
  /**
   * Maps what the call threw (an abort surfaces as the signal's reason). Another store's own
   * mapping (Parameter Store) replaces it; it must still return a SecretkitError or the error.
   * @defaultValue `toSecretkitError` (errors/aws-error.ts)
   */
  readonly mapError?: ((error: unknown) => unknown) | undefined;
}

/** Runs one request with the boundary's abort signal (see {@link guard}). */
export type Request<T> = (abortSignal: AbortSignal) => Promise<T>;

/** A {@link SendContext.wrap}: runs `request(signal)` for `operation` in `region`. */
export type WrapCall = <T>(
  operation: string,
  region: string,
  request: Request<T>,
  signal: AbortSignal,
) => Promise<T>;

/** @internal the region counted for a call whose region is not known. */
const NO_REGION = 'unknown';

function where(ctx: SendContext): string {
  return ctx.region === undefined ? '' : ` in ${ctx.region}`;
}

/**
 * What owns in-flight calls: `close()` aborts every call made in the scope, now and later, with
 * `CLIENT_CLOSED`.
 */
export class CallScope {
  readonly #controller = new AbortController();

  /** Aborted on {@link CallScope.close}. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** True once closed. */
  get closed(): boolean {
    return this.#controller.signal.aborted;
  }

  /** Aborts every call in flight with `CLIENT_CLOSED`. Idempotent. */
  close(): void {
    if (this.closed) return;
    this.#controller.abort(new SecretkitError('CLIENT_CLOSED', 'The client was closed during an AWS call.'));
  }
}

function sdkAttempts(error: unknown): number {
  const attempts = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata?.attempts;
  return typeof attempts === 'number' ? attempts : 1;
}

function timeoutError(ctx: SendContext, timeoutMs: number): SecretkitError {
  return new SecretkitError(
    'TIMEOUT',
    `${ctx.operation}${ctx.secretId === undefined ? '' : ` of secret "${ctx.secretId}"`}${where(ctx)} did not complete within ${timeoutMs} ms`,
    { secretId: ctx.secretId, region: ctx.region, details: { operation: ctx.operation, timeoutMs } },
  );
}

/** Rejects with the signal's reason when it aborts; `off` removes the listener. */
function abortedBy(signal: AbortSignal): { promise: Promise<never>; off(): void } {
  let off = (): void => undefined;
  const promise = new Promise<never>((_, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    off = () => signal.removeEventListener('abort', onAbort);
  });
  promise.catch(() => undefined);
  return { promise, off };
}

/**
 * Sends one command through the boundary.
 *
 * @param client - the region's SDK client
 * @param command - a command object, e.g. `new GetSecretValueCommand(...)`
 * @param ctx - operation, region, secret, deadline, scope and counter
 * @returns the command's output
 * @throws SecretkitError mapped from whatever the call threw (`TIMEOUT` at the deadline,
 *   `CLIENT_CLOSED` after `close()`)
 */
export function send<T>(client: SendableClient, command: object, ctx: SendContext): Promise<T> {
  return guard<T>(requestOf<T>(client, command), ctx);
}

/**
 * The boundary around a request the caller builds itself (rotation's `callAws` thunks): the
 * same counting, deadline, abort, signature retry and mapping as {@link send}. `request` may be
 * run twice (the signature retry), so it must build its command anew or reuse an immutable one.
 *
 * @param request - one SDK call, given the abort signal to pass to `send`
 * @param ctx - operation, region, secret, deadline, scope and counter
 * @throws SecretkitError mapped from whatever the call threw
 */
export function guard<T>(request: Request<T>, ctx: SendContext): Promise<T> {
  const timeoutMs = ctx.timeoutMs ?? (ctx.signal === undefined ? DEFAULT_CALL_TIMEOUT_MS : undefined);
  // Hot path (every routed read): the router's attempt signal already carries the deadline and
  // the close, and the router settles the read, so the signal is used as is: no controller,
  // listener, race or timer of our own.
  const own =
    ctx.settledBySignalOwner !== true ||
    timeoutMs !== undefined ||
    ctx.scope !== undefined ||
    ctx.signal === undefined;
  return own ? ownedCall(request, ctx, timeoutMs) : routedCall(request, ctx, ctx.signal as AbortSignal);
}

/** A call with a controller of its own: the deadline, the scope's close and the caller's signal abort it. */
async function ownedCall<T>(
  request: Request<T>,
  ctx: SendContext,
  timeoutMs: number | undefined,
): Promise<T> {
  const controller = new AbortController();
  const signal = controller.signal;
  const unlink = linkSignals(controller, [ctx.signal, ctx.scope?.signal]);
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(timeoutError(ctx, timeoutMs)), timeoutMs);
  // The deadline alone must not keep a process alive (an idle long poll, a closed owner).
  timer?.unref?.();
  // A call with its own controller is settled here at the abort.
  const aborted = abortedBy(signal);
  try {
    for (let attempt = 0; ; attempt += 1) {
      if (signal.aborted) throw signal.reason;
      const region = ctx.region ?? NO_REGION;
      ctx.onCall?.(ctx.operation, region);
      try {
        const sending =
          ctx.wrap === undefined ? request(signal) : ctx.wrap(ctx.operation, region, request, signal);
        return await Promise.race([sending, aborted.promise]);
      } catch (error) {
        if (attempt > 0 || signal.aborted || !isSignatureExpired(error) || sdkAttempts(error) > 1)
          throw error;
      }
    }
  } catch (error) {
    // An abort surfaces as the reason we gave (TIMEOUT, CLIENT_CLOSED, the router's deadline),
    // not as the SDK's AbortError.
    const reason = signal.aborted ? signal.reason : error;
    throw ctx.mapError === undefined ? toSecretkitError(reason, ctx) : ctx.mapError(reason);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    aborted.off();
    unlink();
  }
}

/**
 * A call on the router's signal that wants a promise (preload's batches, a `guard` of a routed
 * request): {@link sendRouted}'s sink settles it. The router settles the read at its deadline and
 * on close, so there is no controller, listener, race or timer here.
 */
function routedCall<T>(request: Request<T>, ctx: SendContext, signal: AbortSignal): Promise<T> {
  return new Promise<T>((answered, failed) => {
    routedAttempt<T>({ request, ctx, signal, sink: { answered, failed } }, true);
  });
}

/** One routed call: what it sends (a client and command, or a request) and where it reports. */
interface RoutedCall<T> {
  readonly client?: SendableClient | undefined;
  readonly command?: object | undefined;
  /** Built when the call is wrapped or given as a request (guard). */
  request?: Request<T> | undefined;
  readonly ctx: SendContext;
  readonly signal: AbortSignal;
  readonly sink: CallSink<T>;
}

/**
 * One attempt of a routed call: counted, sent, and its outcome given to the sink, with the one
 * signature retry. The SDK's promise gets one reaction (two closures) and nothing else of the
 * boundary's own (the miss path).
 */
function routedAttempt<T>(call: RoutedCall<T>, retry: boolean): void {
  const { ctx, signal, sink } = call;
  let sending: Promise<T>;
  try {
    if (signal.aborted) throw signal.reason;
    const region = ctx.region ?? NO_REGION;
    ctx.onCall?.(ctx.operation, region);
    // Promise.resolve returns a native promise as is; it adopts a plain value or a thenable
    // (a hand-written `send` double, a wrap that is not async).
    if (ctx.wrap === undefined && call.request === undefined) {
      // No closure for the request when nobody wraps the call (the miss path).
      const client = call.client as SendableClient;
      sending = Promise.resolve(
        (client.send as unknown as LooseSend).call(client, call.command as object, {
          abortSignal: signal,
        }) as Promise<T>,
      );
    } else {
      call.request ??= requestOf<T>(call.client as SendableClient, call.command as object);
      sending = Promise.resolve(
        ctx.wrap === undefined ? call.request(signal) : ctx.wrap(ctx.operation, region, call.request, signal),
      );
    }
  } catch (error) {
    sending = Promise.reject(error);
  }
  sending.then(
    (value) => sink.answered(value),
    (error: unknown) => {
      const failure = routedFailure(error, ctx, signal, retry);
      if (failure === RETRY) routedAttempt(call, false);
      else sink.failed(failure);
    },
  );
}

/** {@link routedFailure}'s answer when the call is to be sent once more. */
const RETRY: unique symbol = Symbol('retry');

/**
 * What a failed request of a routed call comes to: {@link RETRY} (an expired signature, the
 * first time, when the SDK made a single attempt), or the error to report, mapped.
 */
function routedFailure(error: unknown, ctx: SendContext, signal: AbortSignal, retry: boolean): unknown {
  if (retry && !signal.aborted && isSignatureExpired(error) && sdkAttempts(error) <= 1) return RETRY;
  // An abort surfaces as the reason the router gave (its deadline, CLIENT_CLOSED).
  const reason = signal.aborted ? signal.reason : error;
  return ctx.mapError === undefined ? toSecretkitError(reason, ctx) : ctx.mapError(reason);
}

/** Receives the outcome of one call made with {@link sendRouted}: exactly one of the two, once. */
export interface CallSink<T> {
  /** The call's output. */
  answered(value: T): void;
  /** What the call failed with, mapped to a SecretkitError (after the one signature retry). */
  failed(error: unknown): void;
}

/**
 * Sends one command on the router's signal and reports to `sink` instead of returning a
 * promise: the one-region reader's miss path, where the router's read object is the sink, so
 * the SDK's promise has one reaction and no promise is made for the boundary, the router or the
 * fetch. Counting, the signature retry and the error mapping are those of {@link send}; the
 * router settles the read itself at its deadline and on close (`settledBySignalOwner`).
 *
 * @param client - the region's SDK client
 * @param command - the command (sent twice on the signature retry: commands are not changed by `send`)
 * @param ctx - operation, region, secret, the router's `signal`, counter and wrap
 * @param sink - gets the output or the mapped error
 */
export function sendRouted<T>(
  client: SendableClient,
  command: object,
  ctx: SendContext,
  sink: CallSink<T>,
): void {
  routedAttempt<T>({ client, command, ctx, signal: ctx.signal as AbortSignal, sink }, true);
}

/** The request of a command: one `send` with the given abort signal. */
function requestOf<T>(client: SendableClient, command: object): Request<T> {
  return (abortSignal) =>
    (client.send as unknown as LooseSend).call(client, command, { abortSignal }) as Promise<T>;
}

/** The per-owner part of a {@link SendContext}: deadline, scope and counter. */
export type CallSettings = Pick<SendContext, 'timeoutMs' | 'scope' | 'onCall' | 'wrap'>;
