import { CODY_X1, codyErfSmall, codyErfcRational } from '../special/_lib/codyErfc.js';

const SQRT_HALF = 0.7071067811865475244;

/**
 * The standard normal cumulative distribution function Φ(x) = ½·erfc(−x/√2).
 *
 * @remarks
 * Cody's rational approximations of erf/erfc at y = |x|/√2. In the tails the Gaussian
 * factor is computed from x itself, e^(−x²/2) = e^(−x₀²/2)·e^(−(x−x₀)(x+x₀)/2) with x₀ = x
 * truncated to a multiple of 1/16 (exact square), so the rounding of x/√2 enters only the
 * slowly varying rational factor: ≈ 1e-16 relative accuracy for Φ(x) down to x ≈ −37.5
 * (where Φ underflows to 0), and Φ(x) = 1 − Φ(−x) to the last bit for x > 0.
 *
 * Source: W. J. Cody, "Rational Chebyshev approximations for the error function",
 * Math. Comp. 23 (1969) 631–637.
 *
 * Checked against: published values Φ(−10) = 7.6198530241605e−24, Φ(−5) =
 * 2.866515718791939e−7, Φ(1) = 0.8413447460685429 (and a 40-digit mpmath table), the
 * identity Φ(x) + Φ(−x) = 1, its derivative φ, and ∫φ by Simpson quadrature.
 *
 * @param x - any real number; NaN gives NaN.
 * @returns Φ(x) in [0, 1].
 *
 * @example
 * ```ts
 * import { normalCdf } from 'quantflow';
 * normalCdf(1);
 * //=> 0.841344746068543
 * ```
 * @public
 */
export function normalCdf(x: number): number {
  const y = Math.abs(x) * SQRT_HALF;
  if (y <= CODY_X1) return 0.5 + 0.5 * codyErfSmall(x * SQRT_HALF);
  if (x < -38.5) return 0;
  if (x > 38.5) return 1;
  const a = Math.abs(x);
  const a0 = Math.trunc(a * 16) / 16;
  const del = (a - a0) * (a + a0);
  const tail = 0.5 * Math.exp(-0.5 * a0 * a0) * Math.exp(-0.5 * del) * codyErfcRational(y);
  return x < 0 ? tail : 1 - tail;
}
