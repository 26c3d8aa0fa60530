/**
 * The checks every options resolver shares (src/options/checks.ts): each failure is an
 * `INVALID_ARGUMENT` naming the option in `details.option`, and a string value is never shown.
 */
import { describe, expect, it } from 'vitest';
import { isSecretkitError } from '../../../src/errors/secretkit-error.js';
import {
  checkKnownKeys,
  checkOptionsObject,
  functionOption,
  invalidOption,
  MAX_TIMER_MS,
  numberOption,
  replacedOption,
} from '../../../src/options/checks.js';
import { rejectedOption } from '../../support/errors.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(isSecretkitError(error, 'INVALID_ARGUMENT')).toBe(true);
    return (error as Error).message;
  }
  throw new Error('did not throw');
}

describe('options/checks', () => {
  it('MAX_TIMER_MS is the longest delay a Node timer holds', () => {
    expect(MAX_TIMER_MS).toBe(2_147_483_647);
  });

  describe('checkKnownKeys', () => {
    const known = new Set(['ttlMs', 'maxEntries']);

    it('accepts known keys and an empty object', () => {
      expect(() => checkKnownKeys('Owner', { ttlMs: 1 }, known)).not.toThrow();
      expect(() => checkKnownKeys('Owner', {}, known)).not.toThrow();
    });

    it('rejects a typo by name (case matters)', () => {
      expect(rejectedOption(() => checkKnownKeys('Owner', { ttlMS: 1 }, known))).toBe('ttlMS');
      expect(messageOf(() => checkKnownKeys('Owner', { ttlMS: 1 }, known))).toBe(
        'Owner has no option "ttlMS"',
      );
    });

    it('names the first unknown key of several', () => {
      expect(rejectedOption(() => checkKnownKeys('Owner', { ttlMs: 1, a: 1, b: 2 }, known))).toBe('a');
    });

    it('does not take inherited names as options', () => {
      expect(rejectedOption(() => checkKnownKeys('Owner', { constructor: 1 }, known))).toBe('constructor');
      expect(rejectedOption(() => checkKnownKeys('Owner', { __proto__: null, toString: 1 }, known))).toBe(
        'toString',
      );
    });
  });

  describe('checkOptionsObject', () => {
    it('accepts an object or undefined', () => {
      expect(() => checkOptionsObject('Owner', undefined)).not.toThrow();
      expect(() => checkOptionsObject('Owner', {})).not.toThrow();
      expect(() => checkOptionsObject('Owner', Object.create(null))).not.toThrow();
    });

    it.each([
      [null, 'null'],
      [[], 'an array'],
      ['ttlMs', 'string'],
      [5, '5'],
      [() => 1, 'function'],
    ])('rejects %s as "options", saying only its type', (value, shown) => {
      expect(rejectedOption(() => checkOptionsObject('Owner', value))).toBe('options');
      expect(messageOf(() => checkOptionsObject('Owner', value))).toBe(
        `Owner options must be an object (got ${shown})`,
      );
    });
  });

  describe('numberOption', () => {
    const rule = { min: 0, max: MAX_TIMER_MS, integer: true };

    it('returns the fallback when the option is not given', () => {
      expect(numberOption('Owner', 'ttlMs', undefined, 300_000, rule)).toBe(300_000);
      expect(numberOption('Owner', 'maxBytes', undefined, undefined, rule)).toBeUndefined();
    });

    it('returns a value within the rule, the bounds included', () => {
      expect(numberOption('Owner', 'ttlMs', 0, 1, rule)).toBe(0);
      expect(numberOption('Owner', 'ttlMs', MAX_TIMER_MS, 1, rule)).toBe(MAX_TIMER_MS);
    });

    it.each([
      [2 ** 31, 'above the longest timer'],
      [-1, 'below the minimum'],
      [1.5, 'not an integer'],
      [Number.NaN, 'NaN'],
      [Number.POSITIVE_INFINITY, 'infinite'],
      ['300000', 'a string'],
      [null, 'null'],
    ])('rejects %s (%s) by name', (value, _why) => {
      expect(rejectedOption(() => numberOption('Owner', 'ttlMs', value, 1, rule))).toBe('ttlMs');
    });

    it('says the rule and the number given, and never a string given', () => {
      expect(messageOf(() => numberOption('Owner', 'ttlMs', 2 ** 31, 1, rule))).toBe(
        `Owner option ttlMs must be an integer >= 0 and <= ${MAX_TIMER_MS} (got 2147483648)`,
      );
      expect(messageOf(() => numberOption('Owner', 'ttlMs', 'hunter2', 1, rule))).not.toContain('hunter2');
    });

    it('applies an exclusive minimum and a default maximum', () => {
      const ratio = { min: 0, exclusiveMin: true, max: 1 };
      expect(numberOption('Owner', 'ratio', 0.5, 0, ratio)).toBe(0.5);
      expect(rejectedOption(() => numberOption('Owner', 'ratio', 0, 0.5, ratio))).toBe('ratio');
      expect(messageOf(() => numberOption('Owner', 'ratio', 0, 0.5, ratio))).toContain('a finite number > 0');
      expect(numberOption('Owner', 'n', Number.MAX_SAFE_INTEGER, 0, { min: 0 })).toBe(
        Number.MAX_SAFE_INTEGER,
      );
      expect(rejectedOption(() => numberOption('Owner', 'n', 2 ** 60, 0, { min: 0 }))).toBe('n');
    });
  });

  describe('functionOption', () => {
    it('returns the function, or the fallback when not given', () => {
      const fn = (): number => 1;
      const fallback = (): number => 2;
      expect(functionOption('Owner', 'random', fn, fallback)).toBe(fn);
      expect(functionOption('Owner', 'random', undefined, fallback)).toBe(fallback);
    });

    it('rejects anything else by name', () => {
      expect(rejectedOption(() => functionOption('Owner', 'random', 0.5, Math.random))).toBe('random');
      expect(messageOf(() => functionOption('Owner', 'random', {}, Math.random))).toBe(
        'Owner option random must be a function (got object)',
      );
    });
  });

  it('invalidOption and replacedOption name the option', () => {
    const invalid = invalidOption('Owner', 'clock', 'an object with a now() method', 'tick');
    expect(invalid.code).toBe('INVALID_ARGUMENT');
    expect(invalid.details).toEqual({ option: 'clock' });
    expect(invalid.message).not.toContain('tick');
    const replaced = replacedOption(
      'Owner',
      'replicaRegions',
      'replicaRegions',
      'use failover({ replicaRegions })',
    );
    expect(replaced.code).toBe('INVALID_ARGUMENT');
    expect(replaced.details).toEqual({ option: 'replicaRegions' });
    expect(replaced.message).toBe('Owner option replicaRegions is gone: use failover({ replicaRegions })');
  });
});
