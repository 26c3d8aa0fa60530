/**
 * Reads the secrets a Secrets Manager EventBridge event is about, in each documented shape:
 * - CloudTrail API calls (`detail-type: "AWS API Call via CloudTrail"`): `detail.eventName`
 *   PutSecretValue, UpdateSecret, UpdateSecretVersionStage, RotateSecret...; the secret in
 *   `detail.requestParameters.secretId` and `detail.responseElements.arn` (`aRN` before 2024-02);
 * - CloudTrail service events (`detail-type: "AWS Service Event via CloudTrail"`):
 *   RotationSucceeded...; the secret in `detail.additionalEventData.SecretId`;
 * - native Secrets Manager events (`detail-type: "Secret Label Updated"`): `detail.name`, and
 *   the ARN in `resources[]`.
 * Never reads or returns a value.
 */

/** What an event means for a cache. */
export type ParsedSecretEvent =
  | {
      /** The event changes what a read of these secrets returns. */
      readonly kind: 'change';
      /** The event's name (`PutSecretValue`, `RotationSucceeded`, `Secret Label Updated`...). */
      readonly eventName: string;
      /** Names, ARNs or partial ARNs of the secrets concerned. */
      readonly secretIds: readonly string[];
    }
  | {
      /** Not a Secrets Manager change (another source, a read, a metadata-only call). */
      readonly kind: 'ignored';
      /** Why. */
      readonly reason: string;
    }
  | {
      /** Not an EventBridge event, or a change event naming no secret. */
      readonly kind: 'malformed';
      /** Why. */
      readonly reason: string;
    };

/** CloudTrail event names after which a cached value may be wrong. */
export const CHANGE_EVENT_NAMES: ReadonlySet<string> = new Set([
  'PutSecretValue',
  'UpdateSecret',
  'UpdateSecretVersionStage',
  'RotateSecret',
  'CancelRotateSecret',
  'DeleteSecret',
  'RestoreSecret',
  'StopReplicationToReplica',
  'RotationSucceeded',
  'RotationAbandoned',
  'EndSecretVersionDelete',
  'StartSecretVersionDelete',
  'CancelSecretVersionDelete',
]);

const CLOUDTRAIL_TYPES = new Set(['AWS API Call via CloudTrail', 'AWS Service Event via CloudTrail']);
const NATIVE_TYPES = new Set(['Secret Label Updated']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function idsOf(...candidates: unknown[]): string[] {
  return [...new Set(candidates.map(str).filter((s): s is string => s !== undefined))];
}

/**
 * Parses an EventBridge event (an object, or its JSON text).
 *
 * @param event - the event as EventBridge delivers it
 */
export function parseSecretEvent(event: unknown): ParsedSecretEvent {
  let e = event;
  if (typeof e === 'string') {
    try {
      e = JSON.parse(e);
    } catch {
      return { kind: 'malformed', reason: 'not JSON' };
    }
  }
  if (!isObj(e)) return { kind: 'malformed', reason: 'not an object' };
  const type = str(e['detail-type']);
  const detail = e['detail'];
  if (type === undefined || !isObj(detail)) return { kind: 'malformed', reason: 'no detail-type or detail' };
  if (e['source'] !== undefined && e['source'] !== 'aws.secretsmanager') {
    return { kind: 'ignored', reason: `source ${String(e['source'])}` };
  }
  const resources = Array.isArray(e['resources']) ? e['resources'] : [];
  if (NATIVE_TYPES.has(type)) {
    const secretIds = idsOf(detail['name'], ...resources);
    if (secretIds.length === 0) return { kind: 'malformed', reason: `${type} names no secret` };
    return { kind: 'change', eventName: type, secretIds };
  }
  if (!CLOUDTRAIL_TYPES.has(type)) return { kind: 'ignored', reason: `detail-type ${type}` };
  if (detail['eventSource'] !== undefined && detail['eventSource'] !== 'secretsmanager.amazonaws.com') {
    return { kind: 'ignored', reason: 'another eventSource' };
  }
  const name = str(detail['eventName']);
  if (name === undefined) return { kind: 'malformed', reason: 'no eventName' };
  if (!CHANGE_EVENT_NAMES.has(name)) return { kind: 'ignored', reason: `eventName ${name}` };
  if (detail['errorCode'] !== undefined) return { kind: 'ignored', reason: 'the call failed' };
  const request = isObj(detail['requestParameters']) ? detail['requestParameters'] : {};
  const response = isObj(detail['responseElements']) ? detail['responseElements'] : {};
  const extra = isObj(detail['additionalEventData']) ? detail['additionalEventData'] : {};
  const secretIds = idsOf(
    request['secretId'],
    response['arn'],
    response['aRN'],
    response['ARN'],
    extra['SecretId'],
    extra['secretId'],
    ...resources.map((r) => (isObj(r) ? r['ARN'] : r)),
  );
  if (secretIds.length === 0) return { kind: 'malformed', reason: `${name} names no secret` };
  return { kind: 'change', eventName: name, secretIds };
}
