/**
 * The one function through which every Parameter Store and STS call of secretkit goes: it gives
 * the call a deadline, ties it to the owner's close signal, and counts it. Switching these calls
 * to another SDK boundary means changing this file only.
 */
import { SecretkitError } from '../errors/secretkit-error.js';

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
 * @throws what the SDK threw (an abort by the deadline is a `TimeoutError`, a fault); `CLIENT_CLOSED`
 *   when the owner is closed
 */
export async function awsCall<T>(
  ctx: AwsCallContext,
  send: (abortSignal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (ctx.closeSignal?.aborted) throw new SecretkitError('CLIENT_CLOSED', 'The client was closed.');
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ctx.timeoutMs);
  timer.unref?.();
  const onClose = (): void => controller.abort();
  ctx.closeSignal?.addEventListener('abort', onClose, { once: true });
  ctx.onCall?.(ctx.operation);
  try {
    return await send(controller.signal);
  } catch (error) {
    if (ctx.closeSignal?.aborted) throw new SecretkitError('CLIENT_CLOSED', 'The client was closed.');
    if (timedOut) {
      throw Object.assign(new Error(`${ctx.operation} did not answer within ${ctx.timeoutMs} ms`), {
        name: 'TimeoutError',
        cause: error,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    ctx.closeSignal?.removeEventListener('abort', onClose);
  }
}
