import { normalPdf } from '../../../src/math/distributions/normalPdf.js';
import { blackD1 } from './_lib/blackD1.js';
import { checkBlackArguments } from './_lib/checkFormulaArguments.js';

/**
 * ∂V/∂s of the Black-76 price, s = σ√T: D·(F+d)·φ(d₁), the same for calls and puts.
 *
 * @remarks
 * Vega per 1.00 of σ is this times √T ({@link blackFormulaVolDerivative}). Zero when s = 0 away
 * from the money, D·(F+d)/√(2π) exactly at it. QuantLib name and arguments
 * (`blackFormulaStdDevDerivative`).
 *
 * Source: F. Black (1976); QuantLib ql/pricingengines/blackformula.hpp.
 *
 * Checked against: central differences of {@link blackFormula} in s
 * (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param strike - K; K + displacement ≥ 0.
 * @param forward - F; F + displacement > 0.
 * @param stdDev - s = σ√T ≥ 0.
 * @param discount - D > 0; default 1.
 * @param displacement - d ≥ 0; default 0.
 * @returns ∂V/∂s (price units per unit of s).
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { blackFormulaStdDevDerivative } from 'quantflow';
 * blackFormulaStdDevDerivative(100, 100, 0.2);
 * //=> 39.695254747701185
 * ```
 * @public
 */
export function blackFormulaStdDevDerivative(strike: number, forward: number, stdDev: number, discount = 1, displacement = 0): number {
  checkBlackArguments(strike, forward, stdDev, discount, displacement);
  const f = forward + displacement;
  const k = strike + displacement;
  if (k === 0) return 0;
  if (stdDev === 0) return f === k ? discount * f * normalPdf(0) : 0;
  return discount * f * normalPdf(blackD1(k, f, stdDev));
}
