import { Observable } from '../src/patterns/Observable.js';
import type { Observer } from '../src/patterns/Observer.js';
import type { PricingResults } from '../instruments/PricingResults.js';

/**
 * A pricing algorithm: instrument arguments in, {@link PricingResults} out.
 *
 * @remarks
 * An engine knows only the arguments it is given and the market objects (processes, curves,
 * models) passed to its constructor; it registers with each of those, so that a change of any
 * of them reprices every instrument using the engine. One engine may serve many instruments.
 * Subclasses implement `calculate(args)`; it must not mutate `args`.
 *
 * Source: QuantLib `ql/pricingengine.hpp` (with `arguments`/`results` passed explicitly
 * instead of held as mutable members).
 *
 * @typeParam A - the instrument family's arguments record.
 * @public
 */
export abstract class PricingEngine<A> extends Observable implements Observer {
  /**
   * Prices one instrument.
   * @param args - the instrument's validated arguments.
   * @returns the value, Greeks and additional results the engine produces.
   */
  abstract calculate(args: A): PricingResults;

  /** Forwards a change of a market object the engine reads. */
  update(): void {
    this.notifyObservers();
  }

  /** Registers this engine with a market object it reads. */
  protected registerWith(observable: Observable): void {
    observable.registerObserver(this);
  }
}
