import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { agentTransport } from '../../../src/fleet/index.js';
import { isSecretkitError, SecretsClient, VERSION } from '../../../src/index.js';
import { transportStats } from '../../../src/transport/select.js';
import { rejectedOption, thrownCode } from '../../support/errors.js';

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

describe('SecretsClient options resolver', () => {
  const optionOf = rejectedOption;

  it('rejects an unknown key, naming it (a typo is not silently ignored)', () => {
    expect(optionOf(() => new SecretsClient({ region: 'us-east-1', ttlMS: 1000 } as never))).toBe('ttlMS');
  });

  it.each([
    ['regionTimeoutMs', 2 ** 31],
    ['hedgeAfterMs', 2 ** 31],
    ['regionTimeoutMs', Number.POSITIVE_INFINITY],
    ['maxEntries', 2 ** 32 + 1],
    ['maxEntries', 1.5],
    ['ttlMs', Number.NaN],
    ['maxBytes', 0],
    ['breakerFailureThreshold', 0.5],
  ])('rejects %s = %d at construction, naming it', (option, value) => {
    expect(optionOf(() => new SecretsClient({ region: 'us-east-1', [option]: value }))).toBe(option);
  });

  it.each(['constructor', '__proto__', 'toString', 'us east 1', 'local'])(
    'rejects the region name %j',
    (region) => {
      expect(optionOf(() => new SecretsClient({ region }))).toBe('region');
      expect(optionOf(() => new SecretsClient({ region: 'us-east-1', replicaRegions: [region] }))).toBe(
        'replicaRegions',
      );
    },
  );

  it('rejects options that are not an object, and mistyped callbacks', () => {
    expect(optionOf(() => new SecretsClient(null as never))).toBe('options');
    expect(optionOf(() => new SecretsClient({ region: 'us-east-1', onEvent: 'x' as never }))).toBe('onEvent');
    expect(optionOf(() => new SecretsClient({ region: 'us-east-1', logger: { warn: 1 } as never }))).toBe(
      'logger.warn',
    );
    expect(optionOf(() => new SecretsClient({ region: 'us-east-1', clock: {} as never }))).toBe('clock');
  });

  it('preload(null) rejects with INVALID_ARGUMENT instead of throwing', async () => {
    const client = new SecretsClient({ region: 'us-east-1' });
    const pending = client.preload(null as never);
    await expect(pending).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    client.close();
  });

  it("takes transport 'sdk' (the default) or an object made by agentTransport()", () => {
    for (const transport of [undefined, 'sdk' as const, agentTransport({ endpoint: 'http://127.0.0.1:9' })]) {
      const client = new SecretsClient({ region: 'us-east-1', transport });
      expect(transportStats(client)?.mode).toBe(
        transport === undefined || transport === 'sdk' ? 'sdk' : 'agent',
      );
      client.close();
    }
  });

  it.each([['x'], [{ kind: 'agent', mode: 'agent' }], [{}], [null], [42]])(
    'rejects transport %j, naming it (a look-alike object is not made by agentTransport())',
    (transport) => {
      expect(optionOf(() => new SecretsClient({ region: 'us-east-1', transport: transport as never }))).toBe(
        'transport',
      );
    },
  );

  it.each(['agent', 'auto'])("rejects the 0.1 form transport: '%s', pointing to agentTransport()", (mode) => {
    let error: unknown;
    try {
      new SecretsClient({ region: 'us-east-1', transport: mode as never });
    } catch (e) {
      error = e;
    }
    expect(isSecretkitError(error, 'INVALID_ARGUMENT')).toBe(true);
    expect((error as { details?: { option?: unknown } }).details?.option).toBe('transport');
    expect((error as Error).message).toContain(`transport: '${mode}'`);
    expect((error as Error).message).toContain("agentTransport()` from 'secretkit/fleet'");
  });

  it('rejects the 0.1 `agent` option by name, pointing to agentTransport()', () => {
    const make = () => new SecretsClient({ region: 'us-east-1', agent: { endpoint: 'http://x' } } as never);
    expect(optionOf(make)).toBe('agent');
    expect(() => make()).toThrow(/agentTransport\(\)` from 'secretkit\/fleet'/);
  });

  it('accepts the largest timer Node can hold', () => {
    const client = new SecretsClient({
      region: 'us-east-1',
      regionTimeoutMs: 2 ** 31 - 1,
      hedgeAfterMs: 2 ** 31 - 1,
    });
    client.close();
  });
});
