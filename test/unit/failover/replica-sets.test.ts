import { describe, expect, it } from 'vitest';
import { attemptOrder, KnownReplicaSets, type ReplicaSetReport } from '../../../src/failover/replica-sets.js';

const P = 'us-east-1';
const R1 = 'us-west-2';
const R2 = 'eu-west-1';
const REGIONS = [P, R1, R2] as const;
const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf';
const PARTIAL = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db';

function report(overrides: Partial<ReplicaSetReport> = {}): ReplicaSetReport {
  return {
    name: 'prod/db',
    arn: ARN,
    answeredIn: P,
    primaryRegion: P,
    replicas: [{ region: R1, status: 'InSync' }],
    ...overrides,
  };
}

describe('KnownReplicaSets', () => {
  it('keeps the primary and every replica whose status is not Failed', () => {
    const sets = new KnownReplicaSets(10);
    sets.note(
      report({
        replicas: [
          { region: R1, status: 'InSync' },
          { region: R2, status: 'InProgress' },
          { region: 'ap-south-1', status: 'Failed' },
        ],
      }),
    );
    expect([...(sets.regionsFor('prod/db') ?? [])]).toEqual([P, R1, R2]);
  });

  it('a secret without replicas (no PrimaryRegion, no ReplicationStatus) is held by the primary only', () => {
    const sets = new KnownReplicaSets(10);
    sets.note(report({ primaryRegion: undefined, replicas: [] }));
    expect([...(sets.regionsFor('prod/db') ?? [])]).toEqual([P]);
  });

  it("forgets instead of learning from a replica's answer (it need not list the other replicas)", () => {
    const sets = new KnownReplicaSets(10);
    sets.note(report());
    sets.note(report({ answeredIn: R1, primaryRegion: P, replicas: [] }));
    expect(sets.regionsFor('prod/db')).toBeUndefined();
  });

  it('an ARN finds the set only when it is the described secret (account, name, suffix)', () => {
    const sets = new KnownReplicaSets(10);
    sets.note(report());
    expect(sets.regionsFor(ARN)).toBeDefined();
    expect(sets.regionsFor(ARN.replace(P, R2))).toBeDefined(); // a replica's ARN: same secret
    expect(sets.regionsFor(PARTIAL)).toBeDefined();
    expect(sets.regionsFor(ARN.replace('123456789012', '210987654321'))).toBeUndefined();
    expect(sets.regionsFor(ARN.replace('AbCdEf', 'ZyXwVu'))).toBeUndefined();
    expect(sets.regionsFor('prod/other')).toBeUndefined();
  });

  it('forgets by any id, and beyond its bound forgets the oldest name', () => {
    const sets = new KnownReplicaSets(2);
    sets.note(report());
    sets.forget(PARTIAL);
    expect(sets.regionsFor('prod/db')).toBeUndefined();
    for (const name of ['a', 'b', 'c']) sets.note(report({ name, arn: undefined }));
    expect(sets.regionsFor('a')).toBeUndefined();
    expect(sets.regionsFor('b')).toBeDefined();
    expect(sets.regionsFor('c')).toBeDefined();
  });
});

describe('attemptOrder', () => {
  const known = (...regions: string[]) => new Set(regions);

  it('unknown set: the client-wide list, primary first', () => {
    expect(attemptOrder(REGIONS, 'prod/db', undefined)).toBe(REGIONS);
  });

  it('known set: the primary, then only the replica regions in the set', () => {
    expect(attemptOrder(REGIONS, 'prod/db', known(P, R2))).toEqual([P, R2]);
    expect(attemptOrder(REGIONS, ARN, known(P, R2))).toEqual([P, R2]);
    expect(attemptOrder(REGIONS, 'prod/db', known(P))).toEqual([P]);
  });

  it('a known set that does not hold the read anchor describes another secret: client-wide list', () => {
    expect(attemptOrder(REGIONS, 'prod/db', known(R1, R2))).toBe(REGIONS);
  });

  it('a partial ARN of a replica region: that region first, as given; never the primary', () => {
    const ofR1 = PARTIAL.replace(P, R1);
    expect(attemptOrder(REGIONS, ofR1, undefined)).toEqual([R1, R2]);
    expect(attemptOrder(REGIONS, ofR1, known(P, R1))).toEqual([R1]);
    expect(attemptOrder(REGIONS, ofR1, known(P, R1, R2))).toEqual([R1, R2]);
  });

  it("a partial ARN of the primary follows the primary's rule; one of a foreign region is left to be refused", () => {
    expect(attemptOrder(REGIONS, PARTIAL, known(P, R1))).toEqual([P, R1]);
    const foreign = PARTIAL.replace(P, 'ap-south-1');
    expect(attemptOrder(REGIONS, foreign, undefined)).toBe(REGIONS);
  });

  it('one region only: nothing to narrow', () => {
    expect(attemptOrder([P], 'prod/db', known(P, R1))).toEqual([P]);
  });
});
