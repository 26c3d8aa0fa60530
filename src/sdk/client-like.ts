import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * Anything with the Secrets Manager SDK client's `send`: a real `SecretsManagerClient`,
 * one with custom middleware, `aws-sdk-client-mock`'s mocked client, or the in-memory fake
 * from `secretkit/testing`.
 */
export type SecretsManagerClientLike = Pick<SecretsManagerClient, 'send'>;
