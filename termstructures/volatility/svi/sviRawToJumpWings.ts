import { checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { SviJumpWingsParameters } from './SviJumpWingsParameters.js';
import type { SviRawParameters } from './SviRawParameters.js';
import { checkSviRawParameters } from './_lib/checkSviRawParameters.js';
import { sviMinimumW, sviW } from './_lib/sviFormulas.js';

/**
 * Converts raw SVI parameters to jump-wings parameters (v, ψ, p, c, ṽ) at expiry T.
 *
 * @remarks
 * With w₀ = w(0) = a + b(−ρm + √(m² + σ²)): v = w₀/T, ψ = b/(2√w₀)·(ρ − m/√(m² + σ²)),
 * p = b(1 − ρ)/√w₀, c = b(1 + ρ)/√w₀, ṽ = (a + bσ√(1 − ρ²))/T.
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §3.3, eq. (3.5).
 * Checked against: v·T = w(0), ψ = w′(0)/(2√w₀) by finite differences, round trips
 * raw → jump-wings → raw (fast-check), in test/termstructures/volatility/svi.test.ts.
 *
 * @param raw - a valid raw slice with w(0) > 0.
 * @param expiry - T > 0 in years (the year fraction the total variance is measured in).
 * @returns the jump-wings parameters; v > 0 (per year), ψ, p, c dimensionless, ṽ per year.
 * @throws InvalidInputError when `raw` is not valid, w(0) ≤ 0, or `expiry` is not > 0.
 *
 * @example
 * ```ts
 * import { sviRawToJumpWings } from 'quantflow';
 * sviRawToJumpWings({ a: 0.04, b: 0.1, rho: 0, m: 0, sigma: 0.2 }, 1);
 * //=> { v: 0.060000000000000005, psi: 0, p: 0.408248290463863, c: 0.408248290463863, vTilde: 0.060000000000000005 }
 * ```
 * @see sviJumpWingsToRaw
 * @public
 */
export function sviRawToJumpWings(raw: SviRawParameters, expiry: number): SviJumpWingsParameters {
  checkSviRawParameters('raw', raw);
  checkPositive('expiry', expiry);
  const w0 = sviW(raw, 0);
  if (!(w0 > 0)) throw InvalidInputError.outOfRange('raw', raw, 'slices with w(0) > 0 (the ATM total variance)');
  const sq = Math.sqrt(w0);
  const r = Math.sqrt(raw.m * raw.m + raw.sigma * raw.sigma);
  return {
    v: w0 / expiry,
    psi: (raw.b / (2 * sq)) * (raw.rho - raw.m / r),
    p: (raw.b * (1 - raw.rho)) / sq,
    c: (raw.b * (1 + raw.rho)) / sq,
    vTilde: sviMinimumW(raw) / expiry,
  };
}
