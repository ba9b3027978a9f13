import type { SchedulerLike } from 'rxjs';
import { currentScheduler, setScheduler } from './_lib/propagation.js';

/**
 * When phase 2 of a propagation (recompute and emit) runs.
 *
 * - `'sync'` (default): before the outermost `setValue` / {@link transaction} returns;
 *   deterministic, what tests want.
 * - an rxjs scheduler, e.g. `asapScheduler` (services: coalesce a burst of ticks into one
 *   reprice) or `animationFrameScheduler` (UIs: at most one reprice per frame).
 *
 * @public
 */
export type PropagationScheduler = 'sync' | SchedulerLike;

/**
 * Chooses when phase 2 of every propagation runs; see {@link PropagationScheduler}.
 *
 * @remarks
 * With an asynchronous scheduler, ticks arriving before the scheduled flush are coalesced:
 * each listening instrument reprices once, on the latest state.
 * Checked against: `test/patterns/graph.test.ts` (asapScheduler coalescing).
 *
 * @param scheduler - `'sync'` or an rxjs `SchedulerLike`.
 * @returns the previous choice, so a caller can restore it.
 * @public
 */
export function setPropagationScheduler(scheduler: PropagationScheduler): PropagationScheduler {
  const previous = currentScheduler();
  setScheduler(scheduler === 'sync' ? null : scheduler);
  return previous ?? 'sync';
}
