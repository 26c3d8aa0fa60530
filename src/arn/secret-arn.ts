/**
 * Secrets Manager ARNs: `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<suffix>`,
 * where `<suffix>` is the six random characters Secrets Manager appends. A *partial* ARN has
 * no suffix.
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { describeInput, secretNameProblem } from './secret-name.js';

/** The parts of a Secrets Manager ARN. */
export interface SecretArnParts {
  /** `aws`, `aws-cn`, `aws-us-gov`, ... */
  readonly partition: string;
  /** The region, e.g. `us-east-1`. */
  readonly region: string;
  /** The 12-digit account id. */
  readonly accountId: string;
  /** The secret name, without the random suffix. */
  readonly name: string;
  /** The six random characters after the last `-`, or `undefined` for a partial ARN. */
  readonly suffix: string | undefined;
}

const PARTITION = /^aws(-[a-z]+)*$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-[0-9]+$/;
const ACCOUNT = /^[0-9]{12}$/;
const SUFFIX = /^[A-Za-z0-9]{6}$/;
const SUFFIXED = /^(.+)-([A-Za-z0-9]{6})$/;
const MAX_ARN_LENGTH = 2048;

function invalid(arn: unknown, why: string): SecretkitError {
  return new SecretkitError(
    'INVALID_ARN',
    `${describeInput(arn)} is not a Secrets Manager secret ARN: ${why}`,
  );
}

/** Why `value` cannot be a partition / region / account / suffix, or `undefined`. */
function partProblem(parts: Omit<SecretArnParts, 'name'>): string | undefined {
  if (typeof parts.partition !== 'string' || !PARTITION.test(parts.partition)) {
    return `partition ${describeInput(parts.partition)} is not like "aws", "aws-cn" or "aws-us-gov"`;
  }
  if (typeof parts.region !== 'string' || !REGION.test(parts.region)) {
    return `region ${describeInput(parts.region)} is not like "us-east-1"`;
  }
  if (typeof parts.accountId !== 'string' || !ACCOUNT.test(parts.accountId)) {
    return `account id ${describeInput(parts.accountId)} is not 12 digits`;
  }
  if (parts.suffix !== undefined && (typeof parts.suffix !== 'string' || !SUFFIX.test(parts.suffix))) {
    return `suffix ${describeInput(parts.suffix)} is not six letters or digits`;
  }
  return undefined;
}

function splitResource(resource: string): { name: string; suffix: string | undefined } {
  const match = SUFFIXED.exec(resource);
  if (match?.[1] !== undefined && match[2] !== undefined) return { name: match[1], suffix: match[2] };
  return { name: resource, suffix: undefined };
}

/**
 * The parts of a secret ARN, or why it is not one (a string). Never throws and builds no error:
 * {@link isSecretArn} runs on every routed read, where most ids are plain names.
 */
function secretArnParts(arn: unknown): SecretArnParts | string {
  if (typeof arn !== 'string') return 'it is not a string';
  if (arn.length > MAX_ARN_LENGTH) return `it is longer than ${MAX_ARN_LENGTH} characters`;
  // Deliberately cheap first: a plain name is rejected by one prefix check, before any split.
  if (!arn.startsWith('arn:')) return 'it does not start with "arn:"';
  const fields = arn.split(':');
  if (fields.length !== 7) return 'expected arn:partition:secretsmanager:region:account:secret:name';
  const [, partition = '', service, region = '', accountId = '', type, resource = ''] = fields;
  if (service !== 'secretsmanager') return `service is ${describeInput(service)}, not "secretsmanager"`;
  if (type !== 'secret') return `resource type is ${describeInput(type)}, not "secret"`;
  const { name, suffix } = splitResource(resource);
  const problem = partProblem({ partition, region, accountId, suffix }) ?? secretNameProblem(name);
  return problem ?? { partition, region, accountId, name, suffix };
}

/**
 * Parses a Secrets Manager secret ARN. The last `-` and six letters or digits are taken as the
 * random suffix; without them the ARN is partial (`suffix: undefined`). A partial ARN whose
 * name itself ends in `-` and six characters cannot be told apart from a complete one
 * (see {@link isAmbiguousName}). `formatSecretArn(parseSecretArn(x)) === x` for every ARN
 * that parses.
 *
 * @param arn - the ARN (anything: never crashes, only throws `INVALID_ARN`)
 * @throws SecretkitError `INVALID_ARN` with the reason
 */
export function parseSecretArn(arn: unknown): SecretArnParts {
  const parts = secretArnParts(arn);
  if (typeof parts === 'string') throw invalid(arn, parts);
  return parts;
}

/**
 * True when `value` is a Secrets Manager secret ARN (complete or partial) that
 * {@link parseSecretArn} accepts.
 *
 * @param value - anything
 */
export function isSecretArn(value: unknown): value is string {
  return typeof secretArnParts(value) !== 'string';
}

/**
 * Builds a secret ARN from its parts; leave `suffix` undefined for a partial ARN.
 *
 * @param parts - partition, region, account id, name and optional suffix
 * @throws SecretkitError `INVALID_ARN` when a part is invalid
 */
