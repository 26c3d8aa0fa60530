/**
 * What a client's AWS calls cost: calls by operation and region (from `stats()`, minus the reads
 * the Agent answered, which are not AWS calls, and the calls the budget refused) times a price
 * table, with a projection per month at the current rate. Default prices: AWS Secrets Manager's
 * public list price as read on 2026-12-02 ($0.05 per 10,000 API calls, $0.40 per secret per
 * month, replicas billed as secrets); override them for your region or contract.
 */
import type { SecretsClientStats } from '../client/stats.js';
import type { TransportStats } from '../transport/types.js';

/** Prices in USD. */
export interface PriceTable {
  /** Per 10,000 API calls. @defaultValue 0.05 */
  readonly per10kCalls: number;
  /** Per secret (and per replica) per month. @defaultValue 0.40 */
  readonly perSecretMonth: number;
  /** Per-region overrides of `per10kCalls`. */
  readonly per10kCallsByRegion?: Readonly<Record<string, number>> | undefined;
}

/** The public list price (2026-12-02). */
export const DEFAULT_PRICES: PriceTable = Object.freeze({ per10kCalls: 0.05, perSecretMonth: 0.4 });

/** A cost estimate. Never holds a value. */
export interface CostEstimate {
  /** Billable AWS calls so far, by operation. */
  readonly callsByOperation: Readonly<Record<string, number>>;
  /** Billable AWS calls so far, by region. */
  readonly callsByRegion: Readonly<Record<string, number>>;
  /** Billable calls so far. */
  readonly calls: number;
  /** Their cost so far, USD. */
  readonly callCost: number;
  /** Calls per month at the rate seen over `elapsedMs`. */
  readonly projectedCallsPerMonth: number;
  /** Their cost per month, USD. */
  readonly projectedCallCostPerMonth: number;
}

const MONTH_MS = 30 * 24 * 3600 * 1000;

/**
 * Estimates the cost of a client's calls.
 *
 * @param stats - `client.stats()`
 * @param elapsedMs - how long the client ran (for the projection)
 * @param options - `prices`; `transport` (`transportStats(client)`) to leave out Agent-served reads
 */
export function estimateCost(
  stats: Pick<SecretsClientStats, 'apiCalls'>,
  elapsedMs: number,
  options: { readonly prices?: PriceTable | undefined; readonly transport?: TransportStats | undefined } = {},
): CostEstimate {
  const prices = options.prices ?? DEFAULT_PRICES;
  const byOperation: Record<string, number> = { ...stats.apiCalls.byOperation };
  const byRegion: Record<string, number> = { ...stats.apiCalls.byRegion };
  // Counted as GetSecretValue sends, but answered locally (the Agent) or refused (the budget).
  const notBilled = (options.transport?.agentServed ?? 0) + (options.transport?.agentAnswers ?? 0);
  const refused = options.transport?.budgetRefused ?? 0;
  const gsv = byOperation['GetSecretValue'] ?? 0;
  if (gsv > 0) byOperation['GetSecretValue'] = Math.max(0, gsv - notBilled - refused);
  const calls = Object.values(byOperation).reduce((a, b) => a + b, 0);
  const regions = Object.keys(byRegion);
  const ratio = stats.apiCalls.total > 0 ? calls / stats.apiCalls.total : 0;
  let callCost = 0;
  for (const region of regions) {
    byRegion[region] = Math.round((byRegion[region] ?? 0) * ratio);
    const price = prices.per10kCallsByRegion?.[region] ?? prices.per10kCalls;
    callCost += ((byRegion[region] ?? 0) * price) / 10_000;
  }
  if (regions.length === 0) callCost = (calls * prices.per10kCalls) / 10_000;
  const perMonth = elapsedMs > 0 ? (calls * MONTH_MS) / elapsedMs : 0;
  return Object.freeze({
    callsByOperation: Object.freeze(byOperation),
    callsByRegion: Object.freeze(byRegion),
    calls,
    callCost,
    projectedCallsPerMonth: perMonth,
    projectedCallCostPerMonth: calls > 0 ? (callCost * perMonth) / calls : 0,
  });
}
