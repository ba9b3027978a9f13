import { checkFinite } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { Compounding } from '../../src/rates/Compounding.js';
import { InterestRate } from '../../src/rates/InterestRate.js';
import type { Date } from '../../src/time/Date.js';
import { Frequency } from '../../src/time/Frequency.js';
import { quoteHandle } from '../_lib/quoteHandle.js';
import { YieldTermStructure } from './YieldTermStructure.js';

/**
 * A curve whose zero rates are those of a base curve plus a spread: z(t) = z_base(t) + s, the
 * rates taken under given compounding conventions.
 *
 * @remarks
 * With continuous compounding (the default) P(t) = P_base(t)·e^{−s t}. Otherwise the base zero
 * rate is read under (compounding, frequency), the spread added, and P(t) is the discount
 * factor of that rate over t. The reference date, times, maximum date and extrapolation range
 * are the base curve's (reads beyond the base's maximum date extrapolate it when this curve
 * allows extrapolation); the `dayCounter` property is the base curve's at construction.
 * Observes: the spread quote (through its handle) and the base curve handle, so a spread tick or
 * a relink notifies every dependant.
 * Source: QuantLib `ql/termstructures/yield/zerospreadedtermstructure.hpp`.
 * Checked against: `test/termstructures/interpolatedCurves.test.ts` (flat base + spread is the
 * flat curve at the summed rate under each compounding; tick and relink notifications).
 *
 * @example
 * ```ts
 * import { Date, FlatForward, Handle, ZeroSpreadedTermStructure, type YieldTermStructure } from 'quantflow';
 * const base = new FlatForward(0.03, { referenceDate: Date.fromISO('2025-01-02') });
 * const curve = new ZeroSpreadedTermStructure(new Handle<YieldTermStructure>(base), 0.01);
 * curve.discount(1); //=> 0.9607894391523233   (e^{−0.03} · e^{−0.01})
 * ```
 * @public
 */
export class ZeroSpreadedTermStructure extends YieldTermStructure {
  /** The compounding of the zero rates the spread is added to. */
  readonly compounding: Compounding;
  /** Their frequency. */
  readonly frequency: Frequency;
  private readonly base: Handle<YieldTermStructure>;
  private readonly spreadQuote: Handle<Quote>;

  /**
   * @param base - handle to the base curve (may be relinked later).
   * @param spread - the spread (decimal, 0.01 = 100 bp): a finite number or a quote handle.
   * @param compounding - compounding of the zero rates; default `Continuous`.
   * @param frequency - their frequency (a regular one when compounded); default `NoFrequency`.
   * @throws InvalidInputError when `base` is not a Handle, the spread is not finite, or the
   * compounding and frequency do not make a valid {@link InterestRate} convention.
   */
  constructor(base: Handle<YieldTermStructure>, spread: number | Handle<Quote>, compounding: Compounding = Compounding.Continuous, frequency: Frequency = Frequency.NoFrequency) {
    if (!(base instanceof Handle)) throw InvalidInputError.outOfRange('base', base, 'a Handle<YieldTermStructure>');
    super(base.empty() ? {} : { dayCounter: base.currentLink().dayCounter });
    // Validates the conventions once, as a zero rate would.
    new InterestRate(0, this.dayCounter, compounding, frequency);
    this.compounding = compounding;
    this.frequency = frequency;
    this.base = base;
    this.spreadQuote = quoteHandle('spread', spread, checkFinite);
    this.registerWith(this.base);
    this.registerWith(this.spreadQuote);
  }

  /**
   * The spread now.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spread quote is invalid.
   */
  spread(): number {
    return this.spreadQuote.currentLink().value();
  }

  /**
   * The base curve's reference date.
   * @throws QuantflowError (code `EMPTY_HANDLE`) when the base handle is empty.
   */
  override referenceDate(): Date {
    return this.base.currentLink().referenceDate();
  }

  /** Time from the reference date by the base curve's day counter. */
  override timeFromReference(date: Date): number {
    return this.base.currentLink().timeFromReference(date);
  }

  /** The base curve's maximum date. */
  override maxDate(): Date {
    return this.base.currentLink().maxDate();
  }

  /** P_base(t)·e^{−st}, or the discount factor of (z_base + s) under the conventions. */
  protected discountImpl(t: number): number {
    const base = this.base.currentLink();
    const s = this.spread();
    if (this.compounding === Compounding.Continuous) return base.discount(t, true) * Math.exp(-s * t);
    const zero = base.zeroRate(t, { compounding: this.compounding, frequency: this.frequency, extrapolate: true });
    return new InterestRate(zero.rate + s, zero.dayCounter, this.compounding, this.frequency).discountFactor(t);
  }
}
