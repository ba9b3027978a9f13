import { checkFinite, checkInteger } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { OvernightIndex } from '../../../src/indexes/OvernightIndex.js';
import { Sofr } from '../../../src/indexes/Sofr.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { Settings } from '../../../src/settings.js';
import { Date } from '../../../src/time/Date.js';
import { Frequency } from '../../../src/time/Frequency.js';
import { TimeUnit } from '../../../src/time/TimeUnit.js';
import { UnitedStates, UnitedStatesMarket } from '../../../src/time/UnitedStates.js';
import { Weekday } from '../../../src/time/Weekday.js';
import { quoteHandle } from '../../_lib/quoteHandle.js';
import type { YieldTermStructure } from '../YieldTermStructure.js';
import { RateHelper } from './RateHelper.js';

/**
 * Options of a {@link SofrFutureRateHelper}.
 * @public
 */
export interface SofrFutureRateHelperOptions {
  /** The overnight index averaged (its day counter and fixing calendar); default a new {@link Sofr}. */
  readonly index?: OvernightIndex;
  /**
   * Convexity adjustment c = futures rate − forward rate, decimal (≥ 0 for long-dated
   * contracts): a finite number or a quote handle; default 0.
   */
  readonly convexityAdjustment?: number | Handle<Quote>;
  /**
   * How the overnight rates of the reference period are averaged: `'compound'` (QuantLib's
   * default; the CME 3M contract) or `'simple'` (arithmetic average; the CME 1M contract).
   */
  readonly averagingMethod?: 'compound' | 'simple';
}

const US_GOVERNMENT_BOND = new UnitedStates(UnitedStatesMarket.GovernmentBond);

/**
 * A 1M or 3M SOFR future: price 100 · (1 − R − c), R the overnight rate averaged over the
 * contract's reference period and c the convexity adjustment.
 *
 * @remarks
 * Reference period (CME): 3M (`Frequency.Quarterly`) from the third Wednesday of the reference
 * month (an IMM date) to the third Wednesday three months later; 1M (`Frequency.Monthly`) from
 * the first business day of the month to the first business day of the next (US government-bond
 * calendar, as QuantLib). On a curve P the compounded average is R = (P(s)/P(e) − 1)/τ(s, e)
 * (the daily factors telescope), and the arithmetic average is R = Σ_i (P(d_i)/P(d_{i+1}) − 1)/τ(s, e)
 * over the index's business days d_i; τ by the index's day counter (Act/360 for SOFR). The quote
 * is the futures price (e.g. 95.75); `quoteError` is in price units. The dates depend only on the
 * contract month, so they are computed once. A reference period that has started before the
 * evaluation date would need the realised fixings and is refused when the curve asks for it.
 * The pillar is the period's end.
 *
 * Source: QuantLib `ql/termstructures/yield/overnightindexfutureratehelper.hpp` (1.29:
 * `SofrFutureRateHelper`, `OvernightIndexFutureRateHelper`) and
 * `ql/instruments/overnightindexfuture.hpp`; CME Group, "SOFR futures contract specifications"
 * (1M: arithmetic average over the month; 3M: compounded over the IMM quarter).
 * Checked against: `test/termstructures/sofrFutures.test.ts` (IMM and monthly periods, closed
 * form on a flat curve, convexity sign, bootstrap reprices to 1e-12).
 *
 * @example
 * ```ts
 * import { Date, FlatForward, Frequency, Settings, SofrFutureRateHelper } from 'quantflow';
 * Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
 * const h = new SofrFutureRateHelper(95.9, 3, 2025, Frequency.Quarterly); // SR3 March 2025
 * h.startDate().toISOString(); //=> '2025-03-19'
 * h.impliedQuote(new FlatForward(0.04, { referenceDate: Date.fromISO('2025-01-02') })).toFixed(6); //=> '96.035057'
 * ```
 * @public
 */
export class SofrFutureRateHelper extends RateHelper {
  /** The convexity adjustment (decimal rate). */
  readonly convexityAdjustment: Handle<Quote>;
  /** Averaging of the overnight rates. */
  readonly averagingMethod: 'compound' | 'simple';
  /** The averaged index. */
  readonly index: OvernightIndex;
  /** Contract length: Monthly (1M) or Quarterly (3M). */
  readonly referenceFrequency: Frequency;
  readonly #start: Date;
  readonly #end: Date;
  readonly #tau: number;
  readonly #days: readonly Date[];

