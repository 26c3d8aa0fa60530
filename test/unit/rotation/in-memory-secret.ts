/**
 * One secret in `secretkit/testing`'s InMemorySecretsManager for the rotation unit tests, with
 * small helpers over its public API: the state is set up and read through SDK commands
 * (PutSecretValue, UpdateSecretVersionStage, RotateSecret, DescribeSecret, GetSecretValue), and
 * `client` records the commands the code under test sends, for assertions on their inputs.
 */
import {
  CancelRotateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  RotateSecretCommand,
  type SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import type { SecretsManagerClientLike } from '../../../src/sdk/client-like.js';
import { InMemorySecretsManager } from '../../../src/testing/index.js';

/** Version ids are ClientRequestTokens (32–64 characters) on AWS: `vid('v1')` pads a short name. */
export const vid = (short: string): string => `${short}-`.padEnd(32, '0');

/** The id of the secret's first version (AWSCURRENT with the initial value). */
export const V1 = vid('v1');

/** A Lambda ARN for RotateSecret (the fake runs no function unless given one). */
export const LAMBDA = 'arn:aws:lambda:us-east-1:123456789012:function:rotate';

/** One command the code under test sent through `client`. */
interface SentCommand {
  readonly operation: string;
  readonly input: unknown;
}

/** The fake, the secret, and the helpers. */
export interface InMemorySecret {
  readonly fake: InMemorySecretsManager;
  /** The client to give the code under test: the fake's, recording each command sent. */
  readonly client: SecretsManagerClientLike;
  readonly name: string;
  readonly arn: string;
  /** Inputs of the commands of `operation` sent through `client`, oldest first. */
  sent(operation: string): Record<string, unknown>[];
  /** Labels by version id, labelled versions only (DescribeSecret's VersionIdsToStages). */
  stages(): Promise<Record<string, string[]>>;
  /** The id of the version carrying `stage`. */
  holder(stage: string): Promise<string | undefined>;
  /** The SecretString of a version, or undefined when it has none (RotateSecret's placeholder). */
  value(versionId: string): Promise<string | undefined>;
  /** Adds a version with `value` and `stages` (none: an unlabelled, deprecated version). */
  addVersion(versionId: string, value: string, stages?: readonly string[]): Promise<void>;
  /** Moves `stage` to `versionId` (AWSCURRENT leaving a version puts AWSPREVIOUS on it). */
  label(stage: string, versionId: string): Promise<void>;
  /**
   * Turns rotation on with RotateSecret; with a token, the service's value-less AWSPENDING
   * version `token`, as before it invokes the rotation function.
   */
  enableRotation(token?: string): Promise<void>;
  /** Turns rotation off (CancelRotateSecret; labels stay). */
  disableRotation(): Promise<void>;
}

/** The operation name of an SDK command (`GetSecretValueCommand` → `GetSecretValue`). */
function operationOf(command: unknown): string {
  const name = (command as { constructor: { name: string } }).constructor.name;
  return name.replace(/Command$/, '');
}

/**
 * Creates a fake with one secret `name` whose first version {@link V1} is AWSCURRENT with `initial`.
 *
 * @param options.maxPageSize - ListSecretVersionIds page size (small, to exercise paging)
 */
export function createInMemorySecret(
  name: string,
  initial: string,
  options: { readonly maxPageSize?: number } = {},
): InMemorySecret {
  const fake = new InMemorySecretsManager({ seed: 7, maxPageSize: options.maxPageSize ?? 2 });
  const { arn } = fake.seed({ name, versions: [{ versionId: V1, value: initial }] });
  const log: SentCommand[] = [];
  const send = (command: unknown, ...rest: unknown[]): unknown => {
    log.push({ operation: operationOf(command), input: (command as { input: unknown }).input });
    return (fake.send as (...args: unknown[]) => unknown)(command, ...rest);
  };
  const client = { send } as unknown as Pick<SecretsManagerClient, 'send'>;
  const stages = async () =>
    (await fake.send(new DescribeSecretCommand({ SecretId: arn }))).VersionIdsToStages ?? {};
  const holder = async (stage: string) =>
    Object.entries(await stages()).find(([, labels]) => labels.includes(stage))?.[0];
  const label = async (stage: string, versionId: string) => {
    const from = await holder(stage);
    if (from === versionId) return;
    await fake.send(
      new UpdateSecretVersionStageCommand({
        SecretId: arn,
        VersionStage: stage,
        MoveToVersionId: versionId,
        ...(from === undefined ? {} : { RemoveFromVersionId: from }),
      }),
    );
  };
  return {
    fake,
    client,
    name,
    arn,
    sent: (operation) =>
      log.filter((c) => c.operation === operation).map((c) => c.input as Record<string, unknown>),
    stages,
    holder,
    async value(versionId) {
      try {
        const out = await fake.send(new GetSecretValueCommand({ SecretId: arn, VersionId: versionId }));
        return out.SecretString;
      } catch (error) {
        if ((error as Error).name === 'ResourceNotFoundException') return undefined;
        throw error;
      }
    },
    async addVersion(versionId, value, labels = []) {
      const unlabelled = labels.length === 0;
      await fake.send(
        new PutSecretValueCommand({
          SecretId: arn,
          ClientRequestToken: versionId,
          SecretString: value,
          VersionStages: unlabelled ? ['SETUP'] : [...labels],
        }),
      );
      if (unlabelled) {
        await fake.send(
          new UpdateSecretVersionStageCommand({
            SecretId: arn,
            VersionStage: 'SETUP',
            RemoveFromVersionId: versionId,
          }),
        );
      }
    },
    label,
    async enableRotation(token) {
      await fake.send(
        new RotateSecretCommand({
          SecretId: arn,
          RotationLambdaARN: LAMBDA,
          RotationRules: { AutomaticallyAfterDays: 30 },
          ...(token === undefined ? { RotateImmediately: false } : { ClientRequestToken: token }),
        }),
      );
    },
    async disableRotation() {
      await fake.send(new CancelRotateSecretCommand({ SecretId: arn }));
    },
  };
}
