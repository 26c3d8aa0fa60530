import { describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import { clientPool } from '../../../src/failover/client-pool.js';
import type { SecretsManagerClientLike } from '../../../src/sdk/client-like.js';

function fakeClient(region: string): SecretsManagerClientLike & { region: string } {
  return { region, send: () => Promise.resolve({}) } as unknown as SecretsManagerClientLike & {
    region: string;
  };
}

describe('clientPool', () => {
  it('makes a region client on first use, once', () => {
    const made: string[] = [];
    const pool = clientPool((region) => {
      made.push(region);
      return fakeClient(region);
    });
    expect(made).toEqual([]);
    const a = pool.get('us-east-1');
    expect(pool.get('us-east-1')).toBe(a);
    pool.get('us-west-2');
    expect(made).toEqual(['us-east-1', 'us-west-2']);
  });

  it('destroys every client made on close, then refuses new ones with CLIENT_CLOSED', () => {
    const pool = clientPool(fakeClient);
    pool.get('us-east-1');
    pool.get('eu-west-1');
    const destroyed: string[] = [];
    pool.close((region) => destroyed.push(region));
    expect(destroyed).toEqual(['us-east-1', 'eu-west-1']);
    let thrown: unknown;
    try {
      pool.get('us-east-1');
    } catch (error) {
      thrown = error;
    }
    expect(isSecretkitError(thrown, 'CLIENT_CLOSED')).toBe(true);
    // A second close destroys nothing more.
    pool.close((region) => destroyed.push(region));
    expect(destroyed).toHaveLength(2);
  });
});
