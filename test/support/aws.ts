/**
 * Helpers for integration tests: SDK clients pointed at the local emulator, and a reset.
 * Use `useEmulator()` at the top of an integration test file.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, inject } from 'vitest';
import { resetMoto } from '../../scripts/lib/moto-server.js';
import { SecretsAdmin } from '../../src/admin/index.js';
import { SecretsClient } from '../../src/index.js';

/** Dummy credentials; moto maps any unknown key to account 123456789012. */
export const TEST_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test' } as const;
/** The account moto uses for {@link TEST_CREDENTIALS}. */
export const TEST_ACCOUNT = '123456789012';
/** The primary region used by tests. */
export const TEST_REGION = 'us-east-1';

/** The emulator endpoint provided by the global setup. */
export function motoEndpoint(): string {
  return inject('motoEndpoint');
}

/** Client configuration for the emulator: endpoint, region, dummy credentials, one attempt. */
export function emulatorConfig(region: string = TEST_REGION, endpoint: string = motoEndpoint()) {
  return { region, endpoint, credentials: TEST_CREDENTIALS, maxAttempts: 1 } as const;
}

/** A Secrets Manager client for the emulator. */
export function smClient(region: string = TEST_REGION): SecretsManagerClient {
  return new SecretsManagerClient(emulatorConfig(region));
}

/** A KMS client for the emulator. */
export function kmsClient(region: string = TEST_REGION): KMSClient {
  return new KMSClient(emulatorConfig(region));
}

/** An STS client for the emulator. */
export function stsClient(region: string = TEST_REGION): STSClient {
  return new STSClient(emulatorConfig(region));
}

/** An IAM client for the emulator. */
export function iamClient(): IAMClient {
  return new IAMClient(emulatorConfig('us-east-1'));
}

/** Wipes the emulator before each test of the calling file. */
export function useEmulator(): void {
  beforeEach(async () => {
    await resetMoto(motoEndpoint());
  });
}

/**
 * Returns a maker of admin clients on the emulator, keeping `readers` coherent; each one made
 * is closed after its test.
 */
export function useSecretsAdmin(): (readers?: readonly SecretsClient[], region?: string) => SecretsAdmin {
  const made: SecretsAdmin[] = [];
  afterEach(() => {
    for (const admin of made.splice(0)) admin.close();
  });
  return (readers = [], region = TEST_REGION) => {
    const admin = new SecretsAdmin({ clientConfig: emulatorConfig(region), readers });
    made.push(admin);
    return admin;
  };
}

/** Returns a maker of SecretsClients on the emulator; each one made is closed after its test. */
export function useSecretsClient(): () => SecretsClient {
  const made: SecretsClient[] = [];
  afterEach(() => {
    for (const client of made.splice(0)) client.close();
  });
  return () => {
    const client = new SecretsClient({ clientConfig: emulatorConfig() });
    made.push(client);
    return client;
  };
}
