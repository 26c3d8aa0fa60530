/**
 * The engine's counters (see CacheEngineStats for what each one counts).
 */
import type { CacheEngineStats } from './types.js';

/** Mutable counters, incremented in place (no allocation on the hit path). */
export class Counters {
  hits = 0;
  misses = 0;
  staleServed = 0;
  refreshes = 0;
  backgroundRefreshes = 0;
  loadErrors = 0;

  /**
   * A snapshot of the counters with the current sizes.
   *
   * @param entries - values held now
   * @param inFlight - loads running now
   */
  snapshot(entries: number, inFlight: number): CacheEngineStats {
    return {
      hits: this.hits,
      misses: this.misses,
      staleServed: this.staleServed,
      refreshes: this.refreshes,
      backgroundRefreshes: this.backgroundRefreshes,
      loadErrors: this.loadErrors,
      entries,
      inFlight,
    };
  }
}
