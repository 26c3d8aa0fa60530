/**
 * Makes policies deterministic and small: sorted, de-duplicated lists; statements merged
 * when that cannot change their meaning; a stable statement order.
 */
import type {
  OneOrMany,
  PolicyCondition,
  PolicyDocument,
  PolicyPrincipal,
  PolicyStatement,
} from './types.js';

type ListKey = 'Action' | 'NotAction' | 'Resource' | 'NotResource';
const LIST_KEYS: readonly ListKey[] = ['Action', 'NotAction', 'Resource', 'NotResource'];

interface Canonical {
  Sid?: string;
  Effect: PolicyStatement['Effect'];
  Principal?: PolicyPrincipal;
  NotPrincipal?: PolicyPrincipal;
  Action?: string[];
  NotAction?: string[];
  Resource?: string[];
  NotResource?: string[];
  Condition?: PolicyCondition;
}

function list(value: OneOrMany<string>): string[] {
  const values = typeof value === 'string' ? [value] : [...value];
  return [...new Set(values)].sort();
}

function one(values: readonly string[]): OneOrMany<string> {
  return values.length === 1 && values[0] !== undefined ? values[0] : [...values];
}

function sortedRecord<T>(record: { readonly [key: string]: T }, map: (value: T) => T): { [key: string]: T } {
  const out: { [key: string]: T } = {};
  for (const key of Object.keys(record).sort()) out[key] = map(record[key] as T);
  return out;
}

function canonicalPrincipal(principal: PolicyPrincipal): PolicyPrincipal {
  if (principal === '*') return principal;
  return sortedRecord(principal as { readonly [key: string]: OneOrMany<string> }, (v) => one(list(v)));
}

function canonicalCondition(condition: PolicyCondition): PolicyCondition {
  return sortedRecord(condition, (block) => sortedRecord(block, (v) => one(list(v))));
}

function canonical(statement: PolicyStatement): Canonical {
  const out: Canonical = { Effect: statement.Effect };
  if (statement.Sid !== undefined) out.Sid = statement.Sid;
  if (statement.Principal !== undefined) out.Principal = canonicalPrincipal(statement.Principal);
  if (statement.NotPrincipal !== undefined) out.NotPrincipal = canonicalPrincipal(statement.NotPrincipal);
  for (const key of LIST_KEYS) {
    const value = statement[key];
    if (value !== undefined) out[key] = list(value);
  }
  if (out.Resource?.includes('*')) out.Resource = ['*'];
  if (statement.Condition !== undefined && Object.keys(statement.Condition).length > 0) {
    out.Condition = canonicalCondition(statement.Condition);
  }
  return out;
}

function keyWithout(statement: Canonical, omit: ListKey): string {
  const { [omit]: _omitted, ...rest } = statement;
  return JSON.stringify(rest);
}

/** Merges statements that differ only in `field`, by taking the union of that field. */
function mergeOn(statements: readonly Canonical[], field: 'Action' | 'Resource'): Canonical[] {
  const merged = new Map<string, Canonical>();
  const out: Canonical[] = [];
  for (const statement of statements) {
    const values = statement[field];
    if (values === undefined) {
      out.push(statement);
      continue;
    }
    const key = keyWithout(statement, field);
    const existing = merged.get(key);
    if (existing === undefined) {
      const copy = { ...statement, [field]: [...values] };
      merged.set(key, copy);
      out.push(copy);
    } else {
      existing[field] = list([...(existing[field] ?? []), ...values]);
      if (field === 'Resource' && existing.Resource?.includes('*')) existing.Resource = ['*'];
    }
  }
  return out;
}

function toStatement(c: Canonical): PolicyStatement {
  return {
    ...(c.Sid === undefined ? {} : { Sid: c.Sid }),
    Effect: c.Effect,
    ...(c.Principal === undefined ? {} : { Principal: c.Principal }),
    ...(c.NotPrincipal === undefined ? {} : { NotPrincipal: c.NotPrincipal }),
    ...(c.Action === undefined ? {} : { Action: one(c.Action) }),
    ...(c.NotAction === undefined ? {} : { NotAction: one(c.NotAction) }),
    ...(c.Resource === undefined ? {} : { Resource: one(c.Resource) }),
    ...(c.NotResource === undefined ? {} : { NotResource: one(c.NotResource) }),
    ...(c.Condition === undefined ? {} : { Condition: c.Condition }),
  };
}

/**
 * Sort prefix of a statement: Allow before Deny, Secrets Manager before other services,
 * specific resources before `*`; the statement's JSON breaks ties.
 */
function sortPrefix(c: Canonical): string {
  const firstAction = (c.Action ?? c.NotAction ?? [])[0] ?? '';
  const service = firstAction.startsWith('secretsmanager:') ? '0' : '1';
  const star = c.Resource?.[0] === '*' ? '1' : '0';
  return `${c.Effect === 'Allow' ? '0' : '1'}${service}${star}|`;
}

/**
 * Builds a deterministic, compact policy document from statements: lists sorted and
 * de-duplicated (a single value is written as a string), identical statements dropped,
 * statements that differ only in `Action` (or only in `Resource`) merged, and statements
 * ordered (Allow before Deny, Secrets Manager before KMS, specific resources before `*`, then
 * by content). Merging never changes what the policy allows
 * or denies; statements using `NotAction`/`NotResource` are only merged on the other list.
 *
 * @param statements - statements in any order
 */
export function normalizePolicy(statements: readonly PolicyStatement[]): PolicyDocument {
  let current = statements.map(canonical);
  // Two rounds: merging resources can make action lists equal again, and vice versa.
  for (let round = 0; round < 2; round += 1) {
    current = mergeOn(mergeOn(current, 'Action'), 'Resource');
  }
  const unique = new Map(current.map((c) => [JSON.stringify(c), c]));
  const ordered = [...unique.entries()]
    .map(([json, c]) => ({ key: `${sortPrefix(c)}${json}`, c }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ c }) => toStatement(c));
  return { Version: '2012-10-17', Statement: ordered };
}

/**
 * Combines policy documents into one normalized document (see {@link normalizePolicy}),
 * e.g. several resource-policy builders for the one policy a secret can have.
 *
 * @param documents - the documents to combine
 */
export function mergePolicies(...documents: readonly PolicyDocument[]): PolicyDocument {
  return normalizePolicy(documents.flatMap((d) => d.Statement));
}
