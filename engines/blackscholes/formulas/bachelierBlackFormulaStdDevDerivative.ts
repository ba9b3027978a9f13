import { normalPdf } from '../../../src/math/distributions/normalPdf.js';
import { checkBachelierArguments } from './_lib/checkFormulaArguments.js';

/**
 * ∂V/∂s of the Bachelier price, s = σ_N·√T: D·φ((F − K)/s), the same for calls and puts.
 *
 * @remarks
 * Normal vega per 1.00 of σ_N is this times √T. s = 0 gives D/√(2π) at the money, 0 elsewhere.
 * QuantLib name and arguments (`bachelierBlackFormulaStdDevDerivative`).
 *
 * Source: L. Bachelier (1900); QuantLib ql/pricingengines/blackformula.hpp.
 *
 * Checked against: central differences of {@link bachelierBlackFormula} in s
 * (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param strike - K, finite.
 * @param forward - F, finite.
 * @param stdDev - s ≥ 0 (price units).
 * @param discount - D > 0; default 1.
 * @returns ∂V/∂s (dimensionless, discounted).
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { bachelierBlackFormulaStdDevDerivative } from 'quantflow';
 * bachelierBlackFormulaStdDevDerivative(0.03, 0.03, 0.01);
 * //=> 0.3989422804014327
 * ```
 * @public
 */
export function bachelierBlackFormulaStdDevDerivative(strike: number, forward: number, stdDev: number, discount = 1): number {
  checkBachelierArguments(strike, forward, stdDev, discount);
  if (stdDev === 0) return forward === strike ? discount * normalPdf(0) : 0;
  return discount * normalPdf((forward - strike) / stdDev);
}
