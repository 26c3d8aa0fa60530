import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { SecretsClient, VERSION } from '../../../src/index.js';
import { thrownCode } from '../../support/errors.js';

describe('SecretsClient options', () => {
  const sdk = new SecretsManagerClient({ region: 'us-east-1' });

  it('rejects conflicting or invalid options with INVALID_ARGUMENT', () => {
    expect(thrownCode(() => new SecretsClient({ client: sdk, clientConfig: {} } as never))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(thrownCode(() => new SecretsClient({ client: {} as never }))).toBe('INVALID_ARGUMENT');
    expect(
      thrownCode(
        () => new SecretsClient({ client: sdk, region: 'us-east-1', replicaRegions: ['us-west-2'] }),
      ),
    ).toBe('INVALID_ARGUMENT');
    expect(thrownCode(() => new SecretsClient({ region: 'us-east-1', replicaRegions: ['us-east-1'] }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(thrownCode(() => new SecretsClient({ region: 'us-east-1', ttlMs: -1 }))).toBe('INVALID_ARGUMENT');
    expect(thrownCode(() => new SecretsClient({ region: 'us-east-1', regionTimeoutMs: 0 }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(thrownCode(() => new SecretsClient({ region: 'us east 1' }))).toBe('INVALID_ARGUMENT');
  });

  it('accepts a region alone, and reports it', () => {
    const client = new SecretsClient({ region: 'eu-west-1' });
    expect(client.region).toBe('eu-west-1');
    client.close();
    client.close();
  });

  it('VERSION matches package.json', () => {
    expect(VERSION).toBe(pkg.version);
  });
});
