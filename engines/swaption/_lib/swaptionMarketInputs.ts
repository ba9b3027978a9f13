import { checkFinite } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { Coupon } from '../../../src/cashflows/Coupon.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { Settings } from '../../../src/settings.js';
import type { DayCounter } from '../../../src/time/DayCounter.js';
import { ExerciseType } from '../../../instruments/exercises/ExerciseType.js';
import { OptionType } from '../../../instruments/OptionType.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import { SettlementType } from '../../../instruments/SettlementType.js';
import type { SwaptionArguments } from '../../../instruments/Swaption.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';
import { flatVolValue } from '../../_lib/flatVolEngine.js';

/** A European swaption reduced to Black-76 / Bachelier inputs. */
export interface SwaptionMarketInputs {
  /** Exercise time, years on the vol day counter from the evaluation date. */
  readonly exerciseTime: number;
  /** Forward swap rate F = (floating leg + spreads)/A over the coupons entered. */
  readonly forward: number;
  /** The annuity the option value is multiplied by: N Σ τ_i P(0, t_i) (physical) or
   *  N Â(F) P(0, t_s) (cash, par-yield). */
  readonly annuity: number;
}

/**
 * Forward swap rate and annuity of a European swaption on a discount curve: the coupons entered
 * (start ≥ exercise) are discounted on `curve`; floating amounts are the coupons' own forecasts.
 * @throws InvalidInputError for a non-European exercise or no coupon after the exercise.
 */
export function swaptionMarketInputs(args: SwaptionArguments, curve: YieldTermStructure, dayCounter: DayCounter): SwaptionMarketInputs {
  if (args.exerciseType !== ExerciseType.European) throw InvalidInputError.outOfRange('exerciseType', args.exerciseType, '{European}');
  const exercise = args.exerciseDates[0]!;
  const fixed = args.swap.fixedLeg().filter((c) => (c as Coupon).accrualStartDate.isOnOrAfter(exercise)) as Coupon[];
  const floating = args.swap.floatingLeg().filter((c) => (c as Coupon).accrualStartDate.isOnOrAfter(exercise)) as Coupon[];
  if (fixed.length === 0 || floating.length === 0) throw InvalidInputError.outOfRange('exerciseDates[0]', exercise.toISOString(), 'on or before the start of a fixed and a floating coupon');
  const N = args.nominal;
  let level = 0;
  for (const c of fixed) level += N * c.accrualPeriod() * curve.discount(c.paymentDate, true);
  let floatValue = 0;
  for (const c of floating) floatValue += c.amountValue() * curve.discount(c.paymentDate, true);
  const forward = floatValue / level;
  let annuity = level;
  if (args.settlementType === SettlementType.Cash) {
    let compound = 1;
    let parYield = 0;
    for (const c of fixed) {
      compound /= 1 + forward * c.accrualPeriod();
      parYield += c.accrualPeriod() * compound;
    }
    annuity = N * parYield * curve.discount(floating[0]!.accrualStartDate, true);
  }
  const exerciseTime = dayCounter.yearFraction(Settings.instance.evaluationDate.value(), exercise);
  return { exerciseTime, forward, annuity };
}

/**
 * A European swaption on a flat vol: V = `formula(ω, K, F, σ√T, A)`, ω = call for a payer, put
 * for a receiver, F, A, T from {@link swaptionMarketInputs}; `vega` = `stdDevDerivative(K, F, σ√T, A)`·√T.
 * Additional results: `forward`, `annuity`, `stdDev`, `exerciseTime`, `volatility`.
 * @throws InvalidInputError for a non-European exercise, a non-positive vol quote or a non-finite forward.
 */
export function priceSwaptionOnFlatVol(
  args: SwaptionArguments,
  curve: YieldTermStructure,
  dayCounter: DayCounter,
  volatility: Handle<Quote>,
  formula: (type: OptionType, strike: number, forward: number, stdDev: number, annuity: number) => number,
  stdDevDerivative: (strike: number, forward: number, stdDev: number, annuity: number) => number,
): PricingResults {
  const { exerciseTime: T, forward, annuity } = swaptionMarketInputs(args, curve, dayCounter);
  const sigma = flatVolValue(volatility);
  checkFinite('forward', forward);
  const stdDev = sigma * Math.sqrt(Math.max(T, 0));
  const type = (args.type as number) === 1 ? OptionType.Call : OptionType.Put;
  const value = formula(type, args.fixedRate, forward, stdDev, annuity);
  const vega = stdDevDerivative(args.fixedRate, forward, stdDev, annuity) * Math.sqrt(Math.max(T, 0));
  return { value, greeks: { vega }, additionalResults: { forward, annuity, stdDev, exerciseTime: T, volatility: sigma } };
}
