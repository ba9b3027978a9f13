// Two-phase propagation: notifications invalidate synchronously (phase 1); sinks that someone
// listens to are queued and run once each when the outermost transaction ends (phase 2).
import type { SchedulerLike, Subscription } from 'rxjs';
import { QuantflowError } from '../../errors.js';

/** A listener endpoint that recomputes and emits in phase 2. */
export interface Sink {
  run(): void;
}

const pending = new Set<Sink>();
let depth = 0;
let flushing = false;
let scheduler: SchedulerLike | null = null;
let scheduled: Subscription | null = null;
let liveSinks = 0;

/** A burst of sink runs longer than this means a subscriber keeps feeding the graph. */
const MAX_FLUSH_ROUNDS = 1000;

export function enterBatch(): void {
  depth++;
}

export function exitBatch(): void {
  depth--;
  if (depth === 0 && pending.size > 0) requestFlush();
}

export function inBatch(): boolean {
  return depth > 0;
}

export function schedule(sink: Sink): void {
  pending.add(sink);
  if (depth === 0 && !flushing) requestFlush();
}

export function cancel(sink: Sink): void {
  pending.delete(sink);
}

function requestFlush(): void {
  if (flushing) return; // the running flush picks new sinks up
  if (scheduler === null) {
    flush();
  } else if (scheduled === null) {
    scheduled = scheduler.schedule(() => {
      scheduled = null;
      flush();
    });
  }
}

export function flush(): void {
  if (flushing) return;
  flushing = true;
  try {
    for (let round = 0; pending.size > 0; round++) {
      if (round >= MAX_FLUSH_ROUNDS) {
        pending.clear();
        throw new QuantflowError(
          `propagation did not settle after ${MAX_FLUSH_ROUNDS} rounds: a subscriber keeps changing the quotes it listens to`,
          'PROPAGATION_LOOP',
          { rounds: MAX_FLUSH_ROUNDS },
        );
      }
      const batch = [...pending];
      pending.clear();
      // Sinks queued while these run (a subscriber setting a quote) go to the next round.
      depth++;
      let failure: unknown = null;
      try {
        for (const sink of batch) {
          try {
            sink.run();
          } catch (error) {
            failure ??= error;
          }
        }
      } finally {
        depth--;
      }
      if (failure !== null) throw failure;
    }
  } finally {
    flushing = false;
  }
}

export function setScheduler(next: SchedulerLike | null): void {
  if (scheduled !== null) {
    scheduled.unsubscribe();
    scheduled = null;
  }
  scheduler = next;
  if (pending.size > 0 && depth === 0) requestFlush();
}

export function currentScheduler(): SchedulerLike | null {
  return scheduler;
}

export function sinkOpened(): void {
  liveSinks++;
}

export function sinkClosed(): void {
  liveSinks--;
}

export function stats(): { liveSinks: number; pendingSinks: number; inTransaction: boolean } {
  return { liveSinks, pendingSinks: pending.size, inTransaction: depth > 0 };
}
