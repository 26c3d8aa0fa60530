/**
 * From an SDK command object to the fake's handler. Commands are recognised by class (the
 * SDK's command classes), then by the operation name in the command's schema, then by class
 * name, so a second copy of the SDK in the user's tree still works.
 */
import {
  BatchGetSecretValueCommand,
  CancelRotateSecretCommand,
  CreateSecretCommand,
  DeleteResourcePolicyCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetRandomPasswordCommand,
  GetResourcePolicyCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  PutResourcePolicyCommand,
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
  ValidateResourcePolicyCommand,
} from '@aws-sdk/client-secrets-manager';
import type { HandlerContext } from './context.js';
import { UnsupportedCommandError } from './errors.js';
import { deleteSecret, restoreSecret } from './handlers/lifecycle.js';
import { describeSecret, listSecrets, listSecretVersionIds } from './handlers/metadata.js';
import { getRandomPassword } from './handlers/password.js';
import {
  deleteResourcePolicy,
  getResourcePolicy,
  putResourcePolicy,
  validateResourcePolicy,
} from './handlers/policy.js';
import {
  removeRegionsFromReplication,
  replicateSecretToRegions,
  stopReplicationToReplica,
} from './handlers/replication.js';
import { cancelRotateSecret, rotateSecret } from './handlers/rotation.js';
import { updateSecretVersionStage } from './handlers/stages.js';
import { tagResource, untagResource } from './handlers/tags.js';
import { batchGetSecretValue, getSecretValue } from './handlers/values.js';
import { createSecret, putSecretValue, updateSecret } from './handlers/writes.js';

/** A handler with its input type erased (the dispatcher passes the command's input through). */
type AnyHandler = (ctx: HandlerContext, input: never) => unknown;

/** A command resolved to its operation. */
export interface ResolvedCommand {
  /** Operation name, e.g. `GetSecretValue`. */
  readonly operation: string;
  readonly handler: AnyHandler;
  /** The command's input. */
  readonly input: unknown;
}

type CommandClass = abstract new (...args: never[]) => unknown;

const TABLE: ReadonlyArray<readonly [CommandClass, string, AnyHandler]> = [
  [BatchGetSecretValueCommand, 'BatchGetSecretValue', batchGetSecretValue],
  [CancelRotateSecretCommand, 'CancelRotateSecret', cancelRotateSecret],
  [CreateSecretCommand, 'CreateSecret', createSecret],
  [DeleteResourcePolicyCommand, 'DeleteResourcePolicy', deleteResourcePolicy],
  [DeleteSecretCommand, 'DeleteSecret', deleteSecret],
  [DescribeSecretCommand, 'DescribeSecret', describeSecret],
  [GetRandomPasswordCommand, 'GetRandomPassword', getRandomPassword],
  [GetResourcePolicyCommand, 'GetResourcePolicy', getResourcePolicy],
  [GetSecretValueCommand, 'GetSecretValue', getSecretValue],
  [ListSecretsCommand, 'ListSecrets', listSecrets],
  [ListSecretVersionIdsCommand, 'ListSecretVersionIds', listSecretVersionIds],
  [PutResourcePolicyCommand, 'PutResourcePolicy', putResourcePolicy],
  [PutSecretValueCommand, 'PutSecretValue', putSecretValue],
  [RemoveRegionsFromReplicationCommand, 'RemoveRegionsFromReplication', removeRegionsFromReplication],
  [ReplicateSecretToRegionsCommand, 'ReplicateSecretToRegions', replicateSecretToRegions],
  [RestoreSecretCommand, 'RestoreSecret', restoreSecret],
  [RotateSecretCommand, 'RotateSecret', rotateSecret],
  [StopReplicationToReplicaCommand, 'StopReplicationToReplica', stopReplicationToReplica],
  [TagResourceCommand, 'TagResource', tagResource],
  [UntagResourceCommand, 'UntagResource', untagResource],
  [UpdateSecretCommand, 'UpdateSecret', updateSecret],
  [UpdateSecretVersionStageCommand, 'UpdateSecretVersionStage', updateSecretVersionStage],
  [ValidateResourcePolicyCommand, 'ValidateResourcePolicy', validateResourcePolicy],
];

const BY_CLASS = new Map<unknown, string>(TABLE.map(([cls, op]) => [cls, op]));
const BY_OPERATION = new Map<string, AnyHandler>(TABLE.map(([, op, handler]) => [op, handler]));

/** Every operation the fake implements. */
export const SUPPORTED_OPERATIONS: readonly string[] = TABLE.map(([, op]) => op);

function className(command: object): string {
  const ctor: unknown = (command as { constructor?: unknown }).constructor;
  return typeof ctor === 'function' && ctor.name !== '' ? ctor.name : typeof command;
}

function operationName(command: object): string | undefined {
  const byClass = BY_CLASS.get((command as { constructor?: unknown }).constructor);
  if (byClass !== undefined) return byClass;
  const schema: unknown = (command as { schema?: unknown }).schema;
  if (
    Array.isArray(schema) &&
    schema[1] === 'com.amazonaws.secretsmanager' &&
    typeof schema[2] === 'string'
  ) {
    return schema[2];
  }
  const name = className(command);
  return name.endsWith('Command') ? name.slice(0, -'Command'.length) : undefined;
}

/**
 * Resolves a command sent to the fake.
 *
 * @throws UnsupportedCommandError - for anything that is not a supported Secrets Manager command
 */
export function resolveCommand(command: unknown): ResolvedCommand {
  if (typeof command !== 'object' || command === null) throw new UnsupportedCommandError(String(command));
  const operation = operationName(command);
  const handler = operation === undefined ? undefined : BY_OPERATION.get(operation);
  if (operation === undefined || handler === undefined) throw new UnsupportedCommandError(className(command));
  const input: unknown = (command as { input?: unknown }).input ?? {};
  return { operation, handler, input };
}
