import { describe, expect, it } from 'vitest';
import { secretIdentityOf, secretNamesOf } from '../../../src/arn/secret-arn.js';
import { selectorKey, selectorOf } from '../../../src/client/cache-key.js';

const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:app/db';

describe('selector keys', () => {
  it('keep stage and version id apart; AWSCURRENT is the empty selector', () => {
    const a = selectorKey(selectorOf('app/db', undefined));
    const b = selectorKey(selectorOf('app/db', { versionStage: 'AWSPREVIOUS' }));
    const c = selectorKey(selectorOf('app/db', { versionId: 'AWSCURRENT' }));
    const d = selectorKey(selectorOf('app/db', { versionStage: 'AWSCURRENT' }));
    expect(new Set([a, b, c]).size).toBe(3);
    expect(a).toBe('');
    expect(d).toBe('');
  });
});

describe('secret identity', () => {
  it('secretNamesOf: a name, a partial ARN, a full ARN (with and without its suffix)', () => {
    expect(secretNamesOf('app/db')).toEqual(['app/db']);
    expect(secretNamesOf(arn)).toEqual(['app/db']);
    expect(secretNamesOf(`${arn}-AbC123`)).toEqual(['app/db-AbC123', 'app/db']);
    expect(secretNamesOf('arn:aws:s3:::bucket')).toEqual(['arn:aws:s3:::bucket']);
  });

  it('secretIdentityOf: one identity for the primary ARN and its replica ARN', () => {
    const replica = `${arn.replace('us-east-1', 'eu-west-1')}-AbC123`;
    expect(secretIdentityOf(`${arn}-AbC123`, 'app/db')).toBe(
      'arn:aws:secretsmanager::123456789012:secret:app/db-AbC123',
    );
    expect(secretIdentityOf(`${arn}-AbC123`, 'app/db')).toBe(secretIdentityOf(replica, 'app/db'));
    expect(secretIdentityOf(`${arn}-AbC123`, 'app/db')).not.toBe(secretIdentityOf(`${arn}-XyZ789`, 'app/db'));
  });

  it('secretIdentityOf: none for an ARN that does not name the secret, or no ARN at all', () => {
    expect(secretIdentityOf(`${arn}-AbC123`, 'app/other')).toBeUndefined();
    expect(secretIdentityOf(`${arn}-AbC123`, 'app')).toBeUndefined();
    expect(secretIdentityOf(arn, 'app/db')).toBeUndefined();
    expect(secretIdentityOf('app/db', 'app/db')).toBeUndefined();
    expect(secretIdentityOf('arn:aws:s3:::bucket', 'bucket')).toBeUndefined();
  });
});
