import { checkInteger } from '../_lib/checks.js';
import { InvalidInputError } from '../errors.js';
import { OvernightIndex } from '../indexes/OvernightIndex.js';
import { BusinessDayConvention } from '../time/BusinessDayConvention.js';
import type { Date } from '../time/Date.js';
import { TimeUnit } from '../time/TimeUnit.js';
import { FloatingRateCoupon, type FloatingRateCouponOptions } from './FloatingRateCoupon.js';

/**
 * Fields of an {@link OvernightIndexedCoupon}.
 * @public
 */
export interface OvernightIndexedCouponOptions extends FloatingRateCouponOptions {
  /** The overnight index (SOFR, €STR, …). */
  readonly index: OvernightIndex;
  /** Lookback p: business days (of the index calendar) between each day and the day whose rate it uses; default 0. */
  readonly lookbackDays?: number;
  /** Lockout L: the last L business days of the period use one rate; default 0. */
  readonly lockoutDays?: number;
  /**
   * Shift the observation period back by the lookback (weights and day count from the shifted
   * period) instead of only the rates; default false.
   */
  readonly observationShift?: boolean;
}

/**
 * A coupon paying the daily-compounded overnight rate over its period, fixed in arrears, with
 * the lookback, lockout and observation-shift conventions.
 *
 * @remarks
 * With the period's business days d_0 = start < d_1 < … < d_n = end (start and end included
 * even when they are not business days), daily weights τ_i = τ(d_i, d_{i+1}) and the total
 * τ = τ(d_0, d_n) by the index's day counter (n_i/360 and d/360 for SOFR and €STR), the
 * compounded rate is
 *
 *   R = [∏_{i=0}^{n−1} (1 + r_i τ_i) − 1] / τ
 *
 * and the coupon rate is gearing · R + spread (spread not compounded). The rate r_i of day i:
 * - plain (p = 0): the fixing for d_i;
 * - lookback without observation shift ("Lag"): the fixing for the business day p business
 *   days before d_i, with d_i, τ_i and τ those of the interest period;
 * - observation shift: d_i run over the observation period [start − p, end − p] (business
 *   days), which also gives τ_i and τ, and r_i is the fixing for d_i;
 * - lockout L: for the last L days (i ≥ n − L) r_i is the rate of day n − L, the "rate
 *   cut-off" L business days before the end.
 * Fixings dated before the evaluation date come from the store (`MissingFixingError` when
 * absent), the evaluation date's is stored or forecast, later ones are forecast off the
 * index's curve, each as (P(v)/P(v⁺) − 1)/τ(v, v⁺). On a curve, without lookback (or with the
 * observation shift) the product telescopes and R is the simple forward
 * (P(d_0)/P(d_n) − 1)/τ over the (observation) period.
 * Observes: its index (fixings, curve, evaluation date).
 * Source: ISDA, 2021 Interest Rate Derivatives Definitions, overnight rate compounding methods
 * ("Compounding", "Compounding with Lookback", "Compounding with Observation Period Shift",
 * "Compounding with Lockout"); ARRC, "SOFR Floating Rate Notes Conventions Matrix" (2019) and
 * "A User's Guide to SOFR" (2019) for the in-arrears formula, lookback, observation shift and
 * rate cut-off; QuantLib `ql/cashflows/overnightindexedcoupon.hpp` (accessors `valueDates`,
 * `fixingDates`, `dt`, `indexFixings`).
 * Checked against: `test/cashflows/OvernightIndexedCoupon.test.ts` (flat-curve forwards with
 * and without shift, hand-checked shifted dates, past fixings compounded by hand) and QuantLib
 * 1.29 plain compounded coupons in `test/reference/quantlib-1.29-cashflows.json`.
 * @public
 */
export class OvernightIndexedCoupon extends FloatingRateCoupon {
  declare readonly index: OvernightIndex;
  readonly lookbackDays: number;
  readonly lockoutDays: number;
  readonly observationShift: boolean;
  readonly #valueDates: readonly Date[];
  readonly #fixingDates: readonly Date[];
  readonly #dt: readonly number[];
  readonly #span: number;
  #fixings: readonly number[] = [];

