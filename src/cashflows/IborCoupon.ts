import { InvalidInputError } from '../errors.js';
import { IborIndex } from '../indexes/IborIndex.js';
import { Settings } from '../settings.js';
import { Date } from '../time/Date.js';
import { TimeUnit } from '../time/TimeUnit.js';
import { fixingDateBefore, FloatingRateCoupon, type FloatingRateCouponOptions } from './FloatingRateCoupon.js';

/**
 * Fields of an {@link IborCoupon}.
 * @public
 */
export interface IborCouponOptions extends FloatingRateCouponOptions {
  /** The term-rate index. */
  readonly index: IborIndex;
  /** Business days between fixing and accrual start (end, in arrears); default the index's. */
  readonly fixingDays?: number;
  /** Fix at the end of the accrual period instead of its start; default false. */
  readonly inArrears?: boolean;
  /**
   * Forecast over the index's own period (value date + tenor) instead of the coupon's;
   * default false (QuantLib 1.29's default "par coupon").
   */
  readonly indexedCoupon?: boolean;
}

/**
 * A coupon paying a term rate (Euribor, term SOFR) fixed before its period, times a gearing,
 * plus a spread.
 *
 * @remarks
 * Fixing date: `fixingDays` business days before the accrual start (before the end when in
 * arrears). A fixing date before the evaluation date reads the stored fixing
 * (`MissingFixingError` if absent); on it, the stored one if any; later ones are forecast. As in
 * QuantLib 1.29 by default ("par coupon"), a coupon not in arrears forecasts the simple
 * forward over its own period, [valueDate(fixing), valueDate(fixing date of the accrual end)]
 * (at least one day) by the index's day counter, so that a floating leg on its forwarding curve
 * is worth par; with `indexedCoupon` (and always in arrears) it forecasts the index's own
 * period, [valueDate, maturityDate(valueDate)].
 * rate = gearing · fixing + spread; amount = nominal · rate · τ(start, end).
 * Source: QuantLib `ql/cashflows/iborcoupon.hpp` / `.cpp` (`fixingDate`, par-coupon
 * estimation period, `IborCoupon::Settings`).
 * Checked against: `test/cashflows/coupons.test.ts` (forecast = curve's simple forward, past
 * fixing, missing fixing error, reaction to a new fixing) and QuantLib 1.29 leg values in
 * `test/reference/quantlib-1.29-cashflows.json`.
 * @public
 */
export class IborCoupon extends FloatingRateCoupon {
  declare readonly index: IborIndex;
  readonly fixingDays: number;
  readonly isInArrears: boolean;
  readonly indexedCoupon: boolean;

  /**
   * @param options - see {@link IborCouponOptions}.
   * @throws InvalidInputError as {@link FloatingRateCoupon}, when the index is not an IborIndex
   * or `fixingDays` is not an integer ≥ 0.
   */
  constructor(options: IborCouponOptions) {
    if (!(options.index instanceof IborIndex)) throw InvalidInputError.outOfRange('index', options.index, 'an IborIndex');
    super(options, options.index);
    this.fixingDays = options.fixingDays ?? options.index.fixingDays;
    this.isInArrears = options.inArrears ?? false;
    this.indexedCoupon = options.indexedCoupon ?? false;
    fixingDateBefore(this.index, this.accrualStartDate, this.fixingDays); // validates fixingDays
  }

  #fixingDate: Date | undefined;
  #fixingPeriod: [Date, Date] | undefined;

  /**
   * The date the rate fixes on. Cached, like {@link IborCoupon.fixingPeriod}: both depend only on
   * the coupon's dates and the index's calendar, so a holiday added to that calendar after the
   * coupon was built is not seen (nor is it by the coupon's accrual dates).
   */
  fixingDate(): Date {
    this.#fixingDate ??= fixingDateBefore(this.index, this.isInArrears ? this.accrualEndDate : this.accrualStartDate, this.fixingDays);
    return this.#fixingDate;
  }

  /**
   * The forecast period [start, end] of the fixing: the coupon's own (par coupon) or the index's.
   * @returns `[valueDate, endDate]`.
   */
  fixingPeriod(): [Date, Date] {
    this.#fixingPeriod ??= this.#computeFixingPeriod();
    return [...this.#fixingPeriod];
  }

  #computeFixingPeriod(): [Date, Date] {
    const cal = this.index.fixingCalendar();
    const fixing = this.fixingDate();
    const valueDate = cal.advance(fixing, this.index.fixingDays, TimeUnit.Days);
    if (this.indexedCoupon || this.isInArrears) return [valueDate, this.index.maturityDate(valueDate)];
    const nextFixing = cal.advance(this.accrualEndDate, -this.fixingDays, TimeUnit.Days);
    const end = cal.advance(nextFixing, this.index.fixingDays, TimeUnit.Days);
    return [valueDate, Date.max(end, valueDate.addDays(1))];
  }

  /**
   * The index fixing: stored for past dates, forecast over {@link IborCoupon.fixingPeriod} later.
   * @throws MissingFixingError for a missing past fixing.
   */
  indexFixing(): number {
    const fixing = this.fixingDate();
    const today = Settings.instance.evaluationDate.value();
    if (fixing.isBefore(today) || (fixing.equals(today) && this.index.hasHistoricalFixing(fixing))) return this.index.fixing(fixing);
    const [d1, d2] = this.fixingPeriod();
    return this.index.forecastFixingBetween(d1, d2, this.index.dayCounter.yearFraction(d1, d2));
  }
}
