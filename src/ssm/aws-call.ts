/**
 * The one function through which every Parameter Store and STS call of secretkit goes, into the
 * SDK boundary (sdk/send.ts): a deadline, the owner's close signal, counting, the signature retry.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { guard } from '../sdk/send.js';

/** What one call needs. */
export interface AwsCallContext {
  /** The operation name, e.g. `GetParameters` (counted and used in errors). */
  readonly operation: string;
  /** Deadline of the call, SDK retries included. */
  readonly timeoutMs: number;
  /** Aborted by the owner's `close()`. */
  readonly closeSignal?: AbortSignal | undefined;
  /** Called once per call, before it is sent. */
  readonly onCall?: ((operation: string) => void) | undefined;
}

/**
 * Runs one AWS call with a deadline. `send` receives the signal to pass to the SDK's
 * `client.send(command, { abortSignal })`.
 *
 * @throws what the SDK threw (the deadline is a `TIMEOUT` SecretkitError, a fault); `CLIENT_CLOSED`
 *   when the owner is closed
 */
export async function awsCall<T>(
  ctx: AwsCallContext,
  send: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (ctx.closeSignal?.aborted) throw new SecretkitError('CLIENT_CLOSED', 'The client was closed.');
  try {
    // The SDK boundary: deadline, abort, signature retry, counting. Errors stay the store's to
    // map (ssm/errors.ts): the boundary hands them back as they came (a timeout as TIMEOUT).
    return await guard(send, {
      operation: ctx.operation,
      timeoutMs: ctx.timeoutMs,
      signal: ctx.closeSignal,
      onCall: ctx.onCall === undefined ? undefined : (operation) => ctx.onCall?.(operation),
      mapError: (error) => error,
    });
  } catch (error) {
    if (ctx.closeSignal?.aborted) throw new SecretkitError('CLIENT_CLOSED', 'The client was closed.');
    throw error;
  }
}
