import { blackScholesTerms } from './_lib/blackScholesTerms.js';

/**
 * Black–Scholes–Merton volga (vomma) ∂²V/∂σ² = S·e^(−qT)·φ(d₁)·√T·d₁·d₂/σ, per 1.00 of vol squared.
 *
 * @remarks
 * The same for calls and puts. Divide by 100 twice (10⁴) for per vol point squared.
 *
 * Source: E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §2.3.6
 * (DvegaDvol / vomma).
 *
 * Checked against: central differences of the vega of {@link blackFormula} in σ
 * (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param spot - S > 0 (price units).
 * @param strike - K > 0 (price units).
 * @param rate - r, continuously compounded risk-free rate per year; finite.
 * @param dividendYield - q, continuous dividend yield per year; finite.
 * @param volatility - σ > 0, annualised (0.2 = 20 %).
 * @param expiry - T > 0 in years.
 * @returns volga in price units per 1.00 of σ squared.
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { blackScholesVolga } from 'quantflow';
 * blackScholesVolga(100, 110, 0.05, 0.02, 0.2, 1);
 * //=> 18.415591920332368
 * ```
 * @public
 */
export function blackScholesVolga(spot: number, strike: number, rate: number, dividendYield: number, volatility: number, expiry: number): number {
  const { d1, d2, dividendDiscount, pdf1 } = blackScholesTerms(spot, strike, rate, dividendYield, volatility, expiry);
  return (spot * dividendDiscount * pdf1 * Math.sqrt(expiry) * d1 * d2) / volatility;
}
