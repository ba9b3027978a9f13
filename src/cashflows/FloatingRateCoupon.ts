import { checkFinite, checkInteger } from '../_lib/checks.js';
import { InvalidInputError } from '../errors.js';
import { InterestRateIndex } from '../indexes/InterestRateIndex.js';
import { BusinessDayConvention } from '../time/BusinessDayConvention.js';
import type { Date } from '../time/Date.js';
import { DayCounter } from '../time/DayCounter.js';
import { TimeUnit } from '../time/TimeUnit.js';
import { Coupon, type CouponOptions } from './Coupon.js';

/**
 * Fields of a {@link FloatingRateCoupon}.
 * @public
 */
export interface FloatingRateCouponOptions extends CouponOptions {
  /** Multiplier of the index fixing; default 1; finite. */
  readonly gearing?: number;
  /** Added to the geared fixing, a decimal per year; default 0; finite. */
  readonly spread?: number;
  /** Day counter of the accrual; default the index's. */
  readonly dayCounter?: DayCounter;
}

/**
 * A coupon whose rate is gearing · (index fixing) + spread.
 *
 * @remarks
 * The rate is computed lazily and cached; the coupon observes its index, so a new fixing, a
 * curve change or a new evaluation date makes it recompute on the next read.
 * Observes: its index.
 * Source: QuantLib `ql/cashflows/floatingratecoupon.hpp` (without caps, floors or a pricer:
 * the plain coupon rate gearing · fixing + spread).
 * Checked against: `test/cashflows/coupons.test.ts`.
 * @public
 */
export abstract class FloatingRateCoupon extends Coupon {
  readonly index: InterestRateIndex;
  readonly gearing: number;
  readonly spread: number;
  readonly #dayCounter: DayCounter;
  #rate = Number.NaN;

  /**
   * @param options - see {@link FloatingRateCouponOptions}.
   * @param index - the index.
   * @throws InvalidInputError as {@link Coupon}, for a non-finite gearing or spread, a zero
   * gearing, or a missing index or day counter.
   */
  protected constructor(options: FloatingRateCouponOptions, index: InterestRateIndex) {
    super(options);
    if (!(index instanceof InterestRateIndex)) throw InvalidInputError.outOfRange('index', index, 'an InterestRateIndex');
    const gearing = options.gearing ?? 1;
    const spread = options.spread ?? 0;
    checkFinite('gearing', gearing);
    if (gearing === 0) throw InvalidInputError.outOfRange('gearing', gearing, '(-∞, 0) ∪ (0, ∞) (a null gearing is a fixed coupon)');
    checkFinite('spread', spread);
    const dayCounter = options.dayCounter ?? index.dayCounter;
    if (!(dayCounter instanceof DayCounter)) throw InvalidInputError.outOfRange('dayCounter', dayCounter, 'a DayCounter');
    this.index = index;
    this.gearing = gearing;
    this.spread = spread;
    this.#dayCounter = dayCounter;
    this.registerWith(index);
  }

  /** The (unadjusted) index fixing the coupon uses, a decimal per year. */
  abstract indexFixing(): number;

  dayCounter(): DayCounter {
    return this.#dayCounter;
  }

  /**
   * gearing · indexFixing() + spread, a decimal per year (cached).
   * @throws MissingFixingError when a past fixing is missing; QuantflowError (`EMPTY_HANDLE`)
   * when a forecast is needed without a curve.
   */
  rate(): number {
    this.calculate();
    return this.#rate;
  }

  protected override performCalculations(): void {
    this.#rate = this.gearing * this.indexFixing() + this.spread;
  }
}

/**
 * The fixing date `fixingDays` business days before `d` on the index's calendar (rolling back
 * from a holiday), QuantLib's `FloatingRateCoupon::fixingDate`.
 * @internal
 */
export function fixingDateBefore(index: InterestRateIndex, d: Date, fixingDays: number): Date {
  checkInteger('fixingDays', fixingDays, 0);
  return index.fixingCalendar().advance(d, -fixingDays, TimeUnit.Days, BusinessDayConvention.Preceding);
}
