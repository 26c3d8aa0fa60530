/**
 * The record of every command sent to the fake, for assertions such as "one GetSecretValue per TTL".
 * Records carry operation, region and secret ids, never values.
 */

/** One command sent to the fake. */
export interface CallRecord {
  /** Operation name, e.g. `GetSecretValue`. */
  readonly operation: string;
  /** Region the command was sent to. */
  readonly region: string;
  /** The `SecretId` (or `Name` for CreateSecret), when the command has one. */
  readonly secretId?: string | undefined;
  /** BatchGetSecretValue's `SecretIdList`, when given. */
  readonly secretIds?: readonly string[] | undefined;
  /** When the call was made, by the fake's clock (ms since the epoch). */
  readonly at: number;
  /** `pending` while in flight, then `ok` or `error`. */
  readonly outcome: 'pending' | 'ok' | 'error';
}

/** Which calls to count; every field is optional. */
export interface CallFilter {
  /** Operation name. */
  readonly operation?: string | undefined;
  /** Region. */
  readonly region?: string | undefined;
  /** Secret id as sent (name or ARN); also matches an entry of a batch's SecretIdList. */
  readonly secretId?: string | undefined;
  /** Outcome. */
  readonly outcome?: CallRecord['outcome'] | undefined;
}

type MutableRecord = { -readonly [K in keyof CallRecord]: CallRecord[K] };

function stringField(input: unknown, key: string): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const value = (input as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}

/** The call log of one fake. */
export class CallLog {
  private records: MutableRecord[] = [];

  /** Records a call and returns a function that sets its outcome. */
  start(operation: string, region: string, input: unknown, at: number): (outcome: 'ok' | 'error') => void {
    const record: MutableRecord = { operation, region, at, outcome: 'pending' };
    const secretId =
      stringField(input, 'SecretId') ??
      (operation === 'CreateSecret' ? stringField(input, 'Name') : undefined);
    if (secretId !== undefined) record.secretId = secretId;
    const list =
      typeof input === 'object' && input !== null
        ? (input as Record<string, unknown>)['SecretIdList']
        : undefined;
    if (Array.isArray(list)) record.secretIds = list.filter((x): x is string => typeof x === 'string');
    this.records.push(record);
    return (outcome) => {
      record.outcome = outcome;
    };
  }

  /** Number of calls matching the filter (an operation name, or a {@link CallFilter}). */
  count(filter?: string | CallFilter): number {
    return this.list(filter).length;
  }

  /** Copies of the records matching the filter, oldest first. */
  list(filter?: string | CallFilter): CallRecord[] {
    const f: CallFilter = typeof filter === 'string' ? { operation: filter } : (filter ?? {});
    return this.records
      .filter(
        (r) =>
          (f.operation === undefined || r.operation === f.operation) &&
          (f.region === undefined || r.region === f.region) &&
          (f.outcome === undefined || r.outcome === f.outcome) &&
          (f.secretId === undefined ||
            r.secretId === f.secretId ||
            (r.secretIds?.includes(f.secretId) ?? false)),
      )
      .map((r) => ({ ...r }));
  }

  /** Forgets every record. */
  clear(): void {
    this.records = [];
  }
}
