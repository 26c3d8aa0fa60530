/**
 * Parameter names with an optional selector (`name:3` for a version, `name:label` for a label),
 * and the Secrets Manager reference prefix.
 */
import { SecretkitError } from '../errors/secretkit-error.js';

/** Names under this prefix read a Secrets Manager secret through Parameter Store. */
export const SECRETS_MANAGER_REFERENCE_PREFIX = '/aws/reference/secretsmanager/';

/** A parameter name split into its base name and selector. */
export interface ParsedParameterName {
  /** The name without selector. */
  readonly base: string;
  /** The selector without the colon (`"3"` or `"label"`), if any. */
  readonly selector: string | undefined;
  /** The selector is a version number (the value can never change). */
  readonly isVersion: boolean;
  /** The name is a `/aws/reference/secretsmanager/…` reference. */
  readonly isSecretReference: boolean;
}

const MAX_NAME_LENGTH = 2048;

/**
 * Splits `name[:selector]`.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` for an empty, too long or malformed name
 */
export function parseParameterName(name: unknown): ParsedParameterName {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_LENGTH) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `A parameter name must be a string of 1-${MAX_NAME_LENGTH} characters.`,
      {
        details: { option: 'name' },
      },
    );
  }
  // An ARN has colons of its own: the selector is after the resource part.
  const resourceStart = name.startsWith('arn:') ? name.indexOf(':parameter') + 1 : 0;
  const colon = name.indexOf(':', resourceStart > 0 ? resourceStart + 'parameter'.length : 0);
  const base = colon === -1 ? name : name.slice(0, colon);
  const selector = colon === -1 ? undefined : name.slice(colon + 1);
  if (base.length === 0 || (selector !== undefined && !/^[A-Za-z0-9_.-]{1,100}$/.test(selector))) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `Parameter name "${name}" has an invalid version or label selector.`,
      {
        details: { option: 'name' },
      },
    );
  }
  return {
    base,
    selector,
    isVersion: selector !== undefined && /^[0-9]+$/.test(selector),
    isSecretReference: base.startsWith(SECRETS_MANAGER_REFERENCE_PREFIX),
  };
}
