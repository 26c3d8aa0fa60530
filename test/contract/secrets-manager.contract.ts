/**
 * The Secrets Manager behaviour secretkit depends on, as one suite run against several
 * backends (the in-memory fake of `secretkit/testing`, moto), so they cannot drift apart.
 *
 * Expectations are those of the real service. Where moto deviates, the assertion is skipped
 * for moto only (`it.skipIf(isMoto)`), with the difference listed in docs/testing.md
 * ("moto's differences from AWS, and how we test around them").
 */
import { randomUUID } from 'node:crypto';
import {
  BatchGetSecretValueCommand,
  CancelRotateSecretCommand,
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  type ListSecretsCommandInput,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  RemoveRegionsFromReplicationCommand,
  ReplicateSecretToRegionsCommand,
  RestoreSecretCommand,
  RotateSecretCommand,
  StopReplicationToReplicaCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateSecretCommand,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SecretsManagerClientLike } from '../../src/sdk/client-like.js';

/** Which backend the suite runs against; moto skips the assertions where it deviates from AWS. */
export type ContractBackend = 'aws' | 'moto' | 'fake';

/** Options of {@link defineSecretsManagerContract}. */
export interface ContractOptions {
  /** The backend under test. @defaultValue `'aws'` (every assertion runs) */
  readonly backend?: ContractBackend | undefined;
  /** The primary region. @defaultValue `'us-east-1'` */
  readonly region?: string | undefined;
  /** A second region for replication tests. @defaultValue `'us-west-2'` */
  readonly replicaRegion?: string | undefined;
}

const DAY_MS = 86_400_000;
const KMS_KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** The error a promise rejects with (fails the test when it resolves). */
async function rejectionOf(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/** Asserts a service error of the given name, a client fault. */
async function expectServiceError(promise: Promise<unknown>, name: string): Promise<Error> {
  const error = await rejectionOf(promise);
  expect(error.name).toBe(name);
  expect(error['$fault']).toBe('client');
  return error;
}

/** Only the versions that carry labels (AWS leaves deprecated versions out; moto lists them with `[]`). */
function labelled(map: Record<string, string[]> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(map ?? {}).filter(([, stages]) => stages.length > 0));
}

/**
 * Defines the contract suite.
 *
 * @param name - backend name shown in the test titles
 * @param getClient - a client for a region (the primary region when no region is given)
 * @param reset - wipes the backend before each test (omit when the test file already does)
 * @param options - backend kind and regions
 */
