import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { blackD1 } from './_lib/blackD1.js';
import { checkBlackArguments, checkOptionType } from './_lib/checkFormulaArguments.js';

/**
 * ∂V/∂F of the Black-76 price: the forward delta D·ω·Φ(ω·d₁).
 *
 * @remarks
 * d₁ = ln((F+d)/(K+d))/s + s/2. With s = 0 the limit is D·ω for an option in the money,
 * 0 out of the money (and ½·D·ω exactly at the money, the average of both sides). QuantLib name
 * and arguments (`blackFormulaForwardDerivative`).
 *
 * Source: F. Black (1976), J. Fin. Econ. 3, 167–179; QuantLib ql/pricingengines/blackformula.hpp.
 *
 * Checked against: central differences of {@link blackFormula} in F
 * (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param optionType - `OptionType.Call` or `OptionType.Put`.
 * @param strike - K; K + displacement ≥ 0.
 * @param forward - F; F + displacement > 0.
 * @param stdDev - s = σ√T ≥ 0.
 * @param discount - D > 0; default 1.
 * @param displacement - d ≥ 0; default 0.
 * @returns ∂V/∂F (dimensionless, discounted).
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { blackFormulaForwardDerivative, OptionType } from 'quantflow';
 * blackFormulaForwardDerivative(OptionType.Call, 100, 100, 0.2);
 * //=> 0.539827837277029
 * ```
 * @public
 */
export function blackFormulaForwardDerivative(
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
  if (k === 0) return optionType === OptionType.Call ? discount : 0;
  if (stdDev === 0) {
    const m = optionType * (f - k);
    return discount * optionType * (m > 0 ? 1 : m < 0 ? 0 : 0.5) + 0; // + 0: no −0 out of the money
  }
  return discount * optionType * normalCdf(optionType * blackD1(k, f, stdDev));
}
