import { blackScholesTerms } from './_lib/blackScholesTerms.js';

/**
 * Black–Scholes–Merton speed ∂Γ/∂S = −Γ/S·(1 + d₁/(σ√T)), Γ = e^(−qT)·φ(d₁)/(S·σ√T).
 *
 * @remarks
 * The same for calls and puts.
 *
 * Source: E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §2.2.4 (speed).
 *
 * Checked against: central differences of gamma in S (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param spot - S > 0 (price units).
 * @param strike - K > 0 (price units).
 * @param rate - r, continuously compounded risk-free rate per year; finite.
 * @param dividendYield - q, continuous dividend yield per year; finite.
 * @param volatility - σ > 0, annualised (0.2 = 20 %).
 * @param expiry - T > 0 in years.
 * @returns ∂³V/∂S³ per unit of S cubed.
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { blackScholesSpeed } from 'quantflow';
 * blackScholesSpeed(100, 110, 0.05, 0.02, 0.2, 1);
 * //=> 0.000025298703574733844
 * ```
 * @public
 */
export function blackScholesSpeed(spot: number, strike: number, rate: number, dividendYield: number, volatility: number, expiry: number): number {
  const { d1, stdDev, dividendDiscount, pdf1 } = blackScholesTerms(spot, strike, rate, dividendYield, volatility, expiry);
  const gamma = (dividendDiscount * pdf1) / (spot * stdDev);
  return (-gamma / spot) * (1 + d1 / stdDev);
}
