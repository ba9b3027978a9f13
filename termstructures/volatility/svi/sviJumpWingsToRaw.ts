import { checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { SviJumpWingsParameters } from './SviJumpWingsParameters.js';
import type { SviRawParameters } from './SviRawParameters.js';

/**
 * Converts SVI jump-wings parameters (v, ψ, p, c, ṽ) at expiry T back to raw parameters.
 *
 * @remarks
 * With w = vT: b = √w(c + p)/2, ρ = 1 − p√w/b, β = ρ − 2ψ√w/b, α = sign(β)√(1/β² − 1),
 * m = (v − ṽ)T / (b(−ρ + sign(α)√(1 + α²) − α√(1 − ρ²))), σ = αm, a = ṽT − bσ√(1 − ρ²);
 * for β = 0 (m = 0) σ = (v − ṽ)T / (b(1 − √(1 − ρ²))). The map is not invertible at ψ = 0
 * (β = ρ: the smile's minimum sits at k = 0, so v = ṽ and one raw degree of freedom is lost).
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §3.3, Lemma 3.2.
 * Checked against: round trips raw → jump-wings → raw on random valid slices (fast-check), in
 * test/termstructures/volatility/svi.test.ts.
 *
 * @param jumpWings - v > 0, p ≥ 0, c ≥ 0 with p + c > 0, 0 ≤ ṽ < v, and ψ ≠ 0 such that
 *   |β| < 1.
 * @param expiry - T > 0 in years.
 * @returns the raw parameters.
 * @throws InvalidInputError when a field is outside its range or the parameters correspond to no
 *   raw SVI slice (the message names `jumpWings.<field>`, the value and the range).
 *
 * @example
 * ```ts
 * import { sviJumpWingsToRaw } from 'quantflow';
 * sviJumpWingsToRaw({ v: 0.04, psi: -0.1, p: 0.6, c: 0.3, vTilde: 0.03 }, 1).rho;
 * //=> -0.33333333333333326
 * ```
 * @see sviRawToJumpWings
 * @public
 */
export function sviJumpWingsToRaw(jumpWings: SviJumpWingsParameters, expiry: number): SviRawParameters {
  if (typeof jumpWings !== 'object' || jumpWings === null) throw InvalidInputError.outOfRange('jumpWings', jumpWings, 'an object { v, psi, p, c, vTilde }');
  for (const key of ['v', 'psi', 'p', 'c', 'vTilde'] as const) {
    const x = jumpWings[key];
    if (typeof x !== 'number' || !Number.isFinite(x)) throw InvalidInputError.outOfRange(`jumpWings.${key}`, x, '(-∞, ∞), finite');
  }
  checkPositive('expiry', expiry);
  const { v, psi, p, c, vTilde } = jumpWings;
  if (!(v > 0)) throw InvalidInputError.outOfRange('jumpWings.v', v, '(0, ∞)');
  if (!(p >= 0)) throw InvalidInputError.outOfRange('jumpWings.p', p, '[0, ∞)');
  if (!(c >= 0)) throw InvalidInputError.outOfRange('jumpWings.c', c, '[0, ∞)');
  if (!(p + c > 0)) throw InvalidInputError.outOfRange('jumpWings.c', c, '(0, ∞) when p = 0 (a flat smile has no raw ρ)');
  if (!(vTilde >= 0 && vTilde < v)) throw InvalidInputError.outOfRange('jumpWings.vTilde', vTilde, `[0, ${v}) (below v)`);
  if (psi === 0) throw InvalidInputError.outOfRange('jumpWings.psi', psi, '(-∞, 0) ∪ (0, ∞) (ψ = 0 puts the minimum at k = 0 and leaves σ undetermined)');
  const w = v * expiry;
  const sw = Math.sqrt(w);
  const b = 0.5 * sw * (c + p);
  const rho = 1 - (p * sw) / b;
  const beta = rho - (2 * psi * sw) / b;
  if (!(Math.abs(beta) < 1)) {
    throw InvalidInputError.outOfRange('jumpWings.psi', psi, `(${(b * (rho - 1)) / (2 * sw)}, ${(b * (rho + 1)) / (2 * sw)}) (|β| < 1 with β = ρ − 2ψ√(vT)/b)`);
  }
  const s = Math.sqrt(1 - rho * rho);
  let m: number;
  let sigma: number;
  if (beta === 0) {
    m = 0;
    sigma = ((v - vTilde) * expiry) / (b * (1 - s));
  } else {
    const alpha = Math.sign(beta) * Math.sqrt(1 / (beta * beta) - 1);
    const den = b * (-rho + Math.sign(alpha) * Math.sqrt(1 + alpha * alpha) - alpha * s);
    m = ((v - vTilde) * expiry) / den;
    sigma = alpha * m;
  }
  if (!(sigma > 0) || !Number.isFinite(sigma)) {
    throw InvalidInputError.outOfRange('jumpWings.psi', psi, `values giving σ > 0 (here β = ${beta}, ρ = ${rho}, v − ṽ = ${v - vTilde})`);
  }
  return { a: vTilde * expiry - b * sigma * s, b, rho, m, sigma };
}
