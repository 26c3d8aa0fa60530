/**
 * Parameter Store reads and writes: GetParameter, GetParameters (10 names a call),
 * GetParametersByPath (recursive, paged) and PutParameter, each through {@link awsCall}.
 */
import {
  GetParameterCommand,
  GetParametersByPathCommand,
  type GetParametersByPathCommandOutput,
  GetParametersCommand,
  type Parameter,
  PutParameterCommand,
} from '@aws-sdk/client-ssm';
import type { SecretkitError } from '../errors/secretkit-error.js';
import { withLinkedSignal } from '../sdk/linked-signal.js';
import { type AwsCallContext, awsCall } from './aws-call.js';
import { CachedParameter, type ParameterType } from './cached-parameter.js';
import { parameterNotFound, toParameterError } from './errors.js';
import type { SSMClientLike } from './options.js';

/** The API's limit of names per GetParameters call. */
export const GET_PARAMETERS_BATCH_SIZE = 10;

/** What the fetches need. */
export interface SsmFetchContext {
  readonly client: () => SSMClientLike;
  readonly withDecryption: boolean;
  readonly call: (operation: string) => AwsCallContext;
}

function toCached(requested: string, p: Parameter): CachedParameter {
  return new CachedParameter(
    {
      name: p.Name ?? requested,
      type: (p.Type ?? 'String') as ParameterType,
      version: p.Version ?? 0,
      arn: p.ARN,
    },
    p.Value ?? '',
  );
}

/**
 * GetParameter of one name (with its selector).
 *
 * @throws SecretkitError `NOT_FOUND`, `ACCESS_DENIED`, `DECRYPTION_FAILURE`, faults
 */
export async function fetchParameter(
  ctx: SsmFetchContext,
  name: string,
  signal?: AbortSignal,
): Promise<CachedParameter> {
  try {
    const out = await awsCall(ctx.call('GetParameter'), (callSignal) =>
      withLinkedSignal([signal, callSignal], (abortSignal) =>
        ctx.client().send(new GetParameterCommand({ Name: name, WithDecryption: ctx.withDecryption }), {
          abortSignal,
        }),
      ),
    );
    if (out.Parameter === undefined) throw parameterNotFound(name, 'GetParameter');
    return toCached(name, out.Parameter);
  } catch (error) {
    throw toParameterError(error, 'GetParameter', name);
  }
}

/** The outcome of a batch: values and per-name errors, keyed by the name as requested. */
export interface BatchOutcome {
  readonly values: Map<string, CachedParameter>;
  readonly errors: Map<string, SecretkitError>;
}

function requestedNameOf(p: Parameter, requested: ReadonlySet<string>): string | undefined {
  const selector = p.Selector ?? '';
  for (const candidate of [`${p.Name ?? ''}${selector}`, `${p.ARN ?? ''}${selector}`, p.Name ?? '']) {
    if (requested.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * GetParameters for any number of names, 10 per call. A failed call fails its names only.
 *
 * @param names - distinct names (with selectors)
 */
export async function fetchParameters(ctx: SsmFetchContext, names: readonly string[]): Promise<BatchOutcome> {
  const values = new Map<string, CachedParameter>();
  const errors = new Map<string, SecretkitError>();
  const chunks: string[][] = [];
  for (let i = 0; i < names.length; i += GET_PARAMETERS_BATCH_SIZE) {
    chunks.push(names.slice(i, i + GET_PARAMETERS_BATCH_SIZE));
  }
  await Promise.all(
    chunks.map(async (chunk) => {
      try {
        const out = await awsCall(ctx.call('GetParameters'), (abortSignal) =>
          ctx.client().send(new GetParametersCommand({ Names: chunk, WithDecryption: ctx.withDecryption }), {
            abortSignal,
          }),
        );
        const requested = new Set(chunk);
        for (const p of out.Parameters ?? []) {
          const name = requestedNameOf(p, requested);
          if (name !== undefined) values.set(name, toCached(name, p));
        }
        for (const name of chunk) {
          if (!values.has(name)) errors.set(name, parameterNotFound(name, 'GetParameters'));
        }
      } catch (error) {
        const mapped = toParameterError(error, 'GetParameters');
        for (const name of chunk) errors.set(name, mapped);
      }
    }),
  );
  return { values, errors };
}

/**
 * Every parameter under `path` (GetParametersByPath, following NextToken).
 *
 * @throws SecretkitError `ACCESS_DENIED`, `INVALID_REQUEST`, faults
 */
export async function fetchByPath(
  ctx: SsmFetchContext,
  path: string,
  recursive: boolean,
  signal?: AbortSignal,
): Promise<CachedParameter[]> {
  const found: CachedParameter[] = [];
  let nextToken: string | undefined;
  try {
    do {
      const token = nextToken;
      const out: GetParametersByPathCommandOutput = await awsCall(
        ctx.call('GetParametersByPath'),
        (callSignal) =>
          withLinkedSignal([signal, callSignal], (abortSignal) =>
            ctx.client().send(
              new GetParametersByPathCommand({
                Path: path,
                Recursive: recursive,
                WithDecryption: ctx.withDecryption,
                MaxResults: 10,
                ...(token ? { NextToken: token } : {}),
              }),
              { abortSignal },
            ),
          ),
      );
      for (const p of out.Parameters ?? []) found.push(toCached(p.Name ?? '', p));
      nextToken = out.NextToken;
    } while (nextToken);
  } catch (error) {
    throw toParameterError(error, 'GetParametersByPath', path);
  }
  return found;
}

/** Options of `putParameter`. */
export interface PutParameterOptions {
  /** The type. @defaultValue `'String'`, or `'StringList'` for an array value */
  readonly type?: ParameterType | undefined;
  /** Replace an existing parameter. @defaultValue false */
  readonly overwrite?: boolean | undefined;
  /** KMS key of a SecureString. @defaultValue the AWS managed key `alias/aws/ssm` */
  readonly keyId?: string | undefined;
  /** A description. */
  readonly description?: string | undefined;
}

/** What PutParameter returned. */
export interface PutParameterResult {
  /** The new version. */
  readonly version: number;
  /** The tier (`Standard`, `Advanced`, ...), when returned. */
  readonly tier: string | undefined;
}

/**
 * PutParameter.
 *
 * @throws SecretkitError `ALREADY_EXISTS` (without overwrite), `ACCESS_DENIED`, `INVALID_REQUEST`
 */
export async function putParameter(
  ctx: SsmFetchContext,
  name: string,
  value: string,
  type: ParameterType,
  options: PutParameterOptions,
): Promise<PutParameterResult> {
  try {
    const out = await awsCall(ctx.call('PutParameter'), (abortSignal) =>
      ctx.client().send(
        new PutParameterCommand({
          Name: name,
          Value: value,
          Type: type,
          Overwrite: options.overwrite ?? false,
          ...(options.keyId !== undefined ? { KeyId: options.keyId } : {}),
          ...(options.description !== undefined ? { Description: options.description } : {}),
        }),
        { abortSignal },
      ),
    );
    return { version: out.Version ?? 0, tier: out.Tier };
  } catch (error) {
    throw toParameterError(error, 'PutParameter', name);
  }
}
