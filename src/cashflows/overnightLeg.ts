import type { OvernightIndex } from '../indexes/OvernightIndex.js';
import type { Schedule } from '../time/Schedule.js';
import type { FloatingLegOptions } from './FloatingLegOptions.js';
import type { Leg } from './Leg.js';
import { OvernightIndexedCoupon } from './OvernightIndexedCoupon.js';
import { floatingPeriods } from './_lib/legPeriods.js';

/**
 * Options of {@link overnightLeg}.
 * @public
 */
export interface OvernightLegOptions extends FloatingLegOptions {
  /** Lookback in business days; default 0. */
  readonly lookbackDays?: number;
  /** Lockout (rate cut-off) in business days; default 0. */
  readonly lockoutDays?: number;
  /** Shift the observation period by the lookback; default false. */
  readonly observationShift?: boolean;
}

/**
 * A leg of overnight coupons compounded in arrears (SOFR, €STR), one per period of a schedule.
 *
 * @remarks
 * As {@link fixedLeg} for dates, nominals and payment; each coupon is an
 * {@link OvernightIndexedCoupon} with the leg's lookback, lockout and observation shift.
 * Source: QuantLib `ql/cashflows/overnightindexedcoupon.hpp` (`OvernightLeg`); ISDA 2021
 * Definitions and ARRC conventions as cited at {@link OvernightIndexedCoupon}.
 * Checked against: `test/cashflows/legs.test.ts` (par on its own curve; QuantLib 1.29's SOFR
 * leg with past fixings and a 2-day payment lag, in `test/reference/quantlib-1.29-cashflows.json`).
 * @param schedule - the accrual schedule.
 * @param index - the overnight index.
 * @param options - see {@link OvernightLegOptions}.
 * @returns the coupons, in date order.
 * @throws InvalidInputError as {@link iborLeg}, or for a bad lookback or lockout.
 * @public
 */
export function overnightLeg(schedule: Schedule, index: OvernightIndex, options: OvernightLegOptions): Leg {
  return floatingPeriods(schedule, index.currency, options).map(
    (p) =>
      new OvernightIndexedCoupon({
        ...p, index, dayCounter: options.dayCounter,
        lookbackDays: options.lookbackDays, lockoutDays: options.lockoutDays, observationShift: options.observationShift,
      }),
  );
}
