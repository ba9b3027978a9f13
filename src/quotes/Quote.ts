import type { Observable as RxObservable } from 'rxjs';
import { Observable } from '../patterns/Observable.js';

/**
 * A market observable with a single number: a price, a rate, a volatility.
 *
 * @remarks
 * An invalid quote (unset, or set to NaN) is a state, not an exception: `isValid()` is false,
 * `value()` throws, and everything priced from it reports an error result until it is valid again.
 * Source: QuantLib `ql/quote.hpp`.
 * @public
 */
export abstract class Quote extends Observable {
  /**
   * The current value.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the quote is not valid.
   */
  abstract value(): number;

  /** True when the quote holds a usable (finite) value. */
  abstract isValid(): boolean;

  /**
   * The value now (on subscription) and after every change, emitted in phase 2 of a
   * propagation; `NaN` is emitted while the quote is invalid (check `isValid()`).
   */
  get value$(): RxObservable<number> {
    return this.sinkStream(() => (this.isValid() ? this.value() : Number.NaN), true);
  }
}
