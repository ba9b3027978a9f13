import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import type { OptionType } from '../../../instruments/OptionType.js';
import { checkOptionType } from './_lib/checkFormulaArguments.js';
import { blackScholesTerms } from './_lib/blackScholesTerms.js';

/**
 * Black–Scholes–Merton charm dΔ/dt, the drift of delta per year of calendar time (= −∂Δ/∂T).
 *
 * @remarks
 * charm = ω·q·e^(−qT)·Φ(ω·d₁) − e^(−qT)·φ(d₁)·(2(r − q)T − d₂·σ√T)/(2T·σ√T), ω = ±1 for
 * calls/puts, the same calendar-time convention as theta (QuantLib: per year); divide by 365
 * ({@link perDay}) for per day.
 *
 * Source: E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007), §2.2.5
 * (charm, with its sign for time passing).
 *
 * Checked against: central differences of the delta of {@link blackFormula} in T
 * (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param optionType - `OptionType.Call` or `OptionType.Put`.
 * @param spot - S > 0 (price units).
 * @param strike - K > 0 (price units).
 * @param rate - r, continuously compounded risk-free rate per year; finite.
 * @param dividendYield - q, continuous dividend yield per year; finite.
 * @param volatility - σ > 0, annualised (0.2 = 20 %).
 * @param expiry - T > 0 in years.
 * @returns charm per year (change of Δ per year of time passing).
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { blackScholesCharm, OptionType } from 'quantflow';
 * blackScholesCharm(OptionType.Call, 100, 110, 0.05, 0.02, 0.2, 1);
 * //=> -0.1304118446218734
 * ```
 * @public
 */
export function blackScholesCharm(
  optionType: OptionType,
  spot: number,
  strike: number,
  rate: number,
  dividendYield: number,
  volatility: number,
  expiry: number,
): number {
  checkOptionType(optionType);
  const { d1, d2, stdDev, dividendDiscount, pdf1 } = blackScholesTerms(spot, strike, rate, dividendYield, volatility, expiry);
  const drift = (2 * (rate - dividendYield) * expiry - d2 * stdDev) / (2 * expiry * stdDev);
  return optionType * dividendYield * dividendDiscount * normalCdf(optionType * d1) - dividendDiscount * pdf1 * drift;
}
