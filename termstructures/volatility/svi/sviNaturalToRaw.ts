import { InvalidInputError } from '../../../src/errors.js';
import type { SviNaturalParameters } from './SviNaturalParameters.js';
import type { SviRawParameters } from './SviRawParameters.js';

/**
 * Converts natural SVI parameters (Δ, μ, ρ, ω, ζ) to raw ones (a, b, ρ, m, σ) of the same smile.
 *
 * @remarks
 * a = Δ + (ω/2)(1 − ρ²), b = ωζ/2, m = μ − ρ/ζ, σ = √(1 − ρ²)/ζ.
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §3.2, Lemma 3.1 (eq. 3.3).
 * Checked against: round trips and equal total variances on a k-grid
 * (test/termstructures/volatility/svi.test.ts).
 *
 * @param natural - ω ≥ 0, ζ > 0, |ρ| < 1, Δ and μ finite, and Δ + ω(1 − ρ²) ≥ 0 (the smile's
 *   minimum total variance, so that the raw slice is valid).
 * @returns the raw parameters.
 * @throws InvalidInputError when a field is outside its range (naming `natural.<field>`, the
 *   value and the range).
 *
 * @example
 * ```ts
 * import { sviNaturalToRaw } from 'quantflow';
 * sviNaturalToRaw({ delta: 0.02, mu: 0, rho: 0, omega: 0.04, zeta: 5 });
 * //=> { a: 0.04, b: 0.1, rho: 0, m: 0, sigma: 0.2 }
 * ```
 * @see sviRawToNatural
 * @public
 */
export function sviNaturalToRaw(natural: SviNaturalParameters): SviRawParameters {
  if (typeof natural !== 'object' || natural === null) throw InvalidInputError.outOfRange('natural', natural, 'an object { delta, mu, rho, omega, zeta }');
  for (const key of ['delta', 'mu', 'rho', 'omega', 'zeta'] as const) {
    const v = natural[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw InvalidInputError.outOfRange(`natural.${key}`, v, '(-∞, ∞), finite');
  }
  const { delta, mu, rho, omega, zeta } = natural;
  if (!(omega >= 0)) throw InvalidInputError.outOfRange('natural.omega', omega, '[0, ∞)');
  if (!(zeta > 0)) throw InvalidInputError.outOfRange('natural.zeta', zeta, '(0, ∞)');
  if (!(Math.abs(rho) < 1)) throw InvalidInputError.outOfRange('natural.rho', rho, '(-1, 1)');
  const floor = -omega * (1 - rho * rho);
  if (!(delta >= floor)) throw InvalidInputError.outOfRange('natural.delta', delta, `[${floor}, ∞) (Δ + ω(1 − ρ²) ≥ 0: the minimum total variance must be ≥ 0)`);
  return {
    a: delta + 0.5 * omega * (1 - rho * rho),
    b: 0.5 * omega * zeta,
    rho,
    m: mu - rho / zeta,
    sigma: Math.sqrt(1 - rho * rho) / zeta,
  };
}
