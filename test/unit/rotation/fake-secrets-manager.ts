/**
 * An in-memory Secrets Manager for rotation unit tests, behind aws-sdk-client-mock: one secret,
 * its versions and labels, with AWS's label rules (UpdateSecretVersionStage needs the right
 * RemoveFromVersionId; moving AWSCURRENT puts AWSPREVIOUS on the old version; PutSecretValue
 * with a token is idempotent for the same value).
 */
import {
  CancelRotateSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetSecretValueCommand,
  InvalidParameterException,
  ListSecretVersionIdsCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RotateSecretCommand,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';

/** One version of the fake secret. */
export interface FakeVersion {
  readonly stages: Set<string>;
  value: string | undefined;
}

/** The fake and its state. */
export interface FakeSecretsManager {
  readonly client: SecretsManagerClient;
  readonly mock: AwsClientStub<SecretsManagerClient>;
  readonly name: string;
  readonly arn: string;
  readonly versions: Map<string, FakeVersion>;
  rotationEnabled: boolean;
  /** Labels by version id, labelled versions only (like DescribeSecret). */
  stages(): Record<string, string[]>;
  /** The id of the version carrying `stage`. */
  holder(stage: string): string | undefined;
}

const meta = { $metadata: {} };
const notFound = (message: string) => new ResourceNotFoundException({ message, ...meta });
const invalid = (message: string) => new InvalidParameterException({ message, ...meta });

/**
 * Creates the fake with one secret `name` whose first version `v1` is AWSCURRENT with `initial`.
 *
 * @param name - the secret's name
 * @param initial - its first value
 * @param pageSize - ListSecretVersionIds page size (small, to exercise paging)
 */
export function createFakeSecretsManager(name: string, initial: string, pageSize = 2): FakeSecretsManager {
  const client = new SecretsManagerClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  const arn = `arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf`;
  const versions = new Map<string, FakeVersion>([
    ['v1', { stages: new Set(['AWSCURRENT']), value: initial }],
  ]);
  const fake: FakeSecretsManager = {
    client,
    mock,
    name,
    arn,
    versions,
    rotationEnabled: false,
    stages() {
      const out: Record<string, string[]> = {};
      for (const [id, v] of versions) if (v.stages.size > 0) out[id] = [...v.stages];
      return out;
    },
    holder(stage) {
      for (const [id, v] of versions) if (v.stages.has(stage)) return id;
      return undefined;
    },
  };
  const check = (id: string | undefined): void => {
    if (id !== name && id !== arn) throw notFound("Secrets Manager can't find the specified secret.");
  };
  const attach = (stage: string, to: string): void => {
    const from = fake.holder(stage);
    if (from !== undefined && from !== to) {
      versions.get(from)?.stages.delete(stage);
      if (stage === 'AWSCURRENT') {
        const prev = fake.holder('AWSPREVIOUS');
        if (prev !== undefined) versions.get(prev)?.stages.delete('AWSPREVIOUS');
        versions.get(from)?.stages.add('AWSPREVIOUS');
      }
    }
    const target = versions.get(to);
    target?.stages.add(stage);
    if (stage === 'AWSCURRENT') target?.stages.delete('AWSPREVIOUS');
  };

  mock.on(DescribeSecretCommand).callsFake((input) => {
    check(input.SecretId);
    return { ARN: arn, Name: name, RotationEnabled: fake.rotationEnabled, VersionIdsToStages: fake.stages() };
  });
  mock.on(GetSecretValueCommand).callsFake((input) => {
    check(input.SecretId);
    const stage = input.VersionStage ?? (input.VersionId ? undefined : 'AWSCURRENT');
    const id = input.VersionId ?? (stage ? fake.holder(stage) : undefined);
    const v = id === undefined ? undefined : versions.get(id);
    if (!v || (stage !== undefined && !v.stages.has(stage)) || v.value === undefined) {
      throw notFound("Secrets Manager can't find the specified secret value.");
    }
    return { ARN: arn, Name: name, VersionId: id, VersionStages: [...v.stages], SecretString: v.value };
  });
  mock.on(PutSecretValueCommand).callsFake((input) => {
    check(input.SecretId);
    const id = input.ClientRequestToken ?? `v${versions.size + 1}`;
    const existing = versions.get(id);
    if (existing?.value !== undefined) {
      if (existing.value !== input.SecretString)
        throw new ResourceExistsException({ message: 'exists', ...meta });
      return { ARN: arn, Name: name, VersionId: id, VersionStages: [...existing.stages] };
    }
    if (existing) existing.value = input.SecretString;
    else versions.set(id, { stages: new Set(), value: input.SecretString });
    for (const stage of input.VersionStages ?? ['AWSCURRENT']) attach(stage, id);
    return { ARN: arn, Name: name, VersionId: id, VersionStages: [...(versions.get(id)?.stages ?? [])] };
  });
  mock.on(UpdateSecretVersionStageCommand).callsFake((input) => {
    check(input.SecretId);
    const stage = input.VersionStage ?? '';
    const holder = fake.holder(stage);
    if (input.MoveToVersionId !== undefined && !versions.has(input.MoveToVersionId))
      throw invalid('no such version');
    if (input.RemoveFromVersionId !== undefined && input.RemoveFromVersionId !== holder) {
      throw invalid('label is not on RemoveFromVersionId');
    }
    if (holder !== undefined && holder !== input.MoveToVersionId && input.RemoveFromVersionId === undefined) {
      throw invalid('label is attached to another version; RemoveFromVersionId is required');
    }
    if (input.MoveToVersionId !== undefined) attach(stage, input.MoveToVersionId);
    else if (holder !== undefined) versions.get(holder)?.stages.delete(stage);
    return { ARN: arn, Name: name };
  });
  mock.on(ListSecretVersionIdsCommand).callsFake((input) => {
    check(input.SecretId);
    const all = [...versions.entries()].filter(([, v]) => input.IncludeDeprecated || v.stages.size > 0);
    const start = Number(input.NextToken ?? 0);
    const page = all.slice(start, start + pageSize);
    return {
      ARN: arn,
      Name: name,
      Versions: page.map(([id, v]) => ({ VersionId: id, VersionStages: [...v.stages] })),
      ...(start + pageSize < all.length ? { NextToken: String(start + pageSize) } : {}),
    };
  });
  let counter = 0;
  mock.on(GetRandomPasswordCommand).callsFake((input) => {
    counter += 1;
    const length = input.PasswordLength ?? 32;
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789:/@"\'\\'
      .split('')
      .filter((c) => !(input.ExcludeCharacters ?? '').includes(c));
    const chars = Array.from({ length }, (_, i) => alphabet[(i + counter) % alphabet.length]);
    return { RandomPassword: chars.join('') };
  });
  mock.on(RotateSecretCommand).callsFake((input) => {
    check(input.SecretId);
    fake.rotationEnabled = true;
    return { ARN: arn, Name: name, VersionId: input.ClientRequestToken ?? 'rotated' };
  });
  mock.on(CancelRotateSecretCommand).callsFake((input) => {
    check(input.SecretId);
    fake.rotationEnabled = false;
    return { ARN: arn, Name: name };
  });
  return fake;
}
