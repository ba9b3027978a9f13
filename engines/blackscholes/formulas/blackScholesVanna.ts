import { blackScholesTerms } from './_lib/blackScholesTerms.js';

/**
 * Black–Scholes–Merton vanna ∂²V/∂S∂σ = ∂Δ/∂σ = −e^(−qT)·φ(d₁)·d₂/σ, per 1.00 of vol.
 *
 * @remarks
 * The same for calls and puts. d₁,₂ = (ln(S/K) + (r − q ± σ²/2)T)/(σ√T). Divide by 100
 * ({@link perOnePercent}) for the change of delta per vol point.
 *
 * Source: E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §2.3.2
 * (DdeltaDvol).
 *
 * Checked against: central differences of the delta of {@link blackFormula} in σ
 * (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param spot - S > 0 (price units).
 * @param strike - K > 0 (price units).
 * @param rate - r, continuously compounded risk-free rate per year; finite.
 * @param dividendYield - q, continuous dividend yield per year; finite.
 * @param volatility - σ > 0, annualised (0.2 = 20 %).
 * @param expiry - T > 0 in years.
 * @returns vanna per unit of S and per 1.00 of σ.
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { blackScholesVanna } from 'quantflow';
 * blackScholesVanna(100, 110, 0.05, 0.02, 0.2, 1);
 * //=> 0.8128677484777753
 * ```
 * @public
 */
export function blackScholesVanna(spot: number, strike: number, rate: number, dividendYield: number, volatility: number, expiry: number): number {
  const { d2, dividendDiscount, pdf1 } = blackScholesTerms(spot, strike, rate, dividendYield, volatility, expiry);
  return (-dividendDiscount * pdf1 * d2) / volatility;
}
