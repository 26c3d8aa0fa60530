/**
 * Secrets Manager ARNs as the fake formats and parses them:
 * `arn:<partition>:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>`.
 */
import type { StoredSecret } from './store.js';

/** The partition of a region (`aws`, `aws-cn`, `aws-us-gov`, ...). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  return 'aws';
}

/** The ARN of `secret` in `region` (a replica's ARN differs from the primary's only by region). */
export function secretArn(secret: StoredSecret, region: string = secret.region): string {
  return `arn:${partitionOf(region)}:secretsmanager:${region}:${secret.accountId}:secret:${secret.name}-${secret.suffix}`;
}

/** The parts of a Secrets Manager ARN. */
export interface ParsedSecretArn {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
  /** Everything after `secret:`: `name-suffix` for a full ARN, the name for a partial one. */
  readonly resource: string;
}

const ARN_PATTERN = /^arn:([a-z-]+):secretsmanager:([a-z0-9-]+):(\d{12}):secret:(.+)$/;

/** Parses a Secrets Manager secret ARN, or returns undefined when `id` is not one. */
export function parseSecretArn(id: string): ParsedSecretArn | undefined {
  const m = ARN_PATTERN.exec(id);
  if (!m) return undefined;
  return { partition: m[1]!, region: m[2]!, accountId: m[3]!, resource: m[4]! };
}
