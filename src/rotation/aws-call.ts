/**
 * Where rotation code calls AWS: through the SDK boundary (sdk/send.ts), so each call has a
 * deadline, the signature-expired retry and one error mapping (secret id and operation in the
 * message, the AWS error as `cause`, never a value).
 */
import { guard, type SendableClient, send } from '../sdk/send.js';

/**
 * Runs one SDK call through the boundary.
 *
 * Two forms: `callAws(op, id, client, command)` lets the boundary send the command (and pass
 * its abort signal); `callAws(op, id, (abortSignal) => client.send(command, { abortSignal }))`
 * runs a request the caller builds (it may run twice, on an expired signature).
 *
 * @param operation - operation name for the error message, e.g. `DescribeSecret`
 * @param secretId - the secret the call is about
 * @param callOrClient - the SDK call, or the client to send `command` with
 * @param command - with a client: the command object
 * @returns the call's output
 * @throws SecretkitError mapped from the AWS error (`TIMEOUT` at the boundary's default deadline)
 */
export function callAws<T>(
  operation: string,
  secretId: string,
  callOrClient: ((abortSignal: AbortSignal) => Promise<T>) | SendableClient,
  command?: object,
): Promise<T> {
  if (typeof callOrClient === 'function') return guard(callOrClient, { operation, secretId });
  return send<T>(callOrClient, command ?? {}, { operation, secretId });
}
