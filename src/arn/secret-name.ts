/**
 * Secret names as Secrets Manager accepts them, and helpers for hierarchical names
 * (`app/env/name`).
 */
import { SecretkitError } from '../errors/secretkit-error.js';

/** The longest secret name Secrets Manager accepts. */
export const MAX_SECRET_NAME_LENGTH = 512;

const NAME_CHARS = /^[A-Za-z0-9/_+=.@-]+$/;
const AMBIGUOUS_TAIL = /-[^/]{6}$/;

/** Shows a possibly long or odd string in a message: quoted, escaped and cut to 80 characters. */
export function describeInput(value: unknown): string {
  if (typeof value !== 'string') return value === null ? 'null' : typeof value;
  const cut = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  return JSON.stringify(cut);
}

/**
 * Why `name` is not a valid secret name, or `undefined` when it is valid.
 *
 * @param name - the candidate name
 */
export function secretNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return `a secret name must be a string, got ${describeInput(name)}`;
  if (name.length === 0) return 'a secret name must not be empty';
  if (name.length > MAX_SECRET_NAME_LENGTH) {
    return `a secret name has at most ${MAX_SECRET_NAME_LENGTH} characters, got ${name.length}`;
  }
  if (!NAME_CHARS.test(name)) {
    return `secret name ${describeInput(name)} may contain only ASCII letters, digits and / _ + = . @ -`;
  }
  return undefined;
}

/**
 * True when `name` is a valid secret name: 1–512 characters from `A–Z a–z 0–9 / _ + = . @ -`.
 *
 * @param name - the candidate name
 */
export function isValidSecretName(name: unknown): name is string {
  return secretNameProblem(name) === undefined;
}

/**
 * Checks a secret name against the rules Secrets Manager applies (1–512 characters,
 * ASCII letters, digits and `/ _ + = . @ -`) and returns it.
 *
 * @param name - the candidate name
 * @returns the name, unchanged
 * @throws SecretkitError `INVALID_NAME` with the reason
 */
export function validateSecretName(name: unknown): string {
  const problem = secretNameProblem(name);
  if (problem !== undefined) throw new SecretkitError('INVALID_NAME', problem);
  return name as string;
}

/**
 * True when `name` ends with a hyphen and six characters (`db-abc123`). AWS advises against
 * such names: Secrets Manager appends `-` and six random characters to every ARN, so a
 * partial ARN ending in such a name can be mistaken for a complete ARN of a shorter name.
 *
 * @param name - a secret name
 */
export function isAmbiguousName(name: string): boolean {
  return AMBIGUOUS_TAIL.test(name);
}

/** The parts of a hierarchical secret name `app/env/name`. */
export interface SecretNameParts {
  /** The first segment: the application. */
  readonly app: string;
  /** The second segment: the environment (`prod`, `staging`, ...). */
  readonly env: string;
  /** Everything after the environment; may itself contain `/`. */
  readonly name: string;
}

function checkSegment(label: string, segment: string, allowSlash: boolean): void {
  const problem = secretNameProblem(segment);
  if (problem !== undefined) throw new SecretkitError('INVALID_NAME', `${label}: ${problem}`);
  if (!allowSlash && segment.includes('/')) {
    throw new SecretkitError('INVALID_NAME', `${label} ${describeInput(segment)} must not contain "/"`);
  }
  if (segment.startsWith('/') || segment.endsWith('/') || segment.includes('//')) {
    throw new SecretkitError('INVALID_NAME', `${label} ${describeInput(segment)} has an empty path segment`);
  }
}

/**
 * Builds the hierarchical name `app/env/name`, e.g. `joinSecretName('billing', 'prod', 'db')`
 * → `billing/prod/db`.
 *
 * @param app - application segment (no `/`)
 * @param env - environment segment (no `/`)
 * @param name - the rest; may contain `/` but no empty segments
 * @throws SecretkitError `INVALID_NAME` when a segment or the result is invalid
 */
export function joinSecretName(app: string, env: string, name: string): string {
  checkSegment('app', app, false);
  checkSegment('env', env, false);
  checkSegment('name', name, true);
  return validateSecretName(`${app}/${env}/${name}`);
}

/**
 * Splits a hierarchical name `app/env/name...` into its parts (the inverse of
 * {@link joinSecretName}).
 *
 * @param fullName - a secret name with at least three non-empty `/`-separated segments
 * @throws SecretkitError `INVALID_NAME` when the name is invalid or not hierarchical
 */
export function splitSecretName(fullName: string): SecretNameParts {
  validateSecretName(fullName);
  const [app, env, ...rest] = fullName.split('/');
  const name = rest.join('/');
  if (app === undefined || env === undefined || app === '' || env === '' || rest.length === 0) {
    throw new SecretkitError(
      'INVALID_NAME',
      `secret name ${describeInput(fullName)} is not of the form app/env/name`,
    );
  }
  checkSegment('name', name, true);
  return { app, env, name };
}
