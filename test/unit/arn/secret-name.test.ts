import { describe, expect, it } from 'vitest';
import {
  isAmbiguousName,
  isValidSecretName,
  joinSecretName,
  splitSecretName,
  validateSecretName,
} from '../../../src/arn/index.js';

describe('validateSecretName', () => {
  it.each(['a', 'prod/db', 'my-app/prod/db', 'x_y+z=w.v@u-t', 'a'.repeat(512)])('accepts %s', (name) => {
    expect(validateSecretName(name)).toBe(name);
    expect(isValidSecretName(name)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too long', 'a'.repeat(513)],
    ['space', 'a b'],
    ['colon', 'a:b'],
    ['wildcard *', 'a*'],
    ['wildcard ?', 'a?'],
    ['non-ascii', 'prød'],
    ['not a string', 7],
  ])('rejects %s with INVALID_NAME', (_label, name) => {
    expect(() => validateSecretName(name)).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
    expect(isValidSecretName(name)).toBe(false);
  });
});

describe('isAmbiguousName', () => {
  it.each([
    ['db-abc123', true],
    ['prod/db-ABCDEF', true],
    ['db-ab.cd_', true],
    ['db-abc12', false],
    ['db-abc1234', false],
    ['db', false],
    ['db-ab/cde', false],
  ])('%s → %s', (name, expected) => {
    expect(isAmbiguousName(name)).toBe(expected);
  });
});

describe('hierarchical names', () => {
  it('joins and splits app/env/name', () => {
    expect(joinSecretName('billing', 'prod', 'db')).toBe('billing/prod/db');
    expect(joinSecretName('billing', 'prod', 'db/master')).toBe('billing/prod/db/master');
    expect(splitSecretName('billing/prod/db/master')).toEqual({
      app: 'billing',
      env: 'prod',
      name: 'db/master',
    });
  });

  it.each([
    ['slash in app', () => joinSecretName('a/b', 'prod', 'db')],
    ['slash in env', () => joinSecretName('a', 'pr/od', 'db')],
    ['empty name', () => joinSecretName('a', 'prod', '')],
    ['empty segment in name', () => joinSecretName('a', 'prod', 'x//y')],
    ['bad char', () => joinSecretName('a', 'prod', 'd b')],
    ['two segments', () => splitSecretName('a/b')],
    ['empty app', () => splitSecretName('/b/c')],
    ['trailing slash', () => splitSecretName('a/b/c/')],
  ])('rejects %s', (_label, run) => {
    expect(run).toThrow(expect.objectContaining({ code: 'INVALID_NAME' }));
  });
});
