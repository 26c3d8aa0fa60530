import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import pkg from '../../../package.json' with { type: 'json' };
import { failover } from '../../../src/failover/index.js';
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
    // With `client`, each replica region needs its replicaClients entry.
    expect(
      thrownCode(
        () =>
          new SecretsClient({
            client: sdk,
            region: 'us-east-1',
            failover: failover({ replicaRegions: ['us-west-2'] }),
          }),
      ),
    ).toBe('INVALID_ARGUMENT');
    expect(
      thrownCode(
        () =>
          new SecretsClient({ region: 'us-east-1', failover: failover({ replicaRegions: ['us-east-1'] }) }),
      ),
    ).toBe('INVALID_ARGUMENT');
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
    ['regionTimeoutMs', Number.POSITIVE_INFINITY],
    ['maxEntries', 2 ** 32 + 1],
    ['maxEntries', 1.5],
    ['ttlMs', Number.NaN],
    ['maxBytes', 0],
  ])('rejects %s = %d at construction, naming it', (option, value) => {
    expect(optionOf(() => new SecretsClient({ region: 'us-east-1', [option]: value }))).toBe(option);
  });

  it.each([
    ['hedgeAfterMs', 2 ** 31],
    ['hedgeAfterMs', -1],
    ['breakerFailureThreshold', 0.5],
    ['breakerFailureThreshold', 0],
    ['breakerCooldownMs', Number.NaN],
  ])('failover() rejects %s = %d, naming it', (option, value) => {
    const make = () => failover({ replicaRegions: ['us-west-2'], [option]: value });
    expect(optionOf(make)).toBe(option);
    expect(make).toThrow(new RegExp(`^failover option ${option} must be `));
  });

  it.each(['constructor', '__proto__', 'toString', 'us east 1', 'local'])(
    'rejects the region name %j',
    (region) => {
      expect(optionOf(() => new SecretsClient({ region }))).toBe('region');
      // Thrown by failover() itself, before any client is made.
      expect(optionOf(() => failover({ replicaRegions: [region] }))).toBe('replicaRegions');
    },
  );

  it('failover() rejects a replica region that is not a string', () => {
    expect(optionOf(() => failover({ replicaRegions: [42 as never] }))).toBe('replicaRegions');
  });

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
      failover: failover({ replicaRegions: [], hedgeAfterMs: 2 ** 31 - 1 }),
    });
    client.close();
  });
});

