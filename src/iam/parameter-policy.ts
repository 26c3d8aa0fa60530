/**
 * The identity policy an application needs to read Parameter Store parameters (and
 * SecureStrings' KMS keys, and secrets read through `/aws/reference/secretsmanager/…`).
 */
import { SecretkitError } from '../errors/secretkit-error.js';
import { parseKmsKeyArn } from './kms-keys.js';
import { normalizePolicy } from './normalize.js';
import { secretResources } from './secret-refs.js';
import type { PolicyDocument, PolicyStatement } from './types.js';

const REFERENCE_PREFIX = '/aws/reference/secretsmanager/';

/** A parameter a policy is about: a name (selector allowed, ignored) or `{ path }` for everything under it. */
export type ParameterRef =
  | string
  | {
      /** A hierarchy path, e.g. `/app/prod`: GetParametersByPath on it and reads of everything below. */
      readonly path: string;
    };

/** Options of {@link parameterReaderPolicy}. */
export interface ParameterReaderPolicyOptions {
  /** The parameters (names, `{ path }`, or `/aws/reference/secretsmanager/<secret>` references). */
  readonly parameters: readonly ParameterRef[];
  /** The parameters' account (12 digits). */
  readonly accountId: string;
  /** The parameters' region. */
  readonly region: string;
  /** Partition. @defaultValue `'aws'` */
  readonly partition?: string | undefined;
  /**
   * Customer-managed KMS key ARNs of SecureStrings: `kms:Decrypt` only via Parameter Store
   * (`kms:ViaService` = `ssm.<region>.amazonaws.com`). Leave out the AWS managed key `aws/ssm`.
   * @defaultValue []
   */
  readonly kmsKeys?: readonly string[] | undefined;
  /** Customer-managed KMS keys of secrets read through references (granted via Secrets Manager). @defaultValue [] */
  readonly secretKmsKeys?: readonly string[] | undefined;
}

/** The Parameter Store read actions secretkit uses. */
export const PARAMETER_READ_ACTIONS: readonly string[] = ['ssm:GetParameter', 'ssm:GetParameters'];

function parameterArn(name: string, o: ParameterReaderPolicyOptions): string {
  const base = name.startsWith('arn:') ? name : name.split(':')[0];
  if (base === undefined || base === '') {
    throw new SecretkitError('INVALID_ARGUMENT', 'A parameter name must not be empty.', {
      details: { option: 'parameters' },
    });
  }
  if (base.startsWith('arn:')) return base;
  return `arn:${o.partition ?? 'aws'}:ssm:${o.region}:${o.accountId}:parameter/${base.replace(/^\/+/, '')}`;
}

function viaStatement(keys: readonly string[], service: 'ssm' | 'secretsmanager'): PolicyStatement[] {
  const byRegion = new Map<string, string[]>();
  for (const arn of keys) {
    const { region } = parseKmsKeyArn(arn);
    byRegion.set(region, [...(byRegion.get(region) ?? []), arn]);
  }
  return [...byRegion].map(([region, arns]) => ({
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: arns,
    Condition: { StringEquals: { 'kms:ViaService': `${service}.${region}.amazonaws.com` } },
  }));
}

/**
 * The least-privilege identity policy to read the given parameters:
 * - `ssm:GetParameter` and `ssm:GetParameters` on exactly those parameters;
 * - for a `{ path }`: `ssm:GetParametersByPath` on the path, and the reads on `path/*`;
 * - for `/aws/reference/secretsmanager/<secret>`: `ssm:GetParameter` on the reference, and
 *   `secretsmanager:GetSecretValue` on the secret (Parameter Store reads it as the caller);
 * - `kms:Decrypt` on SecureStrings' customer-managed keys, only via Parameter Store in the key's region.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` for bad input (an empty name, a KMS alias instead of a key ARN)
 */
export function parameterReaderPolicy(options: ParameterReaderPolicyOptions): PolicyDocument {
  if (!/^[0-9]{12}$/.test(options.accountId)) {
    throw new SecretkitError('INVALID_ARGUMENT', 'accountId must be 12 digits.', {
      details: { option: 'accountId' },
    });
  }
  const reads: string[] = [];
  const paths: string[] = [];
  const secrets: string[] = [];
  for (const ref of options.parameters) {
    if (typeof ref === 'string') {
      reads.push(parameterArn(ref, options));
      if (ref.startsWith(REFERENCE_PREFIX)) {
        const secretId = ref.slice(REFERENCE_PREFIX.length).split(':')[0] ?? '';
        secrets.push(...secretResources(secretId, options));
      }
    } else {
      const arn = parameterArn(ref.path.replace(/\/+$/, ''), options);
      paths.push(arn);
      reads.push(`${arn}/*`);
    }
  }
  const statements: PolicyStatement[] = [];
  if (reads.length > 0) statements.push({ Effect: 'Allow', Action: PARAMETER_READ_ACTIONS, Resource: reads });
  if (paths.length > 0)
    statements.push({ Effect: 'Allow', Action: 'ssm:GetParametersByPath', Resource: paths });
  if (secrets.length > 0)
    statements.push({ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: secrets });
  statements.push(...viaStatement(options.kmsKeys ?? [], 'ssm'));
  statements.push(...viaStatement(options.secretKmsKeys ?? [], 'secretsmanager'));
  return normalizePolicy(statements);
}
