import { checkFinite } from '../../src/_lib/checks.js';
import type { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import type { TermStructureOptions } from '../TermStructure.js';
import { quoteHandle } from '../_lib/quoteHandle.js';
import { YieldTermStructure } from './YieldTermStructure.js';

/**
 * A flat curve: one continuously compounded rate r for every maturity, P(0, t) = e^{−r t}.
 *
 * @remarks
 * The rate may be a live quote: a tick notifies every dependant.
 * Observes: the rate quote (through its handle) and, with a moving reference date, the
 * evaluation date.
 * Source: QuantLib `ql/termstructures/yield/flatforward.hpp` (continuous compounding).
 * Checked against: `test/termstructures/yield.test.ts` (closed form e^{−rt}).
 *
 * @example
 * ```ts
 * import { Date, FlatForward } from 'quantflow';
 * const curve = new FlatForward(0.05, { referenceDate: Date.fromISO('2025-01-02') });
 * curve.discount(1); //=> 0.951229424500714
 * ```
 * @public
 */
export class FlatForward extends YieldTermStructure {
  private readonly rate: Handle<Quote>;

  /**
   * @param rate - the continuously compounded rate: a number (decimal, finite) or a quote handle.
   * @param options - reference date, day counter… (see {@link TermStructureOptions}).
   * @throws InvalidInputError when a numeric rate is not finite.
   */
  constructor(rate: number | Handle<Quote>, options: TermStructureOptions = {}) {
    super(options);
    this.rate = quoteHandle('rate', rate, checkFinite);
    this.registerWith(this.rate);
  }

  /**
   * The flat rate.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the rate quote is invalid.
   */
  forward(): number {
    return this.rate.currentLink().value();
  }

  protected discountImpl(t: number): number {
    return Math.exp(-this.forward() * t);
  }
}
