/**
 * `maxPageSize`: AWS may answer a list call with fewer items than asked (and a NextToken); the
 * fake can do the same, so callers' paging is exercised without 100 items.
 */
import {
  BatchGetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
} from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

function withFiveVersions(maxPageSize?: number) {
  const fake = new InMemorySecretsManager(maxPageSize === undefined ? {} : { maxPageSize });
  fake.seed({
    name: 'paged',
    versions: ['A', 'B', 'C', 'D', 'E'].map((label, i) => ({ value: `v${i}`, stages: [label] })),
  });
  return fake;
}

describe('maxPageSize', () => {
  it('caps ListSecretVersionIds pages with and without MaxResults; the tokens reach every version', async () => {
    const fake = withFiveVersions(2);
    const first = await fake.send(new ListSecretVersionIdsCommand({ SecretId: 'paged' }));
    expect(first.Versions).toHaveLength(2);
    expect(first.NextToken).toBeDefined();
    const second = await fake.send(
      new ListSecretVersionIdsCommand({ SecretId: 'paged', MaxResults: 50, NextToken: first.NextToken }),
    );
    expect(second.Versions).toHaveLength(2);
    const third = await fake.send(
      new ListSecretVersionIdsCommand({ SecretId: 'paged', NextToken: second.NextToken }),
    );
    expect(third.NextToken).toBeUndefined();
    const stages = [first, second, third].flatMap((p) => (p.Versions ?? []).flatMap((v) => v.VersionStages));
    // The first version got AWSCURRENT as well (a secret's first version always does).
    expect(stages.filter((s) => s !== 'AWSCURRENT')).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('leaves a smaller MaxResults alone, and pages ListSecrets and filtered BatchGetSecretValue', async () => {
    const fake = new InMemorySecretsManager({ maxPageSize: 2 });
    for (const name of ['s1', 's2', 's3']) fake.seed({ name, value: name });
    const one = await fake.send(new ListSecretsCommand({ MaxResults: 1 }));
    expect(one.SecretList).toHaveLength(1);
    const list = await fake.send(new ListSecretsCommand({}));
    expect(list.SecretList?.map((s) => s.Name)).toEqual(['s1', 's2']);
    expect(list.NextToken).toBeDefined();
    const batch = await fake.send(
      new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: ['s'] }], MaxResults: 20 }),
    );
    expect(batch.SecretValues).toHaveLength(2);
    expect(batch.NextToken).toBeDefined();
  });

  it('does not cap pages by default', async () => {
    const fake = withFiveVersions();
    const all = await fake.send(new ListSecretVersionIdsCommand({ SecretId: 'paged' }));
    expect(all.Versions).toHaveLength(5);
    expect(all.NextToken).toBeUndefined();
  });

  it('rejects a page size that is not a positive integer', () => {
    for (const maxPageSize of [0, -1, 1.5, Number.NaN]) {
      expect(() => new InMemorySecretsManager({ maxPageSize })).toThrow(RangeError);
    }
  });
});
