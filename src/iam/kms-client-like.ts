/**
 * Structural types for the KMS client secretkit/iam accepts. They name nothing from
 * `@aws-sdk/client-kms`, an optional peer: the declarations of secretkit/iam type-check in a
 * project that does not install it (`skipLibCheck: false`).
 */

/** What secretkit/iam sends: an SDK command object (`new DescribeKeyCommand(...)`). */
export interface KmsCommandLike {
  /** The command's input. */
  readonly input: object;
}

/**
 * Anything with the KMS SDK client's `send`: a real `KMSClient`, one with middleware, or
 * `aws-sdk-client-mock`'s mocked client. secretkit/iam only sends `DescribeKeyCommand`.
 */
export interface KMSClientLike {
  /**
   * Sends a command (the SDK client's `send`).
   *
   * @param command - the command
   */
  send(command: KmsCommandLike): Promise<unknown>;
}

/** One KMS client, or a function giving the KMS client for a region (for replica keys). */
export type KmsClients = KMSClientLike | ((region: string) => KMSClientLike);

/** The fields of KMS `KeyMetadata` that secretkit/iam reads. */
export interface KmsKeyMetadata {
  /** The key ARN. */
  readonly Arn?: string | undefined;
  /** `Enabled`, `Disabled`, `PendingDeletion`, ... */
  readonly KeyState?: string | undefined;
  /** `AWS` or `CUSTOMER`. */
  readonly KeyManager?: string | undefined;
  /** When a key pending deletion is deleted. */
  readonly DeletionDate?: Date | undefined;
}
