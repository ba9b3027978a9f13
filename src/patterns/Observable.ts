import { Observable as RxObservable } from 'rxjs';
import { QuantflowError } from '../errors.js';
import type { Observer } from './Observer.js';
import { cancel, enterBatch, exitBatch, schedule, sinkClosed, sinkOpened, type Sink } from './_lib/propagation.js';

/**
 * Anything that can change: quotes, handles, term structures, engines, instruments.
 *
 * @remarks
 * Changes propagate in two phases. `notifyObservers()` first invalidates every dependant,
 * synchronously and depth first (phase 1). Listeners attached with {@link Observable.changes$}
 * (and the streams built on it, such as an instrument's `results$`) run in phase 2, once each,
 * after the outermost {@link transaction} ends, so they always see a consistent graph.
 *
 * Registering an observer that would close a cycle is refused when the edge is built.
 *
 * Source: QuantLib `ql/patterns/observable.hpp`; the two-phase scheme follows the
 * push-invalidate / pull-recompute design of glitch-free reactive systems (Cooper &
 * Krishnamurthi 2006, "Embedding Dynamic Dataflow in a Call-by-Value Language", FrTime).
 * Checked against: `test/patterns/graph.test.ts` (diamond, transaction, relink, cycle,
 * subscription counting).
 *
 * @public
 */
export class Observable {
  private readonly observers = new Set<Observer>();

  /** Number of observers currently registered (live subscriptions included). */
  get observerCount(): number {
    return this.observers.size;
  }

  /**
   * Registers `observer` to be notified of this object's changes.
   *
   * @throws QuantflowError (code `DEPENDENCY_CYCLE`) when `observer` already (transitively)
   * feeds this object, so that the new edge would close a cycle.
   */
  registerObserver(observer: Observer): void {
    if (this.observers.has(observer)) return;
    if ((observer as unknown) === this || (observer instanceof Observable && observer.reaches(this))) {
      throw new QuantflowError(
        `dependency cycle: ${describe(observer)} cannot observe ${describe(this)}, which already depends on it`,
        'DEPENDENCY_CYCLE',
        { observer: describe(observer), observable: describe(this) },
      );
    }
    this.observers.add(observer);
  }

  /** Removes `observer`; a no-op when it was not registered. */
  unregisterObserver(observer: Observer): void {
    this.observers.delete(observer);
  }

  /**
   * Notifies every observer (phase 1). Outside a {@link transaction} this call is its own
   * transaction: phase 2 runs before it returns (with the default synchronous scheduler).
   */
  notifyObservers(): void {
    enterBatch();
    try {
      for (const observer of [...this.observers]) observer.update();
    } finally {
      exitBatch();
    }
  }

  /**
   * Emits once per propagation in which this object changed, in phase 2.
   *
   * @remarks
   * Lazy objects forward a change only when they had been calculated since the previous one
   * (see {@link LazyObject}), so listen to an instrument's `results$` rather than to the raw
   * changes of an object nobody reads.
   */
  get changes$(): RxObservable<void> {
    return this.sinkStream<void>(() => undefined, false);
  }

  /**
   * A stream that emits `read()` in phase 2 after each propagation that reached this object
   * (and once on subscription when `emitInitial`). Unsubscribing unregisters everything.
   * @internal
   */
  protected sinkStream<T>(read: () => T, emitInitial: boolean): RxObservable<T> {
    return new RxObservable<T>((subscriber) => {
      const sink: Sink & Observer = {
        update: () => schedule(sink),
        run: () => subscriber.next(read()),
      };
      this.registerObserver(sink);
      sinkOpened();
      if (emitInitial) subscriber.next(read());
      return () => {
        this.unregisterObserver(sink);
        cancel(sink);
        sinkClosed();
      };
    });
  }

  /** True when `target` is this object or downstream of it. */
  private reaches(target: Observable): boolean {
    const seen = new Set<Observable>();
    const stack: Observable[] = [this];
    while (stack.length > 0) {
      const node = stack.pop() as Observable;
      if (node === target) return true;
      if (seen.has(node)) continue;
      seen.add(node);
      for (const next of node.observers) if (next instanceof Observable) stack.push(next);
    }
    return false;
  }
}

function describe(x: unknown): string {
  const name = (x as { constructor?: { name?: string } })?.constructor?.name;
  return name !== undefined && name !== '' ? name : 'object';
}