describe('SecretsClient failover option', () => {
  const optionOf = rejectedOption;

  /** The INVALID_ARGUMENT `make` throws (fails if it throws something else or nothing). */
  function rejected(make: () => unknown): Error & { details?: { option?: unknown } } {
    try {
      make();
    } catch (error) {
      expect(isSecretkitError(error, 'INVALID_ARGUMENT'), String(error)).toBe(true);
      return error as Error & { details?: { option?: unknown } };
    }
    throw new Error('did not throw');
  }

  it('takes an object made by failover(), with the client-wide options beside it', () => {
    const fo = failover({
      replicaRegions: ['us-west-2', 'eu-west-1'],
      hedgeAfterMs: 50,
      breakerFailureThreshold: 2,
      breakerCooldownMs: 1000,
    });
    const client = new SecretsClient({ region: 'us-east-1', failover: fo, regionTimeoutMs: 500 });
    expect(client.region).toBe('us-east-1');
    expect(client.toJSON()['replicaRegions']).toEqual(['us-west-2', 'eu-west-1']);
    // It holds no client state: one object serves many clients.
    const other = new SecretsClient({ region: 'ap-south-1', failover: fo });
    expect(other.toJSON()['replicaRegions']).toEqual(['us-west-2', 'eu-west-1']);
    client.close();
    other.close();
  });

  it('takes an empty replica list, and no failover at all', () => {
    for (const fo of [failover({ replicaRegions: [] }), undefined]) {
      const client = new SecretsClient({ region: 'us-east-1', failover: fo });
      expect(client.toJSON()['replicaRegions']).toEqual([]);
      client.close();
    }
  });

  it('failover() returns a frozen object with a copy of the regions', () => {
    const regions = ['us-west-2'];
    const fo = failover({ replicaRegions: regions });
    regions.push('eu-west-1');
    expect(fo.kind).toBe('failover');
    expect(fo.replicaRegions).toEqual(['us-west-2']);
    expect(Object.isFrozen(fo)).toBe(true);
    expect(Object.isFrozen(fo.replicaRegions)).toBe(true);
  });

  it.each([
    ['replicaRegions', ['us-west-2']],
    ['hedgeAfterMs', 50],
    ['breakerFailureThreshold', 2],
    ['breakerCooldownMs', 1000],
  ])('rejects the 0.1 top-level option %s by name, pointing to failover()', (key, value) => {
    const error = rejected(() => new SecretsClient({ region: 'us-east-1', [key]: value } as never));
    expect(error.details?.option).toBe(key);
    expect(error.message).toBe(
      `SecretsClient option ${key} is gone: pass \`failover: failover({ ${key}, … })\` from 'secretkit/failover' (see docs/migrating.md)`,
    );
    // Also beside a failover object: the old key is never silently ignored.
    const beside = rejected(
      () =>
        new SecretsClient({
          region: 'us-east-1',
          failover: failover({ replicaRegions: [] }),
          [key]: value,
        } as never),
    );
    expect(beside.details?.option).toBe(key);
    expect(beside.message).toContain('is gone');
  });

  it.each([[{}], ['x'], [{ kind: 'failover', replicaRegions: ['us-west-2'] }], [null], [42]])(
    'rejects failover %j, naming it (a look-alike object is not made by failover())',
    (value) => {
      const error = rejected(() => new SecretsClient({ region: 'us-east-1', failover: value as never }));
      expect(error.details?.option).toBe('failover');
      expect(error.message).toContain('made by failover() (secretkit/failover)');
    },
  );

  it('failover() rejects an unknown key, naming it (regionTimeoutMs stays a client option)', () => {
    for (const key of ['regionTimeoutMs', 'hedgeAfterMS', 'client']) {
      const error = rejected(() => failover({ replicaRegions: [], [key]: 1 } as never));
      expect(error.details?.option).toBe(key);
      expect(error.message).toBe(`failover has no option "${key}"`);
    }
  });

  it.each([['us-west-2'], [undefined], [null], [{ 0: 'us-west-2' }]])(
    'failover() rejects replicaRegions %j (not an array), naming it',
    (value) => {
      const error = rejected(() => failover({ replicaRegions: value as never }));
      expect(error.details?.option).toBe('replicaRegions');
      expect(error.message).toMatch(/^failover option replicaRegions must be an array of region names/);
    },
  );

  it('failover() requires its options: replicaRegions is not optional', () => {
    expect(optionOf(() => failover(undefined as never))).toBe('replicaRegions');
    expect(optionOf(() => failover({} as never))).toBe('replicaRegions');
    expect(optionOf(() => failover('us-west-2' as never))).toBe('options');
    expect(optionOf(() => failover(null as never))).toBe('options');
  });

  it('failover() rejects a repeated region, naming replicaRegions', () => {
    const error = rejected(() => failover({ replicaRegions: ['us-west-2', 'eu-west-1', 'us-west-2'] }));
    expect(error.details?.option).toBe('replicaRegions');
    expect(error.message).toMatch(/^failover option replicaRegions must be distinct region names/);
  });

  it('a replica region equal to the primary is rejected when the client is made', () => {
    // failover() does not know the primary (one object may serve clients of several regions).
    const fo = failover({ replicaRegions: ['us-west-2', 'us-east-1'] });
    const make = () => new SecretsClient({ region: 'us-east-1', failover: fo });
    expect(thrownCode(make)).toBe('INVALID_ARGUMENT');
    expect(make).toThrow(/primary region/);
    new SecretsClient({ region: 'eu-west-1', failover: fo }).close();
  });

  it('regionTimeoutMs above 2**31-1 is still rejected on SecretsClient by name, with failover set', () => {
    expect(
      optionOf(
        () =>
          new SecretsClient({
            region: 'us-east-1',
            regionTimeoutMs: 2 ** 31,
            failover: failover({ replicaRegions: ['us-west-2'] }),
          }),
      ),
    ).toBe('regionTimeoutMs');
  });
});
