/**
 * Errors the in-memory Secrets Manager throws. They are real instances of the SDK's exception
 * classes (so `instanceof ResourceNotFoundException` works in user code), with the same
 * `name`, `$fault`, `$metadata.httpStatusCode` and message style as the service.
 * Messages name secrets and versions, never values.
 */

import type { GetSecretValueCommandOutput } from '@aws-sdk/client-secrets-manager';
import {
  DecryptionFailure,
  InternalServiceError,
  InvalidNextTokenException,
  InvalidParameterException,
  InvalidRequestException,
  LimitExceededException,
  ResourceExistsException,
  ResourceNotFoundException,
  SecretsManagerServiceException,
} from '@aws-sdk/client-secrets-manager';

/** The `$metadata` of an SDK response or service error. */
export type ResponseMetadata = GetSecretValueCommandOutput['$metadata'];

/** Metadata of a response or error with the given HTTP status. */
export function responseMetadata(httpStatusCode: number, requestId: string): ResponseMetadata {
  return { httpStatusCode, requestId, attempts: 1, totalRetryDelay: 0 };
}

/** Builds service errors bound to one request id. */
export class ServiceErrors {
  /** @param requestId - the request id every error of this call carries */
  constructor(private readonly requestId: string) {}

  private meta(status = 400): ResponseMetadata {
    return responseMetadata(status, this.requestId);
  }

  /** `ResourceNotFoundException`: no such secret (or version, or label). */
  notFound(message = "Secrets Manager can't find the specified secret."): ResourceNotFoundException {
    return new ResourceNotFoundException({ message, Message: message, $metadata: this.meta() });
  }

  /** `InvalidRequestException`: not allowed in the secret's current state. */
  invalidRequest(message: string): InvalidRequestException {
    return new InvalidRequestException({ message, Message: message, $metadata: this.meta() });
  }

  /** `InvalidRequestException` for any operation on a secret scheduled for deletion. */
  deleted(): InvalidRequestException {
    return this.invalidRequest(
      "You can't perform this operation on the secret because it was marked for deletion.",
    );
  }

  /** `InvalidParameterException`: a parameter is invalid. */
  invalidParameter(message: string): InvalidParameterException {
    return new InvalidParameterException({ message, Message: message, $metadata: this.meta() });
  }

  /** `InvalidParameterException` for a write sent to a replica's region (as AWS answers). */
  replicaWrite(): InvalidParameterException {
    return this.invalidParameter(
      "Operation not permitted on a replica secret. Call must be made in primary secret's region.",
    );
  }

  /** `ResourceExistsException`: the name, or the version token with another value, exists. */
  exists(message: string): ResourceExistsException {
    return new ResourceExistsException({ message, Message: message, $metadata: this.meta() });
  }

  /** `InvalidNextTokenException`: a paging token the fake did not hand out. */
  invalidNextToken(): InvalidNextTokenException {
    const message = 'The NextToken value is invalid.';
    return new InvalidNextTokenException({ message, Message: message, $metadata: this.meta() });
  }

  /** `LimitExceededException`. */
  limitExceeded(message: string): LimitExceededException {
    return new LimitExceededException({ message, Message: message, $metadata: this.meta() });
  }

  /** `DecryptionFailure`: the KMS key could not decrypt the value. */
  decryptionFailure(): DecryptionFailure {
    const message = "Secrets Manager can't decrypt the protected secret text using the provided KMS key.";
    return new DecryptionFailure({ message, Message: message, $metadata: this.meta() });
  }

  /** `InternalServiceError` (HTTP 500, `$fault: 'server'`). */
  internal(): InternalServiceError {
    const message = 'An error occurred on the server side.';
    return new InternalServiceError({ message, Message: message, $metadata: this.meta(500) });
  }

  /** `ThrottlingException` (not in the Secrets Manager model; the SDK builds it generically). */
  throttling(): SecretsManagerServiceException {
    const error = new SecretsManagerServiceException({
      name: 'ThrottlingException',
      $fault: 'client',
      message: 'Rate exceeded',
      $metadata: this.meta(400),
    });
    error.$retryable = { throttling: true };
    return error;
  }

  /** `AccessDeniedException` (not in the Secrets Manager model; the SDK builds it generically). */
  accessDenied(operation: string, accountId: string): SecretsManagerServiceException {
    return new SecretsManagerServiceException({
      name: 'AccessDeniedException',
      $fault: 'client',
      message: `User: arn:aws:iam::${accountId}:user/test is not authorized to perform: secretsmanager:${operation} because no identity-based policy allows the secretsmanager:${operation} action`,
      $metadata: this.meta(400),
    });
  }
}

/**
 * Thrown (as a rejected promise) for a command the in-memory Secrets Manager does not implement,
 * or for something that is not a Secrets Manager command at all.
 */
export class UnsupportedCommandError extends Error {
  /** Always `'UnsupportedCommandError'`. */
  override readonly name = 'UnsupportedCommandError';
  /** The command's class name, e.g. `ValidateResourcePolicyCommand`. */
  readonly command: string;

  /** @param command - the command's class name */
  constructor(command: string) {
    super(
      `secretkit/testing: InMemorySecretsManager does not support ${command} ` +
        '(docs/testing.md lists the supported commands).',
    );
    this.command = command;
  }
}
