import { stats } from './_lib/propagation.js';

/**
 * Diagnostic counters of the reactive graph.
 * @public
 */
export interface GraphStats {
  /** Live listener endpoints (subscriptions to `results$`, `value$`, `changes$`). */
  readonly liveSinks: number;
  /** Listeners queued for the next phase 2. */
  readonly pendingSinks: number;
  /** True inside a {@link transaction}. */
  readonly inTransaction: boolean;
}

/**
 * Reads the graph's diagnostic counters: how many subscriptions are live, how many are queued.
 *
 * @remarks
 * Use it to check that unsubscribing released everything (`liveSinks` back to its start).
 * Checked against: `test/patterns/graph.test.ts` (100,000 subscribe/unsubscribe cycles).
 *
 * @returns a snapshot of the counters.
 * @public
 */
export function graphStats(): GraphStats {
  return stats();
}
