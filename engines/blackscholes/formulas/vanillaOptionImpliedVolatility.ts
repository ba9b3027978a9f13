import { InvalidInputError } from '../../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../../src/processes/GeneralizedBlackScholesProcess.js';
import { ExerciseType } from '../../../instruments/exercises/ExerciseType.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { VanillaOption } from '../../../instruments/VanillaOption.js';
import { blackFormulaImpliedStdDev } from './blackFormulaImpliedStdDev.js';

/**
 * The Black–Scholes–Merton volatility at which a European vanilla option is worth `targetValue`
 * in the market of `process` (QuantLib's `VanillaOption::impliedVolatility`, closed form).
 *
 * @remarks
 * Reduces the market as {@link AnalyticEuropeanEngine} does — forward F = S·D_q(T)/D_r(T) and
 * discount D_r(T) at the exercise date, T the vol surface's year fraction to it — and inverts
 * {@link blackFormula} there with {@link blackFormulaImpliedStdDev} (Jäckel's "Let's Be Rational":
 * no accuracy, iteration or bracket arguments), σ = s/√T. The option and the process are only
 * read; nothing is repriced or relinked.
 *
 * Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, 2016 revision; QuantLib
 * `ql/instruments/vanillaoption.hpp` for the interface.
 *
 * Checked against: QuantLib 1.29 `VanillaOption.impliedVolatility` (section `bsm_implied_vol` of
 * test/reference/quantlib-1.29.json) and round trips through `AnalyticEuropeanEngine`
 * (test/engines/blackscholes/formulas/impliedVolatility.test.ts).
 *
 * @param option - a `VanillaOption` with a `PlainVanillaPayoff` and European exercise, not expired.
 * @param targetValue - the option's price (present value, price units).
 * @param process - spot, dividend and risk-free curves, and the vol surface (only its time is used).
 * @returns σ ≥ 0, annualised.
 * @throws InvalidInputError when the exercise is not European, the payoff not plain vanilla, the
 *   option expired, the spot not > 0, or targetValue outside [discounted intrinsic value, D_q·S
 *   (call) or D_r·K (put)); the message names the argument.
 *
 * @example
 * ```ts
 * import {
 *   BlackConstantVol, Date, EuropeanExercise, FlatForward, GeneralizedBlackScholesProcess, Handle, OptionType,
 *   PlainVanillaPayoff, Settings, SimpleQuote, VanillaOption, vanillaOptionImpliedVolatility,
 *   type BlackVolTermStructure, type Quote, type YieldTermStructure,
 * } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * Settings.instance.evaluationDate.set(today);
 * const ref = { referenceDate: today };
 * const process = new GeneralizedBlackScholesProcess(
 *   new Handle<Quote>(new SimpleQuote(100)),
 *   new Handle<YieldTermStructure>(new FlatForward(0.02, ref)),
 *   new Handle<YieldTermStructure>(new FlatForward(0.05, ref)),
 *   new Handle<BlackVolTermStructure>(new BlackConstantVol(0.3, ref)), // its level plays no part
 * );
 * const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
 * vanillaOptionImpliedVolatility(option, 9.227005508154061, process); // QuantLib 1.29's price at σ = 0.2
 * //=> 0.2000000000000006
 * ```
 * @public
 */
export function vanillaOptionImpliedVolatility(option: VanillaOption, targetValue: number, process: GeneralizedBlackScholesProcess): number {
  const { payoff, exercise } = option.terms;
  if (exercise.type !== ExerciseType.European) throw InvalidInputError.outOfRange('option.exercise.type', exercise.type, '{European}');
  if (!(payoff instanceof PlainVanillaPayoff)) throw InvalidInputError.outOfRange('option.payoff', payoff.name(), '{Vanilla}');
  const expiry = exercise.lastDate();
  const vol = process.blackVolatility.currentLink();
  const time = vol.timeFromReference(expiry);
  if (!(time > 0)) throw InvalidInputError.outOfRange('option.exercise.lastDate', expiry.toISOString(), 'after the vol surface reference date');
  const spot = process.spot();
  const riskFreeDiscount = process.riskFreeRate.currentLink().discount(expiry);
  const forward = (spot * process.dividendYield.currentLink().discount(expiry)) / riskFreeDiscount;
  return blackFormulaImpliedStdDev(payoff.optionType, payoff.strike, forward, targetValue, riskFreeDiscount) / Math.sqrt(time);
}
