/**
 * The checks every options resolver shares: unknown keys, numbers in range, timers that Node
 * can hold, functions. Each failure is an `INVALID_ARGUMENT` naming the option
 * (`details.option`), thrown at construction.
 */
import { SecretkitError } from '../errors/secretkit-error.js';

/**
 * The longest delay Node's timers hold (2³¹−1 ms, about 24.8 days). A longer one is clamped to
 * 1 ms, so a deadline would fire at once.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;

function describeValue(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

/**
 * The error for an invalid option.
 *
 * @param owner - whose option, e.g. `SecretsClient`
 * @param option - the option's name
 * @param rule - what it must be
 * @param got - what was given (only its type or number is shown, never a string)
 */
export function invalidOption(owner: string, option: string, rule: string, got: unknown): SecretkitError {
  return new SecretkitError(
    'INVALID_ARGUMENT',
    `${owner} option ${option} must be ${rule} (got ${describeValue(got)})`,
    { details: { option } },
  );
}

/**
 * The error for an option, or a value of one, that an earlier release took and that is now
 * written another way (a pre-1.0 change; docs/migrating.md lists them).
 *
 * @param owner - whose option
 * @param option - the option's name
 * @param was - what was given, as the caller wrote it (never a secret: option names and enums)
 * @param instead - what to write instead
 */
export function replacedOption(owner: string, option: string, was: string, instead: string): SecretkitError {
  return new SecretkitError('INVALID_ARGUMENT', `${owner} option ${was} is gone: ${instead}`, {
    details: { option },
  });
}

/**
 * Throws for a key that is not an option (a typo such as `ttlMS` would otherwise be ignored).
 *
 * @param owner - whose options
 * @param input - the options object
 * @param known - every option name
 */
export function checkKnownKeys(owner: string, input: object, known: ReadonlySet<string>): void {
  for (const key of Object.keys(input)) {
    if (!known.has(key)) {
      throw new SecretkitError('INVALID_ARGUMENT', `${owner} has no option "${key}"`, {
        details: { option: key },
      });
    }
  }
}

/**
 * Throws unless `input` is an object (or undefined).
 *
 * @param owner - whose options
 * @param input - what was passed
 */
export function checkOptionsObject(owner: string, input: unknown): asserts input is object | undefined {
  if (input !== undefined && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    throw new SecretkitError(
      'INVALID_ARGUMENT',
      `${owner} options must be an object (got ${describeValue(input)})`,
      {
        details: { option: 'options' },
      },
    );
  }
}

/** Rules for {@link numberOption}. */
export interface NumberRule {
  /** Smallest allowed value. */
  readonly min: number;
  /** `min` itself is not allowed. @defaultValue false */
  readonly exclusiveMin?: boolean;
  /** Largest allowed value. @defaultValue `Number.MAX_SAFE_INTEGER` */
  readonly max?: number;
  /** Must be an integer. @defaultValue false */
  readonly integer?: boolean;
}

/**
 * A number option, checked against `rule`, or `fallback` when not given.
 *
 * @param owner - whose option
 * @param option - its name
 * @param value - what was given
 * @param fallback - the default
 * @param rule - range and integer rule
 */
export function numberOption<F extends number | undefined>(
  owner: string,
  option: string,
  value: unknown,
  fallback: F,
  rule: NumberRule,
): number | F {
  if (value === undefined) return fallback;
  const max = rule.max ?? Number.MAX_SAFE_INTEGER;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (rule.exclusiveMin === true ? value > rule.min : value >= rule.min) &&
    value <= max &&
    (rule.integer !== true || Number.isInteger(value));
  if (!ok) {
    const kind = rule.integer === true ? 'an integer' : 'a finite number';
    const low = rule.exclusiveMin === true ? `> ${rule.min}` : `>= ${rule.min}`;
    throw invalidOption(owner, option, `${kind} ${low} and <= ${max}`, value);
  }
  return value;
}

/**
 * A function option, or `fallback` when not given.
 *
 * @param owner - whose option
 * @param option - its name
 * @param value - what was given
 * @param fallback - the default
 */
export function functionOption<F>(owner: string, option: string, value: unknown, fallback: F): F {
  if (value === undefined) return fallback;
  if (typeof value !== 'function') throw invalidOption(owner, option, 'a function', value);
  return value as F;
}
