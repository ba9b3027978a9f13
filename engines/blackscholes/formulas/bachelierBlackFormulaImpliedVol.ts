import { checkFinite, checkNonNegative, checkPositive } from '../../../src/_lib/checks.js';
import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../../src/math/distributions/normalPdf.js';
import type { OptionType } from '../../../instruments/OptionType.js';
import { checkBachelierArguments, checkOptionType } from './_lib/checkFormulaArguments.js';
import { priceOutOfRange } from './_lib/priceOutOfRange.js';

const SQRT_TWO_PI = 2.5066282746310002;
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
/** φ̃* below which the first of the two rational approximations is used (Jäckel 2017, eq. (13)). */
const PHI_TILDE_SPLIT = -0.001882039271;

/**
 * Implied normal (Bachelier) volatility σ_N of a price, by Jäckel's closed-form rational
 * approximation with one Householder(3) refinement.
 *
 * @remarks
 * With τ = p − (ω(F − K))⁺ the undiscounted time value (p = bachelierPrice/D) and
 * φ̃(x) = Φ(x) + φ(x)/x, the out-of-the-money normalised price φ̃* = −τ/|F − K| is solved for
 * x = −|F − K|/s < 0: a rational approximation x̄ in g = 1/(φ̃* − ½) for φ̃* < −0.001882 and in
 * η = √(−ln(−φ̃*)) otherwise, then one third-order Householder step
 * x* = x̄ + 3q·x̄²(2 − q·x̄(2 + x̄²)) / (6 + q·x̄(−12 + x̄(6q + x̄(−6 + q·x̄(3 + x̄²))))),
 * q = (φ̃(x̄) − φ̃*)/φ(x̄); σ_N = |F − K|/(|x*|·√T). At the money, σ_N = τ·√(2π)/√T exactly.
 * The result is accurate to a few ulp of σ_N near the money and ≈ 1e-14 relative ten standard
 * deviations away (the refinement inherits the rounding of φ̃).
 *
 * QuantLib name and arguments (`bachelierBlackFormulaImpliedVol`, which in 1.29 uses the less
 * accurate Choi–Kim–Kwak approximation).
 *
 * Source: P. Jäckel, "Implied Normal Volatility", Wilmott (2017) 54–57, eqs. (13)–(22).
 *
 * Checked against: the true normal vols of QuantLib 1.29's `bachelier` reference cases at 1e-12
 * relative near the money; fast-check round trips price → σ_N → price
 * (test/engines/blackscholes/formulas/impliedVolatility.test.ts).
 *
 * @param optionType - `OptionType.Call` or `OptionType.Put`.
 * @param strike - K, finite (any sign).
 * @param forward - F, finite (any sign).
 * @param tte - time to expiry T > 0 in years.
 * @param bachelierPrice - discounted price ≥ D·(ω(F − K))⁺, finite.
 * @param discount - D > 0; default 1.
 * @returns σ_N ≥ 0 in price units per √year (0 when the price equals the discounted intrinsic value).
 * @throws InvalidInputError when the price is below the discounted intrinsic value (the message
 *   names it and the allowed range) or another argument is outside its range.
 *
 * @example
 * ```ts
 * import { bachelierBlackFormulaImpliedVol, OptionType } from 'quantflow';
 * bachelierBlackFormulaImpliedVol(OptionType.Call, 120, 100, 0.5, 0.49754500615635827, 0.9900498337491681);
 * //=> 20.000000000000004
 * ```
 * @see bachelierBlackFormula
 * @public
 */
export function bachelierBlackFormulaImpliedVol(
  optionType: OptionType,
  strike: number,
  forward: number,
  tte: number,
  bachelierPrice: number,
  discount = 1,
): number {
  checkOptionType(optionType);
  checkBachelierArguments(strike, forward, undefined, discount);
  checkPositive('tte', tte);
  checkFinite('bachelierPrice', bachelierPrice);
  checkNonNegative('bachelierPrice', bachelierPrice);
  const p = bachelierPrice / discount;
  const intrinsic = Math.max(optionType * (forward - strike), 0);
  if (!(p >= intrinsic)) {
    throw priceOutOfRange('bachelierPrice', bachelierPrice, discount * intrinsic, Infinity, 'at least the discounted intrinsic value');
  }
  const timeValue = p - intrinsic;
  if (timeValue === 0) return 0;
  const distance = Math.abs(forward - strike);
  const target = -timeValue / distance;
  // At the money (or |F − K| negligible next to the time value): τ = s/√(2π) exactly.
  if (!(target > -1 / Number.EPSILON)) return (timeValue * SQRT_TWO_PI) / Math.sqrt(tte);
  let x: number;
  if (target < PHI_TILDE_SPLIT) {
    const g = 1 / (target - 0.5);
    const g2 = g * g;
    const xi =
      (0.032114372355 - g2 * (0.016969777977 - g2 * (2.6207332461e-3 - 9.6066952861e-5 * g2))) /
      (1 - g2 * (0.6635646938 - g2 * (0.14528712196 - 0.010472855461 * g2)));
    x = g * (ONE_OVER_SQRT_TWO_PI + xi * g2);
  } else {
    const h = Math.sqrt(-Math.log(-target));
    x = (9.4883409779 - h * (9.6320903635 - h * (0.58556997323 + 2.1464093351 * h))) /
      (1 - h * (0.65174820867 + h * (1.5120247828 + 6.6437847132e-5 * h)));
  }
  const pdf = normalPdf(x);
  if (pdf > 0) {
    const q = (normalCdf(x) + pdf / x - target) / pdf;
    const x2 = x * x;
    x += (3 * q * x2 * (2 - q * x * (2 + x2))) / (6 + q * x * (-12 + x * (6 * q + x * (-6 + q * x * (3 + x2)))));
  }
  return distance / (Math.abs(x) * Math.sqrt(tte));
}
