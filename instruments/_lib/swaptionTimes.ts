import type { Date } from '../../src/time/Date.js';
import type { SwaptionArguments } from '../Swaption.js';

/**
 * The dates of {@link SwaptionArguments} as times on an engine's clock, in flat arrays (what a
 * tree, FD or analytic engine iterates over).
 * @internal
 */
export interface SwaptionTimes {
  /** Exercise times, ascending, years. */
  readonly exerciseTimes: Float64Array;
  /** Fixed coupons: accrual start times. */
  readonly fixedStartTimes: Float64Array;
  /** Fixed coupons: payment times. */
  readonly fixedPaymentTimes: Float64Array;
  /** Fixed coupons: amounts N·K·τ (currency units). */
  readonly fixedAmounts: Float64Array;
  /** Fixed coupons: accrual fractions τ. */
  readonly fixedAccruals: Float64Array;
  /** Floating coupons: accrual start times. */
  readonly floatStartTimes: Float64Array;
  /** Floating coupons: accrual end times. */
  readonly floatEndTimes: Float64Array;
  /** Floating coupons: payment times. */
  readonly floatPaymentTimes: Float64Array;
  /** Floating coupons: spread amounts N·s·τ (currency units; received by a payer). */
  readonly floatSpreadAmounts: Float64Array;
  /** Exercise k enters fixed coupons i ≥ fixedFirst[k] (the first whose accrual start ≥ the exercise date). */
  readonly fixedFirst: Int32Array;
  /** Exercise k enters floating coupons j ≥ floatFirst[k]. */
  readonly floatFirst: Int32Array;
}

/**
 * Converts a swaption's dates to times with `timeOf` (e.g. `(d) => curve.timeFromReference(d)`),
 * and indexes, per exercise, the first coupon it enters (accrual start on or after it).
 * @param args - the swaption's arguments.
 * @param timeOf - date → years on the engine's clock.
 * @internal
 */
export function swaptionTimes(args: SwaptionArguments, timeOf: (d: Date) => number): SwaptionTimes {
  const map = <T>(xs: readonly T[], f: (x: T) => number): Float64Array => Float64Array.from(xs, f);
  const firstOnOrAfter = (starts: readonly { accrualStartDate: Date }[], e: Date): number => {
    const i = starts.findIndex((c) => c.accrualStartDate.isOnOrAfter(e));
    return i < 0 ? starts.length : i;
  };
  return {
    exerciseTimes: map(args.exerciseDates, timeOf),
    fixedStartTimes: map(args.fixedCoupons, (c) => timeOf(c.accrualStartDate)),
    fixedPaymentTimes: map(args.fixedCoupons, (c) => timeOf(c.paymentDate)),
    fixedAmounts: map(args.fixedCoupons, (c) => c.amount),
    fixedAccruals: map(args.fixedCoupons, (c) => c.accrualFraction),
    floatStartTimes: map(args.floatingCoupons, (c) => timeOf(c.accrualStartDate)),
    floatEndTimes: map(args.floatingCoupons, (c) => timeOf(c.accrualEndDate)),
    floatPaymentTimes: map(args.floatingCoupons, (c) => timeOf(c.paymentDate)),
    floatSpreadAmounts: map(args.floatingCoupons, (c) => args.nominal * c.spread * c.accrualFraction),
    fixedFirst: Int32Array.from(args.exerciseDates, (e) => firstOnOrAfter(args.fixedCoupons, e)),
    floatFirst: Int32Array.from(args.exerciseDates, (e) => firstOnOrAfter(args.floatingCoupons, e)),
  };
}
