import { InvalidInputError } from '../errors.js';
import type { Currency } from '../money/Currency.js';
import type { DecimalInput } from '../money/Money.js';
import { Compounding } from '../rates/Compounding.js';
import { InterestRate } from '../rates/InterestRate.js';
import type { BusinessDayConvention } from '../time/BusinessDayConvention.js';
import type { Calendar } from '../time/Calendar.js';
import { DayCounter } from '../time/DayCounter.js';
import { Frequency } from '../time/Frequency.js';
import type { Schedule } from '../time/Schedule.js';
import { FixedRateCoupon } from './FixedRateCoupon.js';
import type { Leg } from './Leg.js';
import { legPeriods, valueAt } from './_lib/legPeriods.js';

/**
 * Options of {@link fixedLeg}.
 * @public
 */
export interface FixedLegOptions {
  /** Nominal per period (the last one repeats), in units of `currency`. */
  readonly nominals: DecimalInput | readonly DecimalInput[];
  /** Currency of the nominals and coupons. */
  readonly currency: Currency;
  /** Coupon rates per period (the last one repeats): decimals with `dayCounter`, or InterestRates. */
  readonly couponRates: number | InterestRate | readonly (number | InterestRate)[];
  /** Day counter of numeric rates (required with numbers; ignored for InterestRates). */
  readonly dayCounter?: DayCounter;
  /** Compounding of numeric rates; default `Simple`. */
  readonly compounding?: Compounding;
  /** Frequency of numeric compounded rates; default `Annual`. */
  readonly frequency?: Frequency;
  /** Rolling rule of payment dates; default `Following`. */
  readonly paymentConvention?: BusinessDayConvention;
  /** Business days from accrual end to payment; integer ≥ 0, default 0. */
  readonly paymentLag?: number;
  /** Calendar of payment dates; default the schedule's. */
  readonly paymentCalendar?: Calendar;
}

/**
 * A leg of fixed-rate coupons, one per period of a schedule.
 *
 * @remarks
 * Period i accrues from `schedule.at(i)` to `schedule.at(i + 1)` on `nominals[i]` at
 * `couponRates[i]` (arrays shorter than the leg repeat their last value); it is paid
 * `paymentLag` business days after the accrual end, rolled by the payment convention. A stub
 * first or last period gets the regular period it belongs to as its reference period. No
 * notional exchange: add a {@link SimpleCashFlow} for a redemption.
 * Source: QuantLib `ql/cashflows/fixedratecoupon.hpp` (`FixedRateLeg`).
 * Checked against: `test/cashflows/legs.test.ts` and QuantLib 1.29 fixed-leg analytics in
 * `test/reference/quantlib-1.29-cashflows.json`.
 * @param schedule - the accrual schedule.
 * @param options - see {@link FixedLegOptions}.
 * @returns the coupons, in date order.
 * @throws InvalidInputError when a nominal or rate is not finite, numeric rates lack a day
 * counter, a payment option is invalid, or a coupon is (see {@link FixedRateCoupon}).
 * @public
 */
export function fixedLeg(schedule: Schedule, options: FixedLegOptions): Leg {
  const { couponRates } = options;
  if (couponRates === undefined || (Array.isArray(couponRates) && couponRates.length === 0)) {
    throw InvalidInputError.outOfRange('couponRates', couponRates, 'a rate or a non-empty array of rates');
  }
  return legPeriods(schedule, options.nominals, options.currency, options).map((p, i) => {
    const r = valueAt<number | InterestRate>(couponRates, i, 0);
    let rate: InterestRate;
    if (r instanceof InterestRate) {
      rate = r;
    } else {
      if (!(options.dayCounter instanceof DayCounter)) throw InvalidInputError.outOfRange('dayCounter', options.dayCounter, 'a DayCounter (needed for numeric couponRates)');
      if (typeof r !== 'number' || !Number.isFinite(r)) throw InvalidInputError.outOfRange(`couponRates[${i}]`, r, '(-∞, ∞), finite');
      rate = new InterestRate(r, options.dayCounter, options.compounding ?? Compounding.Simple, options.frequency ?? Frequency.Annual);
    }
    return new FixedRateCoupon({
      paymentDate: p.paymentDate, nominal: p.nominal, accrualStartDate: p.start, accrualEndDate: p.end,
      refPeriodStart: p.refStart, refPeriodEnd: p.refEnd, rate,
    });
  });
}
