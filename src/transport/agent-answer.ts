/**
 * Reads the Agent's answers: a 200 body (GetSecretValue's output as JSON, `SecretBinary` in
 * base64, `CreatedDate` as epoch seconds in a string) and its errors. Errors whose body is
 * `{"__type","message"}` are AWS answers passed through and become SDK-shaped errors (so the
 * usual mapping gives NOT_FOUND, ACCESS_DENIED...); other answers are the Agent's own.
 */
import type { GetSecretValueCommandOutput } from '@aws-sdk/client-secrets-manager';

/** How an Agent answer is handled. */
export type AgentVerdict =
  | { readonly kind: 'value'; readonly output: GetSecretValueCommandOutput }
  | { readonly kind: 'aws-error'; readonly error: Error }
  | { readonly kind: 'not-ready' }
  | { readonly kind: 'server-error' }
  | { readonly kind: 'rejected' };

interface AgentBody {
  readonly ARN?: string;
  readonly Name?: string;
  readonly VersionId?: string;
  readonly SecretString?: string;
  readonly SecretBinary?: string;
  readonly VersionStages?: string[];
  readonly CreatedDate?: string | number;
}

function parse(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** AWS's own error names the Agent may report with a 5xx (its own faults: fall back). */
const AGENT_FAULTS = new Set(['InternalFailure', 'ConnectionError', 'TimeoutError']);

/** An SDK-shaped error for an AWS answer the Agent passed through. Its message is AWS's, never a value. */
function awsError(type: string, message: string, status: number): Error {
  const error = new Error(message) as Error & Record<string, unknown>;
  error.name = type.includes('#') ? type.slice(type.lastIndexOf('#') + 1) : type;
  error['$fault'] = status >= 500 ? 'server' : 'client';
  error['$metadata'] = { httpStatusCode: status };
  error['$source'] = 'secrets-manager-agent';
  return error;
}

/**
 * Classifies an Agent answer.
 *
 * @param status - HTTP status
 * @param body - response body
 */
export function readAgentAnswer(status: number, body: string): AgentVerdict {
  const json = parse(body);
  if (status === 200) {
    if (typeof json !== 'object' || json === null) return { kind: 'server-error' };
    const b = json as AgentBody;
    const created = b.CreatedDate === undefined ? undefined : new Date(Number(b.CreatedDate) * 1000);
    return {
      kind: 'value',
      output: {
        $metadata: { httpStatusCode: 200 },
        ARN: b.ARN,
        Name: b.Name,
        VersionId: b.VersionId,
        SecretString: b.SecretString,
        SecretBinary:
          b.SecretBinary === undefined ? undefined : new Uint8Array(Buffer.from(b.SecretBinary, 'base64')),
        VersionStages: b.VersionStages,
        CreatedDate: created && !Number.isNaN(created.getTime()) ? created : undefined,
      },
    };
  }
  const type = typeof json === 'object' && json !== null ? (json as { __type?: unknown }).__type : undefined;
  if (typeof type === 'string') {
    if (status >= 500 || AGENT_FAULTS.has(type)) return { kind: 'server-error' };
    const message = (json as { message?: unknown }).message;
    return { kind: 'aws-error', error: awsError(type, typeof message === 'string' ? message : type, status) };
  }
  // The Lambda extension answers "not ready" (a plain-text 4xx/503) until its init is done.
  if (/not ready/i.test(body) || status === 503) return { kind: 'not-ready' };
  if (status >= 500 || status === 429) return { kind: 'server-error' };
  return { kind: 'rejected' }; // the Agent's own 4xx: bad token, forwarded, unknown parameter
}
