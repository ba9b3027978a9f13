import { QuantflowError } from '../errors.js';
import { Observable } from './Observable.js';
import type { Observer } from './Observer.js';

/**
 * An observable object that caches the results of an expensive calculation and recomputes
 * them only when read after an upstream change.
 *
 * @remarks
 * Subclasses implement only `performCalculations()`. The contract, as in QuantLib:
 * - `update()` (an upstream change) marks the object dirty and forwards the notification, but
 *   only if it had been calculated since the last notification: an object nobody read stays
 *   silent, which saves the notification storm of a large unread graph.
 * - `calculate()` runs `performCalculations()` when dirty and not frozen. If it throws, the
 *   failure is cached and rethrown by every read until the next upstream change (so a failed
 *   object still forwards the next notification and its listeners recover).
 * - `freeze()` pins the current results: reads return them and no recalculation happens until
 *   `unfreeze()`, which notifies observers if anything changed meanwhile.
 *
 * Source: QuantLib `ql/patterns/lazyobject.hpp`.
 * Checked against: `test/patterns/LazyObject.test.ts` (calculation counts, freeze, failure).
 *
 * @public
 */
export abstract class LazyObject extends Observable implements Observer {
  private calculated = false;
  private frozen = false;
  private changedWhileFrozen = false;
  private calculating = false;
  private failure: unknown = null;
  private everCalculated = false;

  /** Computes and stores the results; called by {@link LazyObject.calculate} when needed. */
  protected abstract performCalculations(): void;

  /** Reacts to an upstream change (phase 1 of a propagation). */
  update(): void {
    if (this.frozen) {
      this.changedWhileFrozen = true;
      return;
    }
    if (this.calculated) {
      this.calculated = false;
      this.failure = null;
      this.notifyObservers();
    }
  }

  /**
   * Brings the results up to date: recomputes when dirty (and not frozen).
   * @throws whatever `performCalculations()` threw, until the next upstream change.
   * @throws QuantflowError (code `DEPENDENCY_CYCLE`) when the calculation reads itself.
   */
  calculate(): void {
    // A frozen object that never calculated computes once: freezing pins a state, not nothing.
    if (!this.calculated && (!this.frozen || !this.everCalculated)) {
      if (this.calculating) {
        throw new QuantflowError(`${this.constructor.name} read itself while calculating`, 'DEPENDENCY_CYCLE');
      }
      this.calculating = true;
      this.calculated = true;
      this.everCalculated = true;
      try {
        this.failure = null;
        this.performCalculations();
      } catch (error) {
        this.failure = error;
      } finally {
        this.calculating = false;
      }
    }
    if (this.failure !== null) throw this.failure;
  }

  /** Marks the results dirty and notifies observers, as an upstream change would. */
  recalculate(): void {
    const wasFrozen = this.frozen;
    this.frozen = false;
    this.calculated = false;
    this.failure = null;
    try {
      this.calculate();
    } finally {
      this.frozen = wasFrozen;
      this.notifyObservers();
    }
  }

  /** Pins the current results: no recalculation and no forwarded notification until `unfreeze()`. */
  freeze(): void {
    this.frozen = true;
  }

  /** Releases a `freeze()`; notifies observers if an upstream change arrived meanwhile. */
  unfreeze(): void {
    if (!this.frozen) return;
    this.frozen = false;
    if (this.changedWhileFrozen) {
      this.changedWhileFrozen = false;
      this.calculated = false;
      this.failure = null;
      this.notifyObservers();
    }
  }

  /** True between `freeze()` and `unfreeze()`. */
  isFrozen(): boolean {
    return this.frozen;
  }

  /** True when the cached results are current (or pinned by `freeze()`). */
  isCalculated(): boolean {
    return this.calculated;
  }

  /**
   * Registers this object with an upstream observable (a quote, handle, curve, engine…).
   * @throws QuantflowError (code `DEPENDENCY_CYCLE`) when the edge would close a cycle.
   */
  protected registerWith(observable: Observable): void {
    observable.registerObserver(this);
  }

  /** Undoes {@link LazyObject.registerWith}. */
  protected unregisterWith(observable: Observable): void {
    observable.unregisterObserver(this);
  }
}
