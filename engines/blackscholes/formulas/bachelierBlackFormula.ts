import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../../src/math/distributions/normalPdf.js';
import type { OptionType } from '../../../instruments/OptionType.js';
import { checkBachelierArguments, checkOptionType } from './_lib/checkFormulaArguments.js';

/**
 * Bachelier (normal-model) price of a European option on a forward.
 *
 * @remarks
 * V = D·[ω(F − K)·Φ(ω·d) + s·φ(d)], d = (F − K)/s, s = σ_N·√T the standard deviation of F at
 * expiry in price units (σ_N the normal, "basis point", volatility). F and K may be negative.
 * s = 0 gives the discounted intrinsic value D·(ω(F − K))⁺. QuantLib name, arguments and defaults
 * (`bachelierBlackFormula`).
 *
 * Source: L. Bachelier (1900), "Théorie de la spéculation"; QuantLib
 * ql/pricingengines/blackformula.hpp.
 *
 * Checked against: QuantLib 1.29 `bachelierBlackFormula` (section `bachelier` of
 * test/reference/quantlib-1.29.json, negative strikes included) at 1e-10 relative, put–call parity.
 *
 * @param optionType - `OptionType.Call` or `OptionType.Put`.
 * @param strike - K, finite (price units; any sign).
 * @param forward - F, finite (price units; any sign).
 * @param stdDev - s = σ_N·√T ≥ 0 (price units).
 * @param discount - D > 0; default 1.
 * @returns the option value V ≥ 0 (price units, discounted).
 * @throws InvalidInputError when an argument is outside its range.
 *
 * @example
 * ```ts
 * import { bachelierBlackFormula, OptionType } from 'quantflow';
 * bachelierBlackFormula(OptionType.Call, 0.03, 0.03, 0.01, 0.9704455335485082);
 * //=> 0.003871517541592269 (QuantLib 1.29: 0.003871517541592269)
 * ```
 * @see bachelierBlackFormulaImpliedVol
 * @public
 */
export function bachelierBlackFormula(optionType: OptionType, strike: number, forward: number, stdDev: number, discount = 1): number {
  checkOptionType(optionType);
  checkBachelierArguments(strike, forward, stdDev, discount);
  const m = optionType * (forward - strike);
  if (stdDev === 0) return discount * Math.max(m, 0);
  const d = m / stdDev;
  return discount * (m * normalCdf(d) + stdDev * normalPdf(d));
}
