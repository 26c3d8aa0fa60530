/**
 * secretkit/local: local development without AWS. The same `defineSecrets` definition and
 * schemas, values from a JSON or `.env` file or environment variables. Explicit only, loud at
 * start, refused on AWS compute unless overridden.
 *
 * @packageDocumentation
 */
export { PARAM_ENV_PREFIX, parameterEnvName, SECRET_ENV_PREFIX, secretEnvName } from './env-names.js';
export type { LocalSourceOptions, LocalSourceStats } from './local-source.js';
export { createLocalSource, LocalSource, localSourceFromEnv } from './local-source.js';
export type { LocalValues } from './read-file.js';
export { parseDotEnv } from './read-file.js';
