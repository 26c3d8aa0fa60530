/**
 * `@aws-sdk/client-iam` is an optional peer of secretkit/rotation: loaded on first use, only
 * when `checkRotation` simulates the rotation role against the live account (a role ARN without
 * its policies) and no IAM client was passed. The types here name nothing from it, so the
 * declarations of secretkit/rotation type-check in a project that does not install it.
 */
import { SecretkitError } from '../../errors/secretkit-error.js';

/** What `checkRotation` sends to IAM: an SDK command object (`new SimulatePrincipalPolicyCommand(...)`). */
export interface IamCommandLike {
  /** The command's input. */
  readonly input: object;
}

/**
 * Anything with the IAM SDK client's `send`: a real `IAMClient`, or `aws-sdk-client-mock`'s
 * mocked client. `checkRotation` only sends `SimulatePrincipalPolicyCommand`.
 */
export interface IAMClientLike {
  /**
   * Sends a command (the SDK client's `send`).
   *
   * @param command - the command
   */
  send(command: IamCommandLike): Promise<unknown>;
}

type IamModule = typeof import('@aws-sdk/client-iam');

let loading: Promise<IamModule> | undefined;

/** The package secretkit loads lazily to simulate the rotation role. */
export const IAM_PACKAGE = '@aws-sdk/client-iam';

/**
 * Loads `@aws-sdk/client-iam` (once; a failed load is retried on the next call).
 *
 * @throws SecretkitError `INVALID_ARGUMENT` naming the package when it is not installed
 */
export function loadIamSdk(): Promise<IamModule> {
  loading ??= import('@aws-sdk/client-iam').catch((error: unknown) => {
    loading = undefined;
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `simulating the rotation role needs the optional peer ${IAM_PACKAGE}: install it (npm install ${IAM_PACKAGE})`,
      { cause: error },
    );
  });
  return loading;
}
