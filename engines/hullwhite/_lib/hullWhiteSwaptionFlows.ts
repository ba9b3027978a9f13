import { InvalidInputError } from '../../../src/errors.js';
import { swaptionTimes } from '../../../instruments/_lib/swaptionTimes.js';
import type { SwaptionArguments } from '../../../instruments/Swaption.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';

/**
 * A European swaption reduced to what the Hull–White closed forms need: exercise time T, the
 * value time t_s (start of the swap entered), and the "coupon bond" {(t_k, c_k)} a payer gives
 * up for N at t_s: the fixed amounts, minus the spread amounts, plus N at the float leg's end
 * (the floating leg being worth N(P(T, t_s) − P(T, t_e)) at T — par coupons).
 */
export interface HullWhiteSwaptionFlows {
  readonly exerciseTime: number;
  readonly valueTime: number;
  readonly times: Float64Array;
  readonly amounts: Float64Array;
  /** Fixed accruals τ_i and payment times of the fixed coupons entered (for the swap rate). */
  readonly fixedAccruals: Float64Array;
  readonly fixedTimes: Float64Array;
  /** Spread amounts and their payment times (received by a payer). */
  readonly spreadAmounts: Float64Array;
  readonly spreadTimes: Float64Array;
  readonly endTime: number;
}

/** @throws InvalidInputError when no coupon starts on or after the exercise. */
export function hullWhiteSwaptionFlows(args: SwaptionArguments, curve: YieldTermStructure, exerciseIndex = 0): HullWhiteSwaptionFlows {
  const t = swaptionTimes(args, (d) => curve.timeFromReference(d));
  const T = t.exerciseTimes[exerciseIndex] as number;
  const i0 = t.fixedFirst[exerciseIndex] as number;
  const j0 = t.floatFirst[exerciseIndex] as number;
  const nFixed = t.fixedAmounts.length - i0;
  const nFloat = t.floatStartTimes.length - j0;
  if (nFixed < 1 || nFloat < 1) throw InvalidInputError.outOfRange('exerciseDates', args.exerciseDates[exerciseIndex]?.toISOString(), 'on or before the start of a fixed and a floating coupon');
  const endTime = t.floatEndTimes[t.floatEndTimes.length - 1] as number;
  const times = new Float64Array(nFixed + nFloat + 1);
  const amounts = new Float64Array(nFixed + nFloat + 1);
  for (let i = 0; i < nFixed; i++) {
    times[i] = t.fixedPaymentTimes[i0 + i] as number;
    amounts[i] = t.fixedAmounts[i0 + i] as number;
  }
  for (let j = 0; j < nFloat; j++) {
    times[nFixed + j] = t.floatPaymentTimes[j0 + j] as number;
    amounts[nFixed + j] = -(t.floatSpreadAmounts[j0 + j] as number);
  }
  times[nFixed + nFloat] = endTime;
  amounts[nFixed + nFloat] = args.nominal;
  return {
    exerciseTime: T, valueTime: t.floatStartTimes[j0] as number, times, amounts, endTime,
    fixedAccruals: t.fixedAccruals.slice(i0), fixedTimes: t.fixedPaymentTimes.slice(i0),
    spreadAmounts: t.floatSpreadAmounts.slice(j0), spreadTimes: t.floatPaymentTimes.slice(j0),
  };
}
