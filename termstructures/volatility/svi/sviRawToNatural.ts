import type { SviNaturalParameters } from './SviNaturalParameters.js';
import type { SviRawParameters } from './SviRawParameters.js';
import { checkSviRawParameters } from './_lib/checkSviRawParameters.js';

/**
 * Converts raw SVI parameters (a, b, ρ, m, σ) to natural ones (Δ, μ, ρ, ω, ζ) of the same smile.
 *
 * @remarks
 * ζ = √(1 − ρ²)/σ, ω = 2bσ/√(1 − ρ²), μ = m + ρσ/√(1 − ρ²), Δ = a − bσ√(1 − ρ²): the inverse of
 * Gatheral–Jacquier's map natural → raw.
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §3.2, Lemma 3.1 (eq. 3.3) inverted.
 * Checked against: round trips raw → natural → raw and equal total variances on a k-grid
 * (test/termstructures/volatility/svi.test.ts).
 *
 * @param raw - a valid raw slice (b ≥ 0, |ρ| < 1, σ > 0, a + bσ√(1 − ρ²) ≥ 0).
 * @returns the natural parameters; ω ≥ 0, ζ > 0.
 * @throws InvalidInputError when `raw` is not a valid raw slice (naming the field, value and range).
 *
 * @example
 * ```ts
 * import { sviRawToNatural } from 'quantflow';
 * sviRawToNatural({ a: 0.04, b: 0.1, rho: 0, m: 0, sigma: 0.2 });
 * //=> { delta: 0.019999999999999997, mu: 0, rho: 0, omega: 0.04000000000000001, zeta: 5 }
 * ```
 * @see sviNaturalToRaw
 * @public
 */
export function sviRawToNatural(raw: SviRawParameters): SviNaturalParameters {
  checkSviRawParameters('raw', raw);
  const s = Math.sqrt(1 - raw.rho * raw.rho);
  return {
    delta: raw.a - raw.b * raw.sigma * s,
    mu: raw.m + (raw.rho * raw.sigma) / s,
    rho: raw.rho,
    omega: (2 * raw.b * raw.sigma) / s,
    zeta: s / raw.sigma,
  };
}
