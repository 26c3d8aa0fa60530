/** The one check of an AWS region name (src/options/region-name.ts). */
import { describe, expect, it } from 'vitest';
import { checkRegionName } from '../../../src/options/region-name.js';
import { rejectedOption } from '../../support/errors.js';

describe('options/region-name', () => {
  it.each([
    'us-east-1',
    'eu-central-2',
    'ap-southeast-5',
    'us-gov-west-1',
    'cn-north-1',
    'us-isob-east-1',
    'il-central-1',
  ])('accepts %s', (region) => {
    expect(() => checkRegionName(region, 'region')).not.toThrow();
  });

  it.each([
    ['', 'empty'],
    ['US-EAST-1', 'upper case'],
    ['us-east', 'no number'],
    ['us-east-123', 'three digits'],
    ['useast1', 'no dashes'],
    [' us-east-1', 'a space'],
    ['us-east-1\n', 'a trailing newline'],
    ['constructor', 'a prototype name'],
    [`us-${'a'.repeat(40)}-1`, 'longer than 32 characters'],
    [42, 'a number'],
    [undefined, 'undefined'],
    [['us-east-1'], 'an array'],
  ])('rejects %j (%s), naming the option', (value, _why) => {
    expect(rejectedOption(() => checkRegionName(value, 'failover.replicaRegions[0]'))).toBe(
      'failover.replicaRegions[0]',
    );
  });

  it('quotes at most 40 characters of what was given', () => {
    let message = '';
    try {
      checkRegionName(`x${'y'.repeat(500)}`, 'region');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(`region: "x${'y'.repeat(39)}" is not a region name.`);
  });
});
