import { Quote } from './Quote.js';
import { invalidQuote } from './_lib/invalidQuote.js';

/**
 * A quote whose value is set by the application (a market-data feed, a user, a scenario).
 *
 * @remarks
 * `setValue` notifies observers only when the value changes; NaN marks the quote invalid.
 * Source: QuantLib `ql/quotes/simplequote.hpp`.
 * Checked against: `test/quotes/quotes.test.ts`.
 *
 * @example
 * ```ts
 * import { SimpleQuote } from 'quantflow';
 * const spot = new SimpleQuote(100);
 * spot.setValue(101); //=> 1
 * spot.value(); //=> 101
 * ```
 * @public
 */
export class SimpleQuote extends Quote {
  private current: number;

  /**
   * @param value - initial value; omitted or NaN gives an invalid quote. ±Infinity is treated as
   * invalid too (no finite price can be computed from it).
   */
  constructor(value: number = Number.NaN) {
    super();
    this.current = value;
  }

  /**
   * The current value.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the quote is invalid.
   */
  value(): number {
    if (!this.isValid()) throw invalidQuote(this, `value is ${this.current}`);
    return this.current;
  }

  /** True when the value is a finite number. */
  isValid(): boolean {
    return Number.isFinite(this.current);
  }

  /**
   * Sets the value and notifies observers if it changed (NaN → NaN is no change).
   * @param value - the new value; NaN (or ±Infinity) makes the quote invalid.
   * @returns the change `value − previous` (NaN when either is invalid).
   */
  setValue(value: number): number {
    const previous = this.current;
    if (value === previous || (Number.isNaN(value) && Number.isNaN(previous))) return 0;
    this.current = value;
    this.notifyObservers();
    return value - previous;
  }

  /** Makes the quote invalid (as QuantLib's `reset()`), notifying observers. */
  reset(): void {
    this.setValue(Number.NaN);
  }
}
