import { OptionType } from '../../../instruments/OptionType.js';
import { lbrNormalisedBlackOtm } from '../../../src/kernels/_lib/impliedVolLetsBeRational.js';
import { refLog } from '../../../src/kernels/_lib/referenceMath.js';
import { checkBlackArguments, checkOptionType } from './_lib/checkFormulaArguments.js';

/**
 * Black-76 price of a European option on a forward, optionally displaced (shifted lognormal).
 *
 * @remarks
 * V = D·ω·[(F+d)·Φ(ω·d₁) − (K+d)·Φ(ω·d₂)], d₁,₂ = ln((F+d)/(K+d))/s ± s/2, ω = +1 (call) or
 * −1 (put), s = σ√T the standard deviation of ln F at expiry. Evaluated without subtractive
 * cancellation as V = D·[(ω(F − K))⁺ + √((F+d)(K+d))·b(−|x|, s)], with b Jäckel's normalised
 * Black function of the out-of-the-money option (x = ln((F+d)/(K+d))), so that out-of-the-money
 * prices keep full relative accuracy far into the wings (where the textbook formula subtracts two
 * nearly equal terms). s = 0 gives the discounted intrinsic value; K + d = 0 gives D·(F + d) for a
 * call and 0 for a put.
 *
 * Same name, arguments and defaults as QuantLib's `blackFormula` (ql/pricingengines/blackformula.hpp).
 *
 * Source: F. Black (1976), "The pricing of commodity contracts", J. Fin. Econ. 3, 167–179;
 * normalised form: P. Jäckel, "Let's Be Rational", Wilmott (2015) 40–53, §2–§3.
 *
 * Checked against: QuantLib 1.29 `blackFormula` (test/reference/quantlib-1.29.json, section
 * `black76`, displaced case included) at 1e-10 relative; put–call parity; the textbook formula with
 * multi-precision Φ (test/engines/blackscholes/formulas/blackFormula.test.ts).
 *
 * @param optionType - `OptionType.Call` or `OptionType.Put`.
 * @param strike - K; K + displacement ≥ 0 (price units).
 * @param forward - F; F + displacement > 0 (price units).
 * @param stdDev - s = σ√T ≥ 0 (dimensionless).
 * @param discount - D > 0, the discount factor to payment; default 1.
 * @param displacement - d ≥ 0 (price units); default 0.
 * @returns the option value V ≥ 0 (price units, discounted by D).
 * @throws InvalidInputError when an argument is outside its range (the message names it).
 *
 * @example
 * ```ts
 * import { blackFormula, OptionType } from 'quantflow';
 * blackFormula(OptionType.Call, 100, 100, 0.2, 0.951229424500714);
 * //=> 7.577082146427274 (QuantLib 1.29: 7.57708214642728)
 * ```
 * @see blackFormulaImpliedStdDev
 * @public
 */
export function blackFormula(
  optionType: OptionType,
  strike: number,
  forward: number,
  stdDev: number,
  discount = 1,
  displacement = 0,
): number {
  checkOptionType(optionType);
  checkBlackArguments(strike, forward, stdDev, discount, displacement);
  const f = forward + displacement;
  const k = strike + displacement;
  const intrinsic = Math.max(optionType * (f - k), 0);
  if (stdDev === 0 || k === 0) return discount * (k === 0 && optionType === OptionType.Call ? f : intrinsic);
  const b = lbrNormalisedBlackOtm(-Math.abs(refLog(f / k)), stdDev);
  return discount * (intrinsic + Math.sqrt(f) * Math.sqrt(k) * b);
}
