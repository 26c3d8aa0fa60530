import { describe, expect, it } from 'vitest';
import { SecretkitError } from '../../../src/errors/secretkit-error.js';
import { databaseCredentialsSchema, getAcceptedVersions } from '../../../src/rotation/index.js';
import { createFakeReader } from './fake-reader.js';

describe('getAcceptedVersions', () => {
  it('returns AWSCURRENT only when no rotation is under way', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'k1' });
    expect(await getAcceptedVersions(reader, 'api')).toEqual([{ stage: 'AWSCURRENT', value: 'k1' }]);
  });

  it('adds AWSPENDING and AWSPREVIOUS when they exist, in stage order', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'k2', AWSPENDING: 'k3', AWSPREVIOUS: 'k1' });
    expect(await getAcceptedVersions(reader, 'api')).toEqual([
      { stage: 'AWSCURRENT', value: 'k2' },
      { stage: 'AWSPENDING', value: 'k3' },
      { stage: 'AWSPREVIOUS', value: 'k1' },
    ]);
  });

  it('skips a stage reported as STAGE_NOT_FOUND too', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'k2', AWSPREVIOUS: 'k1' });
    reader.errors.set('AWSPENDING', new SecretkitError('STAGE_NOT_FOUND', 'none'));
    const stages = (await getAcceptedVersions(reader, 'api')).map((v) => v.stage);
    expect(stages).toEqual(['AWSCURRENT', 'AWSPREVIOUS']);
  });

  it('throws when AWSCURRENT is missing', async () => {
    const reader = createFakeReader({ AWSPENDING: 'k3' });
    await expect(getAcceptedVersions(reader, 'api')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('throws other errors of optional stages', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'k2' });
    reader.errors.set('AWSPREVIOUS', new SecretkitError('ACCESS_DENIED', 'denied'));
    await expect(getAcceptedVersions(reader, 'api')).rejects.toMatchObject({ code: 'ACCESS_DENIED' });
  });

  it('reads only the stages asked for, with forceRefresh passed through', async () => {
    const reader = createFakeReader({ AWSCURRENT: 'k2', AWSPENDING: 'k3' });
    const got = await getAcceptedVersions(reader, 'api', { stages: ['AWSPENDING'], forceRefresh: true });
    expect(got).toEqual([{ stage: 'AWSPENDING', value: 'k3' }]);
    expect(reader.calls).toEqual([{ secretId: 'api', stage: 'AWSPENDING', forceRefresh: true }]);
  });

  it('validates each value with a schema', async () => {
    const reader = createFakeReader({
      AWSCURRENT: JSON.stringify({ username: 'a', password: '2' }),
      AWSPREVIOUS: JSON.stringify({ username: 'a', password: '1' }),
    });
    const got = await getAcceptedVersions(reader, 'db', { schema: databaseCredentialsSchema });
    expect(got.map((v) => v.value.password)).toEqual(['2', '1']);
  });
});
