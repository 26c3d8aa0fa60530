import { describe, expect, it } from 'vitest';
import { mergePolicies, normalizePolicy } from '../../../src/iam/normalize.js';
import type { PolicyStatement } from '../../../src/iam/types.js';

describe('normalizePolicy', () => {
  it('merges statements equal but for Action, then equal but for Resource', () => {
    const doc = normalizePolicy([
      { Effect: 'Allow', Action: 'b:Two', Resource: 'r1' },
      { Effect: 'Allow', Action: 'a:One', Resource: 'r1' },
      { Effect: 'Allow', Action: ['a:One', 'b:Two'], Resource: 'r2' },
    ]);
    expect(doc.Statement).toEqual([{ Effect: 'Allow', Action: ['a:One', 'b:Two'], Resource: ['r1', 'r2'] }]);
  });

  it('keeps statements with different conditions, effects or Sids apart', () => {
    const doc = normalizePolicy([
      { Effect: 'Allow', Action: 'a:One', Resource: 'r', Condition: { StringEquals: { k: 'v1' } } },
      { Effect: 'Allow', Action: 'a:Two', Resource: 'r', Condition: { StringEquals: { k: 'v2' } } },
      { Effect: 'Deny', Action: 'a:Three', Resource: 'r' },
      { Sid: 'S', Effect: 'Allow', Action: 'a:Four', Resource: 'r' },
    ]);
    expect(doc.Statement).toHaveLength(4);
    expect(doc.Statement.at(-1)?.Effect).toBe('Deny');
  });

  it('never merges NotAction lists (their union would widen the statement)', () => {
    const doc = normalizePolicy([
      { Effect: 'Deny', NotAction: 'a:One', Resource: 'r' },
      { Effect: 'Deny', NotAction: 'a:Two', Resource: 'r' },
    ]);
    expect(doc.Statement).toHaveLength(2);
  });

  it('collapses a resource list containing * and drops duplicates', () => {
    const doc = normalizePolicy([
      { Effect: 'Allow', Action: 'a:One', Resource: ['r', '*'] },
      { Effect: 'Allow', Action: 'a:One', Resource: '*' },
    ]);
    expect(doc.Statement).toEqual([{ Effect: 'Allow', Action: 'a:One', Resource: '*' }]);
  });

  it('is independent of statement, list and key order', () => {
    const statements: PolicyStatement[] = [
      {
        Effect: 'Allow',
        Action: ['x:B', 'x:A'],
        Resource: 'r1',
        Condition: { StringEquals: { k2: ['b', 'a'], k1: 'z' } },
      },
      { Effect: 'Deny', Principal: { AWS: ['p2', 'p1'] }, Action: 'x:C', Resource: '*' },
      { Effect: 'Allow', Action: 'kms:Decrypt', Resource: 'k' },
    ];
    const a = JSON.stringify(normalizePolicy(statements));
    const b = JSON.stringify(normalizePolicy([...statements].reverse()));
    expect(a).toBe(b);
    expect(a).toContain('"k1":"z","k2":["a","b"]');
    expect(a).toContain('"AWS":["p1","p2"]');
  });

  it('mergePolicies combines documents', () => {
    const one = normalizePolicy([{ Effect: 'Allow', Action: 'a:One', Resource: 'r' }]);
    const two = normalizePolicy([{ Effect: 'Allow', Action: 'a:Two', Resource: 'r' }]);
    expect(mergePolicies(one, two).Statement).toEqual([
      { Effect: 'Allow', Action: ['a:One', 'a:Two'], Resource: 'r' },
    ]);
  });
});
