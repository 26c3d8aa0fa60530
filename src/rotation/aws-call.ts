/**
 * One place where rotation code calls AWS and maps a failure to a SecretkitError (secret id
 * and operation in the message, the AWS error as `cause`, never a value).
 */
import { toSecretkitError } from '../errors/aws-error.js';

/**
 * Runs one SDK call and maps any failure with {@link toSecretkitError}.
 *
 * @param operation - operation name for the error message, e.g. `DescribeSecret`
 * @param secretId - the secret the call is about
 * @param call - the SDK call, e.g. `() => client.send(new DescribeSecretCommand(...))`
 * @returns the call's output
 * @throws SecretkitError mapped from the AWS error
 */
export async function callAws<T>(operation: string, secretId: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toSecretkitError(error, { operation, secretId });
  }
}
