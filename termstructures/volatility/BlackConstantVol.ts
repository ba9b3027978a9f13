import { checkNonNegative } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import type { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import type { TermStructureOptions } from '../TermStructure.js';
import { quoteHandle } from '../_lib/quoteHandle.js';
import { BlackVolTermStructure } from './BlackVolTermStructure.js';

/**
 * A flat Black volatility σ for every time and strike: w(t, K) = σ² t.
 *
 * @remarks
 * The vol may be a live quote. Observes: the vol quote (through its handle) and, with a moving
 * reference date, the evaluation date.
 * Source: QuantLib `ql/termstructures/volatility/equityfx/blackconstantvol.hpp`.
 * Checked against: `test/termstructures/volatility.test.ts`.
 *
 * @example
 * ```ts
 * import { BlackConstantVol, Date } from 'quantflow';
 * new BlackConstantVol(0.2, { referenceDate: Date.fromISO('2025-01-02') }).blackVariance(2, 100); //=> 0.08000000000000002
 * ```
 * @public
 */
export class BlackConstantVol extends BlackVolTermStructure {
  private readonly vol: Handle<Quote>;

  /**
   * @param volatility - σ as a decimal ≥ 0, or a quote handle.
   * @param options - reference date, day counter… (see {@link TermStructureOptions}).
   * @throws InvalidInputError when a numeric vol is negative or not finite.
   */
  constructor(volatility: number | Handle<Quote>, options: TermStructureOptions = {}) {
    super(options);
    this.vol = quoteHandle('volatility', volatility, checkNonNegative);
    this.registerWith(this.vol);
  }

  protected blackVarianceImpl(t: number): number {
    const v = this.vol.currentLink().value();
    if (!(v >= 0)) throw InvalidInputError.outOfRange('volatility', v, '[0, ∞)');
    return v * v * t;
  }
}
