/**
 * The guard that keeps local values out of production: a local source refuses to start where
 * AWS runs the code (Lambda, ECS/Fargate) unless the caller overrides it explicitly.
 */
import { SecretkitError } from '../errors/secretkit-error.js';

/** The variables that mean "this runs on AWS compute". */
export function cloudMarker(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env['AWS_LAMBDA_FUNCTION_NAME']) return 'AWS_LAMBDA_FUNCTION_NAME';
  return Object.keys(env).find((key) => key.startsWith('ECS_CONTAINER_METADATA_URI') && env[key]);
}

/**
 * Throws unless it is safe to use local values here.
 *
 * @throws SecretkitError `INVALID_ARGUMENT` (`details.option: 'allowInCloud'`) on AWS compute without the override
 */
export function assertLocalAllowed(
  env: Readonly<Record<string, string | undefined>>,
  allowInCloud: boolean,
): void {
  const marker = cloudMarker(env);
  if (marker === undefined || allowInCloud) return;
  throw new SecretkitError(
    'INVALID_ARGUMENT',
    `Refusing the local secrets source: ${marker} is set, so this looks like AWS compute. ` +
      'Local values are for development; pass allowInCloud: true only if you really mean it.',
    { details: { option: 'allowInCloud', marker } },
  );
}
