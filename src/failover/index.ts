/**
 * secretkit/failover: replica regions for a `SecretsClient`. `failover({ replicaRegions })`
 * makes the object of the client's `failover` option: reads go to the primary region and, on a
 * fault, to the next healthy replica region, with per-region circuit breakers and optional
 * hedging. A client without it reads its one region and does not load this code. See
 * docs/multi-region.md.
 *
 * @packageDocumentation
 */

export type { FailoverOptions } from './defaults.js';
export { failover } from './failover.js';
export type { Failover } from './plan.js';