  /**
   * @param options - see {@link OvernightIndexedCouponOptions}.
   * @throws InvalidInputError as {@link FloatingRateCoupon}, when the index is not an
   * OvernightIndex, the lookback or lockout is not an integer ≥ 0, or the lockout is not
   * shorter than the number of daily periods.
   */
  constructor(options: OvernightIndexedCouponOptions) {
    if (!(options.index instanceof OvernightIndex)) throw InvalidInputError.outOfRange('index', options.index, 'an OvernightIndex');
    super(options, options.index);
    const p = options.lookbackDays ?? 0;
    const lockout = options.lockoutDays ?? 0;
    checkInteger('lookbackDays', p, 0);
    checkInteger('lockoutDays', lockout, 0);
    this.lookbackDays = p;
    this.lockoutDays = lockout;
    this.observationShift = options.observationShift ?? false;
    const cal = this.index.fixingCalendar();
    const shift = this.observationShift && p > 0;
    const start = shift ? cal.advance(this.accrualStartDate, -p, TimeUnit.Days) : this.accrualStartDate;
    const end = shift ? cal.advance(this.accrualEndDate, -p, TimeUnit.Days) : this.accrualEndDate;
    if (!end.isAfter(start)) {
      throw InvalidInputError.outOfRange('accrualEndDate', this.accrualEndDate.toISOString(), `dates whose observation period (${start.toISOString()}, ${end.toISOString()}) is not empty`);
    }
    const dates: Date[] = [start];
    for (let d = start.addDays(1); d.isBefore(end); d = d.addDays(1)) if (cal.isBusinessDay(d)) dates.push(d);
    dates.push(end);
    const n = dates.length - 1;
    if (lockout >= n) throw InvalidInputError.outOfRange('lockoutDays', lockout, `integers in [0, ${n - 1}] (the period has ${n} daily rates)`);
    const lag = shift ? 0 : p;
    const fixingDates = dates.slice(0, n).map((d) => {
      const observed = cal.advance(cal.adjust(d, BusinessDayConvention.Preceding), -lag, TimeUnit.Days);
      return this.index.fixingDate(observed);
    });
    for (let i = n - lockout; i < n; i++) fixingDates[i] = fixingDates[n - lockout];
    const dc = this.index.dayCounter;
    this.#valueDates = Object.freeze(dates);
    this.#fixingDates = Object.freeze(fixingDates);
    this.#dt = Object.freeze(dates.slice(0, n).map((d, i) => dc.yearFraction(d, dates[i + 1])));
    this.#span = dc.yearFraction(start, end);
  }

  /** The daily dates d_0 … d_n of the (observation) period (a copy). */
  valueDates(): Date[] {
    return [...this.#valueDates];
  }

  /** The fixing date of each daily rate r_0 … r_{n−1}, after lookback and lockout (a copy). */
  fixingDates(): Date[] {
    return [...this.#fixingDates];
  }

  /** The daily weights τ_i (years by the index's day counter; a copy). */
  dt(): number[] {
    return [...this.#dt];
  }

  /**
   * The daily rates r_0 … r_{n−1} used (decimals), stored or forecast.
   * @throws MissingFixingError for a missing past fixing.
   */
  indexFixings(): number[] {
    this.calculate();
    return [...this.#fixings];
  }

  /**
   * The compounded rate R = [∏(1 + r_i τ_i) − 1]/τ, a decimal per year (no gearing or spread).
   * @throws MissingFixingError for a missing past fixing; QuantflowError (`EMPTY_HANDLE`) when a
   * forecast is needed without a curve.
   */
  indexFixing(): number {
    const fixings = this.#fixingDates.map((d) => this.index.fixing(d));
    this.#fixings = Object.freeze(fixings);
    let compound = 1;
    for (let i = 0; i < fixings.length; i++) compound *= 1 + fixings[i] * this.#dt[i];
    return (compound - 1) / this.#span;
  }
}
