import type { KMSClient } from '@aws-sdk/client-kms';

/**
 * Anything with the KMS SDK client's `send`: a real `KMSClient`, one with middleware, or
 * `aws-sdk-client-mock`'s mocked client.
 */
export type KMSClientLike = Pick<KMSClient, 'send'>;

/** One KMS client, or a function giving the KMS client for a region (for replica keys). */
export type KmsClients = KMSClientLike | ((region: string) => KMSClientLike);
