import { describe, expect, it } from 'vitest';
import { isFault } from '../../../src/errors/classify.js';
import {
  DEFAULT_BREAKER_COOLDOWN_MS,
  DEFAULT_BREAKER_FAILURE_THRESHOLD,
  DEFAULT_REGION_TIMEOUT_MS,
  resolveRouterOptions,
} from '../../../src/failover/defaults.js';
import { secretIdForRegion } from '../../../src/failover/region-id.js';
import type { SecretsManagerClientLike } from '../../../src/sdk/client-like.js';

describe('resolveRouterOptions', () => {
  const base = {
    primaryRegion: 'us-east-1',
    clientFactory: (): SecretsManagerClientLike =>
      ({ send: () => Promise.reject(new Error('unused')) }) as never,
    isFault,
    clock: { now: () => 0 },
  };

  it('fills every tunable left undefined with its default', () => {
    expect(resolveRouterOptions({ ...base, regionTimeoutMs: undefined })).toMatchObject({
      replicaRegions: [],
      regionTimeoutMs: DEFAULT_REGION_TIMEOUT_MS,
      hedgeAfterMs: undefined,
      breakerFailureThreshold: DEFAULT_BREAKER_FAILURE_THRESHOLD,
      breakerCooldownMs: DEFAULT_BREAKER_COOLDOWN_MS,
    });
  });

  it('keeps given values', () => {
    const r = resolveRouterOptions({
      ...base,
      replicaRegions: ['eu-west-1'],
      regionTimeoutMs: 5,
      hedgeAfterMs: 1,
    });
    expect(r).toMatchObject({ replicaRegions: ['eu-west-1'], regionTimeoutMs: 5, hedgeAfterMs: 1 });
  });
});

describe('secretIdForRegion', () => {
  it('rewrites complete and partial ARNs, keeps names', () => {
    expect(
      secretIdForRegion('arn:aws:secretsmanager:us-east-1:123456789012:secret:a/b-AbCdEf', 'eu-west-1'),
    ).toBe('arn:aws:secretsmanager:eu-west-1:123456789012:secret:a/b-AbCdEf');
    expect(
      secretIdForRegion('arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:x', 'cn-northwest-1'),
    ).toBe('arn:aws-cn:secretsmanager:cn-northwest-1:123456789012:secret:x');
    expect(secretIdForRegion('prod/db', 'eu-west-1')).toBe('prod/db');
  });
});