export function defineSecretsManagerContract(
  name: string,
  getClient: (region?: string) => SecretsManagerClientLike,
  reset?: () => void | Promise<void>,
  options: ContractOptions = {},
): void {
  const isMoto = options.backend === 'moto';
  const region = options.region ?? 'us-east-1';
  const replicaRegion = options.replicaRegion ?? 'us-west-2';
  let run = '';
  const n = (suffix: string): string => `contract-${run}/${suffix}`;
  const sm = (): SecretsManagerClientLike => getClient();
  const token = (): string => randomUUID();

  async function create(
    suffix: string,
    value = 'v1',
  ): Promise<{ arn: string; name: string; versionId: string }> {
    const out = await sm().send(new CreateSecretCommand({ Name: n(suffix), SecretString: value }));
    return { arn: out.ARN ?? '', name: n(suffix), versionId: out.VersionId ?? '' };
  }

  async function stagesOf(id: string): Promise<Record<string, string[]>> {
    const d = await sm().send(new DescribeSecretCommand({ SecretId: id }));
    return labelled(d.VersionIdsToStages);
  }

  describe(`Secrets Manager contract: ${name}`, () => {
    beforeEach(async () => {
      run = randomUUID().slice(0, 8);
      await reset?.();
    });

    describe('CreateSecret and GetSecretValue', () => {
      it('creates a string secret with a real-format ARN and reads it back as AWSCURRENT', async () => {
        const created = await sm().send(
          new CreateSecretCommand({ Name: n('db'), SecretString: '{"u":"a"}' }),
        );
        expect(created.$metadata.httpStatusCode).toBe(200);
        expect(created.Name).toBe(n('db'));
        expect(created.ARN).toMatch(
          new RegExp(`^arn:aws:secretsmanager:${region}:\\d{12}:secret:${n('db')}-[A-Za-z0-9]{6}$`),
        );
        expect(created.VersionId).toMatch(/^[0-9a-f-]{32,64}$/);
        const got = await sm().send(new GetSecretValueCommand({ SecretId: n('db') }));
        expect(got).toMatchObject({
          ARN: created.ARN,
          Name: n('db'),
          VersionId: created.VersionId,
          SecretString: '{"u":"a"}',
          VersionStages: ['AWSCURRENT'],
        });
        expect(got.SecretBinary).toBeUndefined();
        expect(got.CreatedDate).toBeInstanceOf(Date);
        expect(got.$metadata.httpStatusCode).toBe(200);
      });

      it('stores binary secrets', async () => {
        const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
        await sm().send(new CreateSecretCommand({ Name: n('bin'), SecretBinary: bytes }));
        const got = await sm().send(new GetSecretValueCommand({ SecretId: n('bin') }));
        expect(got.SecretString).toBeUndefined();
        expect(Array.from(got.SecretBinary ?? [])).toEqual([0, 1, 2, 250, 255]);
      });

      it('resolves a secret by name, full ARN and partial ARN', async () => {
        const { arn } = await create('arn');
        const partial = arn.slice(0, -7);
        for (const id of [n('arn'), arn, partial]) {
          const got = await sm().send(new GetSecretValueCommand({ SecretId: id }));
          expect(got.SecretString).toBe('v1');
          expect(got.ARN).toBe(arn);
        }
      });

      it('uses ClientRequestToken as the first version id', async () => {
        const t = token();
        const out = await sm().send(
          new CreateSecretCommand({ Name: n('tok'), SecretString: 'v', ClientRequestToken: t }),
        );
        expect(out.VersionId).toBe(t);
      });

      it('creates a secret without a value: no version, and no AWSCURRENT to read', async () => {
        const out = await sm().send(new CreateSecretCommand({ Name: n('empty') }));
        expect(out.VersionId).toBeUndefined();
        expect(await stagesOf(n('empty'))).toEqual({});
        await expectServiceError(
          sm().send(new GetSecretValueCommand({ SecretId: n('empty') })),
          'ResourceNotFoundException',
        );
      });

      it('records description, KMS key and tags', async () => {
        await sm().send(
          new CreateSecretCommand({
            Name: n('meta'),
            SecretString: 'v',
            Description: 'the database',
            KmsKeyId: KMS_KEY_ARN,
            Tags: [{ Key: 'team', Value: 'payments' }],
          }),
        );
        const d = await sm().send(new DescribeSecretCommand({ SecretId: n('meta') }));
        expect(d.Description).toBe('the database');
        expect(d.KmsKeyId).toBe(KMS_KEY_ARN);
        expect(d.Tags).toEqual([{ Key: 'team', Value: 'payments' }]);
      });

      it('refuses a name that exists: ResourceExistsException', async () => {
        await create('dup');
        await expectServiceError(
          sm().send(new CreateSecretCommand({ Name: n('dup'), SecretString: 'other' })),
          'ResourceExistsException',
        );
      });

      it('answers ResourceNotFoundException for a missing secret', async () => {
        await expectServiceError(
          sm().send(new GetSecretValueCommand({ SecretId: n('missing') })),
          'ResourceNotFoundException',
        );
      });

      it.skipIf(isMoto)('answers HTTP 400 for ResourceNotFoundException (moto: 404)', async () => {
        const error = await rejectionOf(sm().send(new GetSecretValueCommand({ SecretId: n('missing') })));
        expect((error['$metadata'] as { httpStatusCode?: number }).httpStatusCode).toBe(400);
      });

      it('answers ResourceNotFoundException for an unknown VersionStage or VersionId', async () => {
        await create('ver');
        await expectServiceError(
          sm().send(new GetSecretValueCommand({ SecretId: n('ver'), VersionStage: 'NOPE' })),
          'ResourceNotFoundException',
        );
        await expectServiceError(
          sm().send(new GetSecretValueCommand({ SecretId: n('ver'), VersionId: token() })),
          'ResourceNotFoundException',
        );
      });
    });

    describe('PutSecretValue', () => {
      it('moves AWSCURRENT to the new version; AWSPREVIOUS follows to the old one', async () => {
        const first = await create('put');
        const put = await sm().send(new PutSecretValueCommand({ SecretId: n('put'), SecretString: 'v2' }));
        expect(put.VersionStages).toEqual(['AWSCURRENT']);
        expect(put.ARN).toBe(first.arn);
        expect(await stagesOf(n('put'))).toEqual({
          [first.versionId]: ['AWSPREVIOUS'],
          [put.VersionId ?? '']: ['AWSCURRENT'],
        });
        const current = await sm().send(new GetSecretValueCommand({ SecretId: n('put') }));
        expect(current.SecretString).toBe('v2');
        const previous = await sm().send(
          new GetSecretValueCommand({ SecretId: n('put'), VersionStage: 'AWSPREVIOUS' }),
        );
        expect(previous.SecretString).toBe('v1');
        const byId = await sm().send(
          new GetSecretValueCommand({ SecretId: n('put'), VersionId: first.versionId }),
        );
        expect(byId.SecretString).toBe('v1');
        expect(byId.VersionStages).toEqual(['AWSPREVIOUS']);
      });

      it('a third put leaves the oldest version without labels', async () => {
        const v1 = await create('three');
        const v2 = await sm().send(new PutSecretValueCommand({ SecretId: n('three'), SecretString: 'v2' }));
        const v3 = await sm().send(new PutSecretValueCommand({ SecretId: n('three'), SecretString: 'v3' }));
        const stages = await stagesOf(n('three'));
        expect(stages).toEqual({
          [v2.VersionId ?? '']: ['AWSPREVIOUS'],
          [v3.VersionId ?? '']: ['AWSCURRENT'],
        });
        expect(stages[v1.versionId]).toBeUndefined();
      });

      it.skipIf(isMoto)('DescribeSecret leaves deprecated versions out of VersionIdsToStages', async () => {
        const v1 = await create('dep');
        await sm().send(new PutSecretValueCommand({ SecretId: n('dep'), SecretString: 'v2' }));
        await sm().send(new PutSecretValueCommand({ SecretId: n('dep'), SecretString: 'v3' }));
        const d = await sm().send(new DescribeSecretCommand({ SecretId: n('dep') }));
        expect(Object.keys(d.VersionIdsToStages ?? {})).not.toContain(v1.versionId);
      });

      it('VersionStages [AWSPENDING] leaves AWSCURRENT where it is', async () => {
        const first = await create('pend');
        const t = token();
        const put = await sm().send(
          new PutSecretValueCommand({
            SecretId: n('pend'),
            SecretString: 'next',
            ClientRequestToken: t,
            VersionStages: ['AWSPENDING'],
          }),
        );
        expect(put.VersionId).toBe(t);
        expect(put.VersionStages).toEqual(['AWSPENDING']);
        expect(await stagesOf(n('pend'))).toEqual({ [first.versionId]: ['AWSCURRENT'], [t]: ['AWSPENDING'] });
        const pending = await sm().send(
          new GetSecretValueCommand({ SecretId: n('pend'), VersionStage: 'AWSPENDING' }),
        );
        expect(pending.SecretString).toBe('next');
        const current = await sm().send(
          new GetSecretValueCommand({ SecretId: n('pend'), VersionStage: 'AWSCURRENT' }),
        );
        expect(current.SecretString).toBe('v1');
      });

      it('labels the first version of a secret AWSCURRENT whatever VersionStages says', async () => {
        await sm().send(new CreateSecretCommand({ Name: n('first') }));
        const put = await sm().send(
          new PutSecretValueCommand({
            SecretId: n('first'),
            SecretString: 'v',
            VersionStages: ['AWSPENDING'],
          }),
        );
        expect(put.VersionStages).toEqual(expect.arrayContaining(['AWSPENDING', 'AWSCURRENT']));
        const got = await sm().send(
          new GetSecretValueCommand({ SecretId: n('first'), VersionStage: 'AWSCURRENT' }),
        );
        expect(got.SecretString).toBe('v');
      });

      it('is idempotent on ClientRequestToken: same token and value is a no-op, another value is refused', async () => {
        await create('idem');
        const t = token();
        const a = await sm().send(
          new PutSecretValueCommand({ SecretId: n('idem'), SecretString: 'v2', ClientRequestToken: t }),
        );
        const b = await sm().send(
          new PutSecretValueCommand({ SecretId: n('idem'), SecretString: 'v2', ClientRequestToken: t }),
        );
        expect(b.VersionId).toBe(a.VersionId);
        expect(Object.keys(await stagesOf(n('idem')))).toHaveLength(2);
        const error = await expectServiceError(
          sm().send(
            new PutSecretValueCommand({
              SecretId: n('idem'),
              SecretString: 'secret-other-value',
              ClientRequestToken: t,
            }),
          ),
          'ResourceExistsException',
        );
        expect(error.message).not.toContain('secret-other-value');
        const current = await sm().send(
          new GetSecretValueCommand({ SecretId: n('idem'), VersionStage: 'AWSCURRENT' }),
        );
        expect(current.SecretString).toBe('v2');
      });

      it.skipIf(isMoto)(
        'refuses a put to a secret scheduled for deletion: InvalidRequestException (moto accepts it)',
        async () => {
          await create('put-deleted');
          await sm().send(new DeleteSecretCommand({ SecretId: n('put-deleted') }));
          await expectServiceError(
            sm().send(new PutSecretValueCommand({ SecretId: n('put-deleted'), SecretString: 'v2' })),
            'InvalidRequestException',
          );
        },
      );

      it('answers ResourceNotFoundException for a missing secret', async () => {
        await expectServiceError(
          sm().send(new PutSecretValueCommand({ SecretId: n('nothing'), SecretString: 'v' })),
          'ResourceNotFoundException',
        );
      });
    });

    describe('UpdateSecret', () => {
      it('with a value: a new AWSCURRENT version, the old one AWSPREVIOUS', async () => {
        const first = await create('upd');
        const out = await sm().send(
          new UpdateSecretCommand({ SecretId: n('upd'), SecretString: 'v2', Description: 'new description' }),
        );
        expect(out.VersionId).toBeDefined();
        expect(await stagesOf(n('upd'))).toEqual({
          [first.versionId]: ['AWSPREVIOUS'],
          [out.VersionId ?? '']: ['AWSCURRENT'],
        });
        const d = await sm().send(new DescribeSecretCommand({ SecretId: n('upd') }));
        expect(d.Description).toBe('new description');
        const got = await sm().send(new GetSecretValueCommand({ SecretId: n('upd') }));
        expect(got.SecretString).toBe('v2');
      });

      it('without a value: metadata only, no new version', async () => {
        const first = await create('upd-meta');
        const out = await sm().send(new UpdateSecretCommand({ SecretId: n('upd-meta'), Description: 'd2' }));
        expect(out.VersionId).toBeUndefined();
        expect(await stagesOf(n('upd-meta'))).toEqual({ [first.versionId]: ['AWSCURRENT'] });
      });
    });

    describe('UpdateSecretVersionStage', () => {
      async function withPending(suffix: string): Promise<{ current: string; pending: string }> {
        const first = await create(suffix);
        const pending = token();
        await sm().send(
          new PutSecretValueCommand({
            SecretId: n(suffix),
            SecretString: 'v2',
            ClientRequestToken: pending,
            VersionStages: ['AWSPENDING'],
          }),
        );
        return { current: first.versionId, pending };
      }

      it('refuses to move AWSCURRENT without RemoveFromVersionId: InvalidParameterException', async () => {
        const { pending } = await withPending('nomove');
        await expectServiceError(
          sm().send(
            new UpdateSecretVersionStageCommand({
              SecretId: n('nomove'),
              VersionStage: 'AWSCURRENT',
              MoveToVersionId: pending,
            }),
          ),
          'InvalidParameterException',
        );
      });

      it('moves AWSCURRENT with RemoveFromVersionId; AWSPREVIOUS follows (the rotation finish step)', async () => {
        const { current, pending } = await withPending('move');
        const out = await sm().send(
          new UpdateSecretVersionStageCommand({
            SecretId: n('move'),
            VersionStage: 'AWSCURRENT',
            MoveToVersionId: pending,
            RemoveFromVersionId: current,
          }),
        );
        expect(out.Name).toBe(n('move'));
        expect(await stagesOf(n('move'))).toEqual({
          [current]: ['AWSPREVIOUS'],
          [pending]: expect.arrayContaining(['AWSCURRENT', 'AWSPENDING']),
        });
        const got = await sm().send(
          new GetSecretValueCommand({ SecretId: n('move'), VersionStage: 'AWSCURRENT' }),
        );
        expect(got.SecretString).toBe('v2');
        await sm().send(
          new UpdateSecretVersionStageCommand({
            SecretId: n('move'),
            VersionStage: 'AWSPENDING',
            RemoveFromVersionId: pending,
          }),
        );
        expect(await stagesOf(n('move'))).toEqual({ [current]: ['AWSPREVIOUS'], [pending]: ['AWSCURRENT'] });
      });

      it.skipIf(isMoto)(
        'a read without VersionStage follows the moved AWSCURRENT (moto: stale default version)',
        async () => {
          const { current, pending } = await withPending('default');
          await sm().send(
            new UpdateSecretVersionStageCommand({
              SecretId: n('default'),
              VersionStage: 'AWSCURRENT',
              MoveToVersionId: pending,
              RemoveFromVersionId: current,
            }),
          );
          const got = await sm().send(new GetSecretValueCommand({ SecretId: n('default') }));
          expect(got.SecretString).toBe('v2');
          expect(got.VersionId).toBe(pending);
          await sm().send(
            new UpdateSecretVersionStageCommand({
              SecretId: n('default'),
              VersionStage: 'AWSPENDING',
              RemoveFromVersionId: pending,
            }),
          );
          const put = await sm().send(
            new PutSecretValueCommand({ SecretId: n('default'), SecretString: 'v3' }),
          );
          expect(await stagesOf(n('default'))).toEqual({
            [pending]: ['AWSPREVIOUS'],
            [put.VersionId ?? '']: ['AWSCURRENT'],
          });
        },
      );

      it('attaches a custom label that no version carries', async () => {
        const first = await create('label');
        await sm().send(
          new UpdateSecretVersionStageCommand({
            SecretId: n('label'),
            VersionStage: 'blue',
            MoveToVersionId: first.versionId,
          }),
        );
        expect(await stagesOf(n('label'))).toEqual({
          [first.versionId]: expect.arrayContaining(['AWSCURRENT', 'blue']),
        });
        const got = await sm().send(
          new GetSecretValueCommand({ SecretId: n('label'), VersionStage: 'blue' }),
        );
        expect(got.SecretString).toBe('v1');
      });

      it.skipIf(isMoto)(
        'moving any attached label requires RemoveFromVersionId (moto: only AWSCURRENT)',
        async () => {
          const first = await create('custom');
          const second = await sm().send(
            new PutSecretValueCommand({ SecretId: n('custom'), SecretString: 'v2' }),
          );
          await sm().send(
            new UpdateSecretVersionStageCommand({
              SecretId: n('custom'),
              VersionStage: 'blue',
              MoveToVersionId: first.versionId,
            }),
          );
          await expectServiceError(
            sm().send(
              new UpdateSecretVersionStageCommand({
                SecretId: n('custom'),
                VersionStage: 'blue',
                MoveToVersionId: second.VersionId,
              }),
            ),
            'InvalidParameterException',
          );
        },
      );

      it('refuses a RemoveFromVersionId that does not carry the label', async () => {
        const { pending } = await withPending('wrong');
        await expectServiceError(
          sm().send(
            new UpdateSecretVersionStageCommand({
              SecretId: n('wrong'),
              VersionStage: 'AWSCURRENT',
              MoveToVersionId: pending,
              RemoveFromVersionId: pending,
            }),
          ),
          'InvalidParameterException',
        );
      });
    });

    describe('DescribeSecret', () => {
      it('describes a secret: dates, versions, no rotation, not deleted', async () => {
        const first = await create('desc');
        const d = await sm().send(new DescribeSecretCommand({ SecretId: n('desc') }));
        expect(d.ARN).toBe(first.arn);
        expect(d.Name).toBe(n('desc'));
        expect(d.CreatedDate).toBeInstanceOf(Date);
        expect(d.LastChangedDate).toBeInstanceOf(Date);
        expect(labelled(d.VersionIdsToStages)).toEqual({ [first.versionId]: ['AWSCURRENT'] });
        expect(d.RotationEnabled ?? false).toBe(false);
        expect(d.DeletedDate).toBeUndefined();
        expect(d.ReplicationStatus ?? []).toEqual([]);
      });

      it('answers ResourceNotFoundException for a missing secret', async () => {
        await expectServiceError(
          sm().send(new DescribeSecretCommand({ SecretId: n('none') })),
          'ResourceNotFoundException',
        );
      });
    });

    describe('ListSecrets', () => {
      async function names(input: ListSecretsCommandInput): Promise<string[]> {
        const out = await sm().send(new ListSecretsCommand(input));
        return (out.SecretList ?? []).map((s) => s.Name ?? '').sort();
      }

      it('filters by name prefix (case-sensitive), tag key and tag value', async () => {
        await sm().send(
          new CreateSecretCommand({
            Name: n('app/one'),
            SecretString: 'v',
            Tags: [{ Key: 'team', Value: 'payments' }],
          }),
        );
        await sm().send(
          new CreateSecretCommand({
            Name: n('app/two'),
            SecretString: 'v',
            Tags: [{ Key: 'owner', Value: 'pay-ops' }],
          }),
        );
        await sm().send(new CreateSecretCommand({ Name: n('other/x'), SecretString: 'v' }));
        await sm().send(new CreateSecretCommand({ Name: n('App/three'), SecretString: 'v' }));
        expect(await names({ Filters: [{ Key: 'name', Values: [n('app/')] }] })).toEqual([
          n('app/one'),
          n('app/two'),
        ]);
        expect(await names({ Filters: [{ Key: 'tag-key', Values: ['tea'] }] })).toEqual([n('app/one')]);
        expect(await names({ Filters: [{ Key: 'tag-value', Values: ['pay'] }] })).toEqual([
          n('app/one'),
          n('app/two'),
        ]);
        expect(
          await names({
            Filters: [
              { Key: 'name', Values: [n('app/')] },
              { Key: 'tag-key', Values: ['owner'] },
            ],
          }),
        ).toEqual([n('app/two')]);
      });

      it('pages with MaxResults and NextToken', async () => {
        for (const i of [1, 2, 3, 4, 5]) await create(`page/${i}`);
        const seen: string[] = [];
        let nextToken: string | undefined;
        let pages = 0;
        do {
          const out = await sm().send(
            new ListSecretsCommand({
              MaxResults: 2,
              NextToken: nextToken,
              Filters: [{ Key: 'name', Values: [n('page/')] }],
            }),
          );
          expect((out.SecretList ?? []).length).toBeLessThanOrEqual(2);
          seen.push(...(out.SecretList ?? []).map((s) => s.Name ?? ''));
          nextToken = out.NextToken === '' ? undefined : out.NextToken;
          pages += 1;
        } while (nextToken !== undefined && pages < 10);
        expect(pages).toBe(3);
        expect(seen.sort()).toEqual([1, 2, 3, 4, 5].map((i) => n(`page/${i}`)));
      });

      it('leaves out secrets scheduled for deletion unless IncludePlannedDeletion', async () => {
        await create('live');
        await create('gone');
        await sm().send(new DeleteSecretCommand({ SecretId: n('gone') }));
        const filter = [{ Key: 'name' as const, Values: [n('')] }];
        expect(await names({ Filters: filter })).toEqual([n('live')]);
        expect(await names({ Filters: filter, IncludePlannedDeletion: true })).toEqual([
          n('gone'),
          n('live'),
        ]);
      });

      it('filters by description, not case-sensitive', async () => {
        await sm().send(
          new CreateSecretCommand({ Name: n('d1'), SecretString: 'v', Description: 'Database credentials' }),
        );
        await sm().send(
          new CreateSecretCommand({ Name: n('d2'), SecretString: 'v', Description: 'API key' }),
        );
        expect(
          await names({
            Filters: [
              { Key: 'name', Values: [n('')] },
              { Key: 'description', Values: ['data'] },
            ],
          }),
        ).toEqual([n('d1')]);
      });

      it('lists each secret with its versions and labels', async () => {
        const first = await create('withversions');
        const out = await sm().send(
          new ListSecretsCommand({ Filters: [{ Key: 'name', Values: [n('withversions')] }] }),
        );
        expect(out.SecretList).toHaveLength(1);
        expect(out.SecretList?.[0]?.ARN).toBe(first.arn);
        expect(labelled(out.SecretList?.[0]?.SecretVersionsToStages)).toEqual({
          [first.versionId]: ['AWSCURRENT'],
        });
      });
    });

    describe('ListSecretVersionIds', () => {
      it('lists the labelled versions', async () => {
        const first = await create('ids');
        const second = await sm().send(new PutSecretValueCommand({ SecretId: n('ids'), SecretString: 'v2' }));
        const out = await sm().send(new ListSecretVersionIdsCommand({ SecretId: n('ids') }));
        expect(out.Name).toBe(n('ids'));
        const byId = Object.fromEntries((out.Versions ?? []).map((v) => [v.VersionId, v.VersionStages]));
        expect(byId).toEqual({
          [first.versionId]: ['AWSPREVIOUS'],
          [second.VersionId ?? '']: ['AWSCURRENT'],
        });
        for (const v of out.Versions ?? []) expect(v.CreatedDate).toBeInstanceOf(Date);
      });

      it.skipIf(isMoto)(
        'answers with the ARN, and leaves deprecated versions out unless IncludeDeprecated (moto: name, all)',
        async () => {
          const first = await create('ids-dep');
          await sm().send(new PutSecretValueCommand({ SecretId: n('ids-dep'), SecretString: 'v2' }));
          await sm().send(new PutSecretValueCommand({ SecretId: n('ids-dep'), SecretString: 'v3' }));
          const out = await sm().send(new ListSecretVersionIdsCommand({ SecretId: n('ids-dep') }));
          expect(out.ARN).toBe(first.arn);
          expect((out.Versions ?? []).map((v) => v.VersionId)).not.toContain(first.versionId);
          const all = await sm().send(
            new ListSecretVersionIdsCommand({ SecretId: n('ids-dep'), IncludeDeprecated: true }),
          );
          expect((all.Versions ?? []).map((v) => v.VersionId)).toContain(first.versionId);
        },
      );

      it.skipIf(isMoto)(
        'pages with MaxResults and NextToken (moto: one page, MaxResults ignored)',
        async () => {
          await create('ids-page');
          await sm().send(new PutSecretValueCommand({ SecretId: n('ids-page'), SecretString: 'v2' }));
          await sm().send(
            new PutSecretValueCommand({
              SecretId: n('ids-page'),
              SecretString: 'v3',
              VersionStages: ['BLUE'],
            }),
          );
          const seen: string[] = [];
          let next: string | undefined;
          let pages = 0;
          do {
            const out = await sm().send(
              new ListSecretVersionIdsCommand({
                SecretId: n('ids-page'),
                MaxResults: 2,
                ...(next ? { NextToken: next } : {}),
              }),
            );
            pages += 1;
            expect((out.Versions ?? []).length).toBeLessThanOrEqual(2);
            seen.push(...(out.Versions ?? []).map((v) => v.VersionId ?? ''));
            next = out.NextToken || undefined;
          } while (next && pages < 5);
          expect(pages).toBe(2);
          expect(new Set(seen).size).toBe(3);
        },
      );

      it.skipIf(isMoto)(
        'answers ResourceNotFoundException for a missing secret (moto: HTTP 500)',
        async () => {
          await expectServiceError(
            sm().send(new ListSecretVersionIdsCommand({ SecretId: n('none') })),
            'ResourceNotFoundException',
          );
        },
      );
    });

    describe('DeleteSecret and RestoreSecret', () => {
      it('schedules deletion (30 days by default); reads fail with InvalidRequestException until restored', async () => {
        await create('del');
        const before = Date.now();
        const out = await sm().send(new DeleteSecretCommand({ SecretId: n('del') }));
        expect(out.Name).toBe(n('del'));
        expect(Math.abs((out.DeletionDate?.getTime() ?? 0) - (before + 30 * DAY_MS))).toBeLessThan(DAY_MS);
        const d = await sm().send(new DescribeSecretCommand({ SecretId: n('del') }));
        expect(d.DeletedDate).toBeInstanceOf(Date);
        await expectServiceError(
          sm().send(new GetSecretValueCommand({ SecretId: n('del') })),
          'InvalidRequestException',
        );
        await expectServiceError(
          sm().send(new DeleteSecretCommand({ SecretId: n('del') })),
          'InvalidRequestException',
        );
        await sm().send(new RestoreSecretCommand({ SecretId: n('del') }));
        const got = await sm().send(new GetSecretValueCommand({ SecretId: n('del') }));
        expect(got.SecretString).toBe('v1');
        const restored = await sm().send(new DescribeSecretCommand({ SecretId: n('del') }));
        expect(restored.DeletedDate).toBeUndefined();
      });

      it('accepts a recovery window of 7 to 30 days only', async () => {
        await create('window');
        const before = Date.now();
        for (const days of [6, 31]) {
          await expectServiceError(
            sm().send(new DeleteSecretCommand({ SecretId: n('window'), RecoveryWindowInDays: days })),
            'InvalidParameterException',
          );
        }
        const out = await sm().send(
          new DeleteSecretCommand({ SecretId: n('window'), RecoveryWindowInDays: 7 }),
        );
        expect(Math.abs((out.DeletionDate?.getTime() ?? 0) - (before + 7 * DAY_MS))).toBeLessThan(DAY_MS);
      });

      it('deletes at once with ForceDeleteWithoutRecovery (not with a recovery window too)', async () => {
        await create('force');
        await expectServiceError(
          sm().send(
            new DeleteSecretCommand({
              SecretId: n('force'),
              ForceDeleteWithoutRecovery: true,
              RecoveryWindowInDays: 7,
            }),
          ),
          'InvalidParameterException',
        );
        await sm().send(new DeleteSecretCommand({ SecretId: n('force'), ForceDeleteWithoutRecovery: true }));
        await expectServiceError(
          sm().send(new GetSecretValueCommand({ SecretId: n('force') })),
          'ResourceNotFoundException',
        );
        await expectServiceError(
          sm().send(new DescribeSecretCommand({ SecretId: n('force') })),
          'ResourceNotFoundException',
        );
        await create('force', 'again');
        const got = await sm().send(new GetSecretValueCommand({ SecretId: n('force') }));
        expect(got.SecretString).toBe('again');
      });

      it('a forced delete of an unknown secret succeeds', async () => {
        const out = await sm().send(
          new DeleteSecretCommand({ SecretId: n('never'), ForceDeleteWithoutRecovery: true }),
        );
        expect(out.Name).toBe(n('never'));
      });

      it.skipIf(isMoto)(
        'refuses to create a secret whose name is scheduled for deletion: InvalidRequestException (moto: ResourceExistsException)',
        async () => {
          await create('reuse');
          await sm().send(new DeleteSecretCommand({ SecretId: n('reuse') }));
          await expectServiceError(
            sm().send(new CreateSecretCommand({ Name: n('reuse'), SecretString: 'v' })),
            'InvalidRequestException',
          );
        },
      );
    });

    describe('BatchGetSecretValue', () => {
      it('reads a list of ids; each missing id lands in Errors', async () => {
        const a = await create('batch/a', 'va');
        await create('batch/b', 'vb');
        const out = await sm().send(
          new BatchGetSecretValueCommand({ SecretIdList: [a.arn, n('batch/b'), n('batch/missing')] }),
        );
        const values = Object.fromEntries((out.SecretValues ?? []).map((v) => [v.Name, v.SecretString]));
        expect(values).toEqual({ [n('batch/a')]: 'va', [n('batch/b')]: 'vb' });
        for (const v of out.SecretValues ?? []) expect(v.VersionStages).toEqual(['AWSCURRENT']);
        expect(out.Errors).toHaveLength(1);
        expect(out.Errors?.[0]).toMatchObject({
          SecretId: n('batch/missing'),
          ErrorCode: 'ResourceNotFoundException',
        });
      });

      it('reports a secret scheduled for deletion in Errors, not in SecretValues', async () => {
        await create('batch/live');
        await create('batch/deleted');
        await sm().send(new DeleteSecretCommand({ SecretId: n('batch/deleted') }));
        const out = await sm().send(
          new BatchGetSecretValueCommand({ SecretIdList: [n('batch/live'), n('batch/deleted')] }),
        );
        expect((out.SecretValues ?? []).map((v) => v.Name)).toEqual([n('batch/live')]);
        expect((out.Errors ?? []).map((e) => e.SecretId)).toEqual([n('batch/deleted')]);
      });

      it('reads by filter, paged with MaxResults and NextToken', async () => {
        for (const i of [1, 2, 3]) await create(`bf/${i}`, `v${i}`);
        await create('elsewhere');
        const first = await sm().send(
          new BatchGetSecretValueCommand({ Filters: [{ Key: 'name', Values: [n('bf/')] }], MaxResults: 2 }),
        );
        expect(first.SecretValues).toHaveLength(2);
        expect(first.NextToken).toBeTruthy();
        const second = await sm().send(
          new BatchGetSecretValueCommand({
            Filters: [{ Key: 'name', Values: [n('bf/')] }],
            MaxResults: 2,
            NextToken: first.NextToken,
          }),
        );
        expect(second.SecretValues).toHaveLength(1);
        const all = [...(first.SecretValues ?? []), ...(second.SecretValues ?? [])]
          .map((v) => v.SecretString)
          .sort();
        expect(all).toEqual(['v1', 'v2', 'v3']);
      });

      it('refuses SecretIdList and Filters together: InvalidParameterException', async () => {
        await expectServiceError(
          sm().send(
            new BatchGetSecretValueCommand({
              SecretIdList: [n('x')],
              Filters: [{ Key: 'name', Values: ['x'] }],
            }),
          ),
          'InvalidParameterException',
        );
      });
    });

    describe('GetRandomPassword', () => {
      it('honours length, exclusions and RequireEachIncludedType', async () => {
        const out = await sm().send(
          new GetRandomPasswordCommand({
            PasswordLength: 40,
            ExcludePunctuation: true,
            ExcludeCharacters: 'abc',
          }),
        );
        const pw = out.RandomPassword ?? '';
        expect(pw).toMatch(/^[A-Za-z0-9]{40}$/);
        expect(pw).not.toMatch(/[abc]/);
        expect(pw).toMatch(/[a-z]/);
        expect(pw).toMatch(/[A-Z]/);
        expect(pw).toMatch(/[0-9]/);
        const digits = await sm().send(
          new GetRandomPasswordCommand({
            PasswordLength: 12,
            ExcludeLowercase: true,
            ExcludeUppercase: true,
            ExcludePunctuation: true,
          }),
        );
        expect(digits.RandomPassword).toMatch(/^[0-9]{12}$/);
      });
    });

    describe('TagResource and UntagResource', () => {
      it('adds, overwrites and removes tags', async () => {
        await sm().send(
          new CreateSecretCommand({ Name: n('tags'), SecretString: 'v', Tags: [{ Key: 'a', Value: '1' }] }),
        );
        await sm().send(
          new TagResourceCommand({
            SecretId: n('tags'),
            Tags: [
              { Key: 'a', Value: '2' },
              { Key: 'b', Value: '3' },
            ],
          }),
        );
        let d = await sm().send(new DescribeSecretCommand({ SecretId: n('tags') }));
        expect([...(d.Tags ?? [])].sort((x, y) => (x.Key ?? '').localeCompare(y.Key ?? ''))).toEqual([
          { Key: 'a', Value: '2' },
          { Key: 'b', Value: '3' },
        ]);
        await sm().send(new UntagResourceCommand({ SecretId: n('tags'), TagKeys: ['a'] }));
        d = await sm().send(new DescribeSecretCommand({ SecretId: n('tags') }));
        expect(d.Tags).toEqual([{ Key: 'b', Value: '3' }]);
      });
    });

    describe.skipIf(isMoto)(
      'RotateSecret and CancelRotateSecret (moto requires a Lambda function and rotates itself)',
      () => {
        it('records the rotation configuration and cancels it', async () => {
          await create('rot');
          const lambda = `arn:aws:lambda:${region}:123456789012:function:rotator`;
          const out = await sm().send(
            new RotateSecretCommand({
              SecretId: n('rot'),
              RotationLambdaARN: lambda,
              RotationRules: { AutomaticallyAfterDays: 30 },
              RotateImmediately: false,
            }),
          );
          expect(out.Name).toBe(n('rot'));
          let d = await sm().send(new DescribeSecretCommand({ SecretId: n('rot') }));
          expect(d.RotationEnabled).toBe(true);
          expect(d.RotationLambdaARN).toBe(lambda);
          expect(d.RotationRules?.AutomaticallyAfterDays).toBe(30);
          expect(d.NextRotationDate).toBeInstanceOf(Date);
          await sm().send(new CancelRotateSecretCommand({ SecretId: n('rot') }));
          d = await sm().send(new DescribeSecretCommand({ SecretId: n('rot') }));
          expect(d.RotationEnabled).toBe(false);
        });

        it('rotating at once puts the token as a value-less AWSPENDING version first', async () => {
          const first = await create('rot-pending');
          const lambda = `arn:aws:lambda:${region}:123456789012:function:rotator`;
          const pending = token();
          await sm().send(
            new RotateSecretCommand({
              SecretId: n('rot-pending'),
              RotationLambdaARN: lambda,
              ClientRequestToken: pending,
            }),
          );
          expect(await stagesOf(n('rot-pending'))).toEqual({
            [first.versionId]: ['AWSCURRENT'],
            [pending]: ['AWSPENDING'],
          });
          await expectServiceError(
            sm().send(new GetSecretValueCommand({ SecretId: n('rot-pending'), VersionStage: 'AWSPENDING' })),
            'ResourceNotFoundException',
          );
          await sm().send(
            new PutSecretValueCommand({
              SecretId: n('rot-pending'),
              ClientRequestToken: pending,
              SecretString: 'v2',
              VersionStages: ['AWSPENDING'],
            }),
          );
          const got = await sm().send(
            new GetSecretValueCommand({ SecretId: n('rot-pending'), VersionStage: 'AWSPENDING' }),
          );
          expect([got.VersionId, got.SecretString]).toEqual([pending, 'v2']);
          await expectServiceError(
            sm().send(
              new RotateSecretCommand({
                SecretId: n('rot-pending'),
                RotationLambdaARN: lambda,
                ClientRequestToken: token(),
              }),
            ),
            'InvalidRequestException',
          );
        });
      },
    );

    describe('replication', () => {
      const replica = (): SecretsManagerClientLike => getClient(replicaRegion);

      it('replicates at creation: reads in the replica region follow the primary', async () => {
        const created = await sm().send(
          new CreateSecretCommand({
            Name: n('rep'),
            SecretString: 'v1',
            AddReplicaRegions: [{ Region: replicaRegion }],
          }),
        );
        expect(created.ReplicationStatus).toEqual([
          expect.objectContaining({ Region: replicaRegion, Status: 'InSync' }),
        ]);
        const replicaArn = (created.ARN ?? '').replace(`:${region}:`, `:${replicaRegion}:`);
        let got = await replica().send(new GetSecretValueCommand({ SecretId: n('rep') }));
        expect(got.SecretString).toBe('v1');
        expect(got.ARN).toBe(replicaArn);
        await sm().send(new PutSecretValueCommand({ SecretId: n('rep'), SecretString: 'v2' }));
        got = await replica().send(
          new GetSecretValueCommand({ SecretId: replicaArn, VersionStage: 'AWSCURRENT' }),
        );
        expect(got.SecretString).toBe('v2');
        const d = await replica().send(new DescribeSecretCommand({ SecretId: n('rep') }));
        expect(d.PrimaryRegion).toBe(region);
        const primary = await sm().send(new DescribeSecretCommand({ SecretId: n('rep') }));
        expect(primary.ReplicationStatus).toEqual([
          expect.objectContaining({ Region: replicaRegion, Status: 'InSync' }),
        ]);
      });

      it('refuses writes to a replica: InvalidParameterException', async () => {
        await sm().send(
          new CreateSecretCommand({
            Name: n('rep-w'),
            SecretString: 'v1',
            AddReplicaRegions: [{ Region: replicaRegion }],
          }),
        );
        const error = await expectServiceError(
          replica().send(new PutSecretValueCommand({ SecretId: n('rep-w'), SecretString: 'v2' })),
          'InvalidParameterException',
        );
        expect(error.message).toMatch(/replica/i);
        await expectServiceError(
          replica().send(new UpdateSecretCommand({ SecretId: n('rep-w'), SecretString: 'v2' })),
          'InvalidParameterException',
        );
      });

      it('refuses to delete a primary that still has replicas', async () => {
        await sm().send(
          new CreateSecretCommand({
            Name: n('rep-d'),
            SecretString: 'v1',
            AddReplicaRegions: [{ Region: replicaRegion }],
          }),
        );
        await expectServiceError(
          sm().send(new DeleteSecretCommand({ SecretId: n('rep-d') })),
          'InvalidParameterException',
        );
      });

      it('ReplicateSecretToRegions adds a replica; RemoveRegionsFromReplication removes it', async () => {
        await create('rep-later');
        const out = await sm().send(
          new ReplicateSecretToRegionsCommand({
            SecretId: n('rep-later'),
            AddReplicaRegions: [{ Region: replicaRegion }],
          }),
        );
        expect(out.ReplicationStatus).toEqual([expect.objectContaining({ Region: replicaRegion })]);
        const got = await replica().send(new GetSecretValueCommand({ SecretId: n('rep-later') }));
        expect(got.SecretString).toBe('v1');
        await sm().send(
          new RemoveRegionsFromReplicationCommand({
            SecretId: n('rep-later'),
            RemoveReplicaRegions: [replicaRegion],
          }),
        );
        await expectServiceError(
          replica().send(new GetSecretValueCommand({ SecretId: n('rep-later') })),
          'ResourceNotFoundException',
        );
        await sm().send(
          new DeleteSecretCommand({ SecretId: n('rep-later'), ForceDeleteWithoutRecovery: true }),
        );
      });

      it.skipIf(isMoto)(
        'StopReplicationToReplica promotes the replica to a standalone secret (moto: not implemented)',
        async () => {
          await sm().send(
            new CreateSecretCommand({
              Name: n('promote'),
              SecretString: 'v1',
              AddReplicaRegions: [{ Region: replicaRegion }],
            }),
          );
          await replica().send(new StopReplicationToReplicaCommand({ SecretId: n('promote') }));
          await replica().send(
            new PutSecretValueCommand({ SecretId: n('promote'), SecretString: 'promoted' }),
          );
          const got = await replica().send(new GetSecretValueCommand({ SecretId: n('promote') }));
          expect(got.SecretString).toBe('promoted');
          const primary = await sm().send(new GetSecretValueCommand({ SecretId: n('promote') }));
          expect(primary.SecretString).toBe('v1');
        },
      );
    });
  });
}
