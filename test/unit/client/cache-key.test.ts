import { describe, expect, it } from 'vitest';
import { cacheKey, possibleNames, secretIdOfKey, selectorOf } from '../../../src/client/cache-key.js';

const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db';

describe('cache keys', () => {
  it('keep stage and version id apart, and give the id back', () => {
    const a = cacheKey('app/db', selectorOf('app/db', undefined));
    const b = cacheKey('app/db', selectorOf('app/db', { versionStage: 'AWSPREVIOUS' }));
    const c = cacheKey('app/db', selectorOf('app/db', { versionId: 'AWSCURRENT' }));
    expect(new Set([a, b, c]).size).toBe(3);
    expect([a, b, c].map(secretIdOfKey)).toEqual(['app/db', 'app/db', 'app/db']);
  });

  it('possibleNames: a name, a partial ARN, a full ARN (with and without its suffix)', () => {
    expect(possibleNames('app/db')).toEqual(['app/db']);
    expect(possibleNames(arn)).toEqual(['app/db']);
    expect(possibleNames(`${arn}-AbC123`)).toEqual(['app/db-AbC123', 'app/db']);
    expect(possibleNames('arn:aws:s3:::bucket')).toEqual(['arn:aws:s3:::bucket']);
  });
});
