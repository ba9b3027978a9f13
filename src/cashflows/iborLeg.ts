import type { IborIndex } from '../indexes/IborIndex.js';
import type { Schedule } from '../time/Schedule.js';
import type { FloatingLegOptions } from './FloatingLegOptions.js';
import { IborCoupon } from './IborCoupon.js';
import type { Leg } from './Leg.js';
import { floatingPeriods } from './_lib/legPeriods.js';

/**
 * Options of {@link iborLeg}.
 * @public
 */
export interface IborLegOptions extends FloatingLegOptions {
  /** Fixing days; default the index's. */
  readonly fixingDays?: number;
  /** Fix in arrears; default false. */
  readonly inArrears?: boolean;
  /** Forecast over the index's own period instead of the coupon's (see {@link IborCoupon}); default false. */
  readonly indexedCoupons?: boolean;
}

/**
 * A leg of term-rate coupons (Euribor, term SOFR), one per period of a schedule.
 *
 * @remarks
 * As {@link fixedLeg} for dates, nominals and payment; each coupon is an {@link IborCoupon} on
 * `index` with `gearings[i]` and `spreads[i]` (the last value repeats), in the index's currency.
 * Source: QuantLib `ql/cashflows/iborcoupon.hpp` (`IborLeg`).
 * Checked against: `test/cashflows/legs.test.ts` (a floating leg plus its final nominal on its
 * own forwarding curve is worth par; QuantLib 1.29's Euribor leg with a past fixing, in
 * `test/reference/quantlib-1.29-cashflows.json`).
 * @param schedule - the accrual schedule.
 * @param index - the term-rate index.
 * @param options - see {@link IborLegOptions}.
 * @returns the coupons, in date order.
 * @throws InvalidInputError for a non-finite nominal, gearing or spread, a zero gearing, or an
 * invalid payment option.
 * @public
 */
export function iborLeg(schedule: Schedule, index: IborIndex, options: IborLegOptions): Leg {
  return floatingPeriods(schedule, index.currency, options).map(
    (p) =>
      new IborCoupon({
        ...p, index, dayCounter: options.dayCounter,
        fixingDays: options.fixingDays, inArrears: options.inArrears, indexedCoupon: options.indexedCoupons,
      }),
  );
}