  /**
   * @param price - the futures price (≈ 100 − rate in percent): a finite number or a quote handle.
   * @param referenceMonth - month of the contract, integer 1–12.
   * @param referenceYear - year of the contract, integer 1901–2199.
   * @param referenceFrequency - `Frequency.Monthly` (1M) or `Frequency.Quarterly` (3M).
   * @param options - index, convexity adjustment, averaging method.
   * @throws InvalidInputError when the price or the adjustment is not finite, the month or year is
   *   out of range, the frequency is neither Monthly nor Quarterly, or the averaging is unknown.
   */
  constructor(price: number | Handle<Quote>, referenceMonth: number, referenceYear: number, referenceFrequency: Frequency, options: SofrFutureRateHelperOptions = {}) {
    const index = options.index ?? new Sofr();
    super(price, { calendar: index.fixingCalendar(), dayCounter: index.dayCounter });
    checkInteger('referenceMonth', referenceMonth, 1, 12);
    checkInteger('referenceYear', referenceYear, 1901, 2199);
    if (referenceFrequency !== Frequency.Monthly && referenceFrequency !== Frequency.Quarterly) {
      throw InvalidInputError.outOfRange('referenceFrequency', referenceFrequency, '{4 (Quarterly), 12 (Monthly)}');
    }
    const averaging = options.averagingMethod ?? 'compound';
    if (averaging !== 'compound' && averaging !== 'simple') throw InvalidInputError.outOfRange('options.averagingMethod', averaging, "{'compound', 'simple'}");
    this.averagingMethod = averaging;
    this.index = index;
    this.referenceFrequency = referenceFrequency;
    this.convexityAdjustment = quoteHandle('options.convexityAdjustment', options.convexityAdjustment ?? 0, checkFinite);
    this.convexityAdjustment.registerObserver(this);
    [this.#start, this.#end] = referencePeriod(referenceMonth, referenceYear, referenceFrequency);
    this.#tau = this.dayCounter.yearFraction(this.#start, this.#end);
    const days: Date[] = [];
    if (averaging === 'simple') {
      for (let d = this.calendar.adjust(this.#start); d.isBefore(this.#end); d = this.calendar.advance(d, 1, TimeUnit.Days)) days.push(d);
      days.push(this.#end);
    }
    this.#days = days;
  }

  /** First day of the reference period. */
  override startDate(): Date {
    return this.#start;
  }

  /** End of the reference period (exclusive). */
  maturityDate(): Date {
    return this.#end;
  }

  /** The end of the reference period. */
  pillarDate(): Date {
    return this.#end;
  }

  override movesWithEvaluationDate(): boolean {
    return false;
  }

  /**
   * The futures price the curve implies: 100 · (1 − R − c).
   * @param curve - a yield curve covering the reference period (read with extrapolation).
   * @throws InvalidInputError when the reference period started before the evaluation date;
   *   QuantflowError (code `INVALID_QUOTE`) when the adjustment quote is invalid.
   */
  impliedQuote(curve: YieldTermStructure): number {
    const today = Settings.instance.evaluationDate.value();
    if (this.#start.isBefore(today)) {
      throw InvalidInputError.outOfRange('reference period start', this.#start.toISOString(), `[${today.toISOString()}, ∞) (a started contract needs its realised fixings)`);
    }
    let rate: number;
    if (this.averagingMethod === 'compound') {
      rate = (curve.discount(this.#start, true) / curve.discount(this.#end, true) - 1) / this.#tau;
    } else {
      let sum = 0;
      let previous = curve.discount(this.#days[0] as Date, true);
      for (let i = 1; i < this.#days.length; i++) {
        const next = curve.discount(this.#days[i] as Date, true);
        sum += previous / next - 1;
        previous = next;
      }
      rate = sum / this.#tau;
    }
    return 100 * (1 - rate - this.convexityAdjustment.currentLink().value());
  }
}

/** [start, end) of a SOFR future's reference period (QuantLib 1.29's `getValidSofrStart/End`). */
function referencePeriod(month: number, year: number, frequency: Frequency): [Date, Date] {
  if (frequency === Frequency.Monthly) {
    const start = US_GOVERNMENT_BOND.adjust(Date.fromYMD(year, month, 1));
    const end = US_GOVERNMENT_BOND.advance(US_GOVERNMENT_BOND.endOfMonth(Date.fromYMD(year, month, 1)), 1, TimeUnit.Days);
    return [start, end];
  }
  const start = Date.nthWeekday(3, Weekday.Wednesday, month, year);
  const later = start.add(3, TimeUnit.Months);
  return [start, Date.nthWeekday(3, Weekday.Wednesday, later.month(), later.year())];
}
