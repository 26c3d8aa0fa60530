/**
 * `secretkit/testing`: an in-memory AWS Secrets Manager for your tests. Plug it in wherever a
 * `SecretsManagerClient` goes (`new SecretsClient({ client: fake })`), seed secrets, simulate
 * rotations, throttling and outages, and count the calls your code makes.
 *
 * @packageDocumentation
 */

export type { CallFilter, CallRecord } from './call-log.js';
export { SUPPORTED_OPERATIONS } from './dispatch.js';
export { UnsupportedCommandError } from './errors.js';
export type { Failure, FailureFilter, FailureKind } from './faults.js';
export type {
  InMemorySecretsManagerOptions,
  SendOptions,
  SimulateRotationOptions,
} from './in-memory-secrets-manager.js';
export { InMemorySecretsManager, InMemorySecretsManagerClient } from './in-memory-secrets-manager.js';
export type { RandomSource } from './random.js';
export { seededRandom } from './random.js';
export type { RotationLambda, RotationStep } from './rotation-lambda.js';
export type { SeededSecret, SeedSpec, SeedValueFields, SeedVersion } from './seed.js';
export type { SimulatedRotation } from './simulate-rotation.js';
