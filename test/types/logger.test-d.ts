/**
 * Type test (checked by `tsc --noEmit`): console, pino, winston, bunyan-style and Powertools
 * loggers are each assignable to the `logger` option without a cast.
 */
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { pino } from 'pino';
import { expectTypeOf } from 'vitest';
import winston from 'winston';
import type { SecretkitLogger, SecretsClientOptions } from '../../src/index.js';

expectTypeOf(console).toExtend<SecretkitLogger>();
expectTypeOf(pino()).toExtend<SecretkitLogger>();
expectTypeOf(pino().child({ module: 'x' })).toExtend<SecretkitLogger>();
expectTypeOf(winston.createLogger()).toExtend<SecretkitLogger>();
expectTypeOf(winston).toExtend<SecretkitLogger>();
expectTypeOf(new PowertoolsLogger({ serviceName: 'svc' })).toExtend<SecretkitLogger>();

// As the option itself, no casts:
const options: SecretsClientOptions[] = [
  { logger: console },
  { logger: pino() },
  { logger: winston.createLogger() },
  { logger: new PowertoolsLogger({ serviceName: 'svc' }) },
  { logger: { warn: (fields: Readonly<Record<string, unknown>>, message: string) => [fields, message] } },
  { logger: { warn: (message: string, fields: Readonly<Record<string, unknown>>) => [message, fields] } },
];
void options;

// A method that takes neither convention is refused.
// @ts-expect-error warn must accept (message, fields) or (fields, message)
const wrong: SecretkitLogger = { warn: (count: number) => count };
void wrong;