export function formatSecretArn(parts: SecretArnParts): string {
  const problem = partProblem(parts) ?? secretNameProblem(parts.name);
  if (problem !== undefined) {
    throw new SecretkitError('INVALID_ARN', `cannot build a secret ARN: ${problem}`);
  }
  const tail = parts.suffix === undefined ? '' : `-${parts.suffix}`;
  return `arn:${parts.partition}:secretsmanager:${parts.region}:${parts.accountId}:secret:${parts.name}${tail}`;
}

/**
 * The same secret's ARN in another region: a replica keeps the name and the suffix of its
 * primary, only the region differs.
 *
 * @param arn - a secret ARN (complete or partial)
 * @param region - the target region, e.g. `eu-west-1`
 * @throws SecretkitError `INVALID_ARN` when `arn` or `region` is invalid
 */
export function withRegion(arn: string, region: string): string {
  return formatSecretArn({ ...parseSecretArn(arn), region });
}

/**
 * The secret name in a secret id: the name part of an ARN, or the id itself when it is a
 * name.
 *
 * @param secretId - a name or an ARN
 * @throws SecretkitError `INVALID_ARN` when `secretId` starts with `arn:` but is not a secret ARN
 */
export function secretNameOf(secretId: string): string {
  return secretId.startsWith('arn:') ? parseSecretArn(secretId).name : secretId;
}

/**
 * The secret names an id may denote, for the cache's invalidation by name: a name itself; for a
 * full or partial ARN, the part after `:secret:`, and that part without a trailing `-XXXXXX`
 * random suffix (a partial ARN whose name ends like a suffix is ambiguous, as in AWS itself).
 * Never throws: finding too many names only costs reloads.
 *
 * @param secretId - a name, full ARN or partial ARN
 */
export function secretNamesOf(secretId: string): readonly string[] {
  const at = secretId.startsWith('arn:') ? secretId.indexOf(':secret:') : -1;
  if (at === -1) return [secretId];
  const tail = secretId.slice(at + ':secret:'.length);
  const match = SUFFIXED.exec(tail);
  return match?.[1] !== undefined ? [tail, match[1]] : [tail];
}

/**
 * The identity of a secret in the cache: its ARN with the region left out, so that a replica's
 * ARN (same account, name and suffix) and the primary's denote one secret. `undefined` when the
 * ARN does not name `name` (a stub or a proxy answering with another secret's ARN): such a
 * value is then kept under the id it was read by only, never shared. Never throws.
 *
 * @param arn - the ARN AWS returned
 * @param name - the name AWS returned with it
 */
export function secretIdentityOf(arn: string, name: string): string | undefined {
  // Once per load, deliberately cheap: colon positions and character checks, no split, no
  // regex. Same rule as before: `arn:<partition>:<service>:<region>:<account>:secret:<tail>`,
  // exactly six colons, and the tail is `<name>-` plus six letters or digits.
  if (typeof arn !== 'string' || typeof name !== 'string' || name.length === 0) return undefined;
  const regionAt = regionStart(arn);
  const region = regionAt === -1 ? -1 : arn.indexOf(':', regionAt);
  const account = region === -1 ? -1 : arn.indexOf(':', region + 1);
  if (account === -1 || !arn.startsWith(':secret:', account)) return undefined;
  const tailAt = account + ':secret:'.length;
  if (arn.indexOf(':', tailAt) !== -1 || arn.length - tailAt !== name.length + 7) return undefined;
  if (!arn.startsWith(name, tailAt) || arn.charCodeAt(tailAt + name.length) !== 45 /* - */) return undefined;
  for (let i = arn.length - 6; i < arn.length; i++) {
    const c = arn.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return undefined;
  }
  return arn.slice(0, regionAt) + arn.slice(region);
}

/**
 * Where the region field of an `arn:<partition>:<service>:<region>:…` string starts (after the
 * service's colon), or -1 for a string with fewer fields. No parsing beyond the colons.
 */
function regionStart(arn: string): number {
  if (!arn.startsWith('arn:')) return -1;
  const partition = arn.indexOf(':', 4);
  const service = partition === -1 ? -1 : arn.indexOf(':', partition + 1);
  return service === -1 ? -1 : service + 1;
}

/**
 * An ARN with its region field emptied (a replica's ARN and its primary's are then equal), or
 * the string unchanged when it has no region field. Never throws.
 *
 * @param arn - any `arn:` string
 */
export function withoutRegion(arn: string): string {
  const at = regionStart(arn);
  const end = at === -1 ? -1 : arn.indexOf(':', at);
  return end === -1 ? arn : arn.slice(0, at) + arn.slice(end);
}

/**
 * The ARN of a secret identity ({@link secretIdentityOf}) in `region`: the region put back.
 * `undefined` for a string that is not such an identity. Never throws.
 *
 * @param identity - a region-free secret ARN
 * @param region - the region to put in
 */
export function identityArnIn(identity: string, region: string): string | undefined {
  const at = regionStart(identity);
  if (at === -1 || identity.charCodeAt(at) !== 58 /* : an empty region */) return undefined;
  return `${identity.slice(0, at)}${region}${identity.slice(at)}`;
}
