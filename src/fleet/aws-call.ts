/**
 * The one function every AWS call of secretkit/fleet goes through (SQS receive/delete, and
 * ListSecrets/DescribeSecret for `secretkit cost`), so it can be switched to the SDK boundary in
 * one place. It passes the abort signal and a deadline; it never logs.
 */

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
export async function fleetSend<Output>(
  client: SendLike,
  command: object,
  options: { readonly signal?: AbortSignal | undefined; readonly deadlineMs?: number | undefined } = {},
): Promise<Output> {
  const deadline = AbortSignal.timeout(options.deadlineMs ?? 30_000);
  const abortSignal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  return (await (client.send as (c: object, o: { abortSignal: AbortSignal }) => Promise<unknown>)(command, {
    abortSignal,
  })) as Output;
}
