import { checkPositive } from '../../../src/_lib/checks.js';
import { blackFormulaStdDevDerivative } from './blackFormulaStdDevDerivative.js';

/**
 * Black-76 vega: ∂V/∂σ per 1.00 of volatility, D·(F+d)·φ(d₁)·√T.
 *
 * @remarks
 * {@link blackFormulaStdDevDerivative} times √T; divide by 100 ({@link perOnePercent}) for the
 * vega per vol point. QuantLib name and arguments (`blackFormulaVolDerivative`), with `expiry`
 * the T of s = σ√T.
 *
 * Source: F. Black (1976); QuantLib ql/pricingengines/blackformula.hpp.
 *
 * Checked against: central differences of {@link blackFormula} in σ
 * (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param strike - K; K + displacement ≥ 0.
 * @param forward - F; F + displacement > 0.
 * @param stdDev - s = σ√T ≥ 0.
 * @param expiry - T > 0 in years.
 * @param discount - D > 0; default 1.
 * @param displacement - d ≥ 0; default 0.
 * @returns vega per 1.00 of σ (price units).
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { blackFormulaVolDerivative } from 'quantflow';
 * blackFormulaVolDerivative(100, 100, 0.2, 1);
 * //=> 39.695254747701185
 * ```
 * @public
 */
export function blackFormulaVolDerivative(
  strike: number,
  forward: number,
  stdDev: number,
  expiry: number,
  discount = 1,
  displacement = 0,
): number {
  checkPositive('expiry', expiry);
  return blackFormulaStdDevDerivative(strike, forward, stdDev, discount, displacement) * Math.sqrt(expiry);
}
