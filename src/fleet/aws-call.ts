/**
 * The one function every AWS call of secretkit/fleet goes through (SQS receive/delete, and
 * ListSecrets/DescribeSecret for `secretkit cost`): the SDK boundary (sdk/send.ts) with the
 * caller's signal and a deadline. It never logs.
 */
import { send } from '../sdk/send.js';

/** Anything with an SDK client's `send`. */
export interface SendLike {
  /** Sends a command. */
  send(command: never, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
}

/**
 * Sends `command` with `client`, aborting at `deadlineMs` or when `signal` aborts.
 *
 * @param client - an SDK client (or anything with its `send`)
 * @param command - the command
 * @param options - `signal` (the caller's), `deadlineMs` (default 30 s)
 * @returns the command's output
 */
export function fleetSend<Output>(
  client: SendLike,
  command: object,
  options: { readonly signal?: AbortSignal | undefined; readonly deadlineMs?: number | undefined } = {},
): Promise<Output> {
  return send<Output>(client, command, {
    operation: operationOf(command),
    signal: options.signal,
    timeoutMs: options.deadlineMs ?? 30_000,
  });
}

/** `ReceiveMessageCommand` -> `ReceiveMessage` (for counting and messages). */
function operationOf(command: object): string {
  const name = command.constructor.name;
  return name.endsWith('Command') ? name.slice(0, -'Command'.length) : name;
}
