import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import type { OptionType } from '../../../instruments/OptionType.js';
import { checkBachelierArguments, checkOptionType } from './_lib/checkFormulaArguments.js';

/**
 * ∂V/∂F of the Bachelier price: D·ω·Φ(ω(F − K)/s).
 *
 * @remarks
 * s = 0 gives D·ω in the money, 0 out of the money, ½·D·ω at the money. QuantLib name and
 * arguments (`bachelierBlackFormulaForwardDerivative`).
 *
 * Source: L. Bachelier (1900); QuantLib ql/pricingengines/blackformula.hpp.
 *
 * Checked against: central differences of {@link bachelierBlackFormula} in F
 * (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param optionType - `OptionType.Call` or `OptionType.Put`.
 * @param strike - K, finite.
 * @param forward - F, finite.
 * @param stdDev - s = σ_N·√T ≥ 0 (price units).
 * @param discount - D > 0; default 1.
 * @returns ∂V/∂F (dimensionless, discounted).
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { bachelierBlackFormulaForwardDerivative, OptionType } from 'quantflow';
 * bachelierBlackFormulaForwardDerivative(OptionType.Put, 0.03, 0.03, 0.01);
 * //=> -0.5
 * ```
 * @public
 */
export function bachelierBlackFormulaForwardDerivative(
  optionType: OptionType,
  strike: number,
  forward: number,
  stdDev: number,
  discount = 1,
): number {
  checkOptionType(optionType);
  checkBachelierArguments(strike, forward, stdDev, discount);
  const m = optionType * (forward - strike);
  if (stdDev === 0) return discount * optionType * (m > 0 ? 1 : m < 0 ? 0 : 0.5) + 0;
  return discount * optionType * normalCdf(m / stdDev);
}
