import { InvalidInputError } from '../errors.js';
import { fft } from '../math/fft/fft.js';
import { philoxPathNormals } from '../kernels/montecarlo.reference.js';

/**
 * A sample path of fractional Brownian motion B^H at t = 0, 1, …, n (unit step; scale by
 * Δ^H for step Δ), exact in law, by the circulant embedding of Davies & Harte (1987).
 *
 * @remarks
 * The increments (fractional Gaussian noise) have autocovariance γ(k) = ½(|k+1|^(2H) − 2|k|^(2H)
 * + |k−1|^(2H)). They are embedded in a circulant of size M = 2^⌈log₂ 2n⌉ whose eigenvalues
 * λ (one FFT) are ≥ 0 for every H ∈ (0, 1); X = FFT(√(λ/M)·(Z₁ + iZ₂)) then has Re X and Im X
 * two independent exact fGn samples; the real part of the first n is cumulated (B₀ = 0). Normals
 * from Philox4x32-10 stream 0 under key `seed` (AS241): deterministic on any machine.
 * Source: R. B. Davies, D. S. Harte (1987), "Tests for Hurst effect", Biometrika 74(1), 95–101;
 * C. R. Dietrich, G. N. Newsam (1997), SIAM J. Sci. Comput. 18(4) (the non-negativity for fGn).
 * Checked against: `test/timeseries/fractionalBrownianMotion.test.ts` (sample autocovariance of
 * the increments vs γ(k); Var B_n = n^(2H)).
 *
 * @example
 * ```ts
 * import { fractionalBrownianMotion } from 'quantflow';
 * const b = fractionalBrownianMotion(0.1, 1000, 7);
 * [b.length, b[0]]; //=> [1001, 0]
 * ```
 * @param H - Hurst exponent in (0, 1).
 * @param n - number of steps, integer in [1, 2^24].
 * @param seed - Philox key, integer in [0, 2^32); default 1.
 * @returns a `Float64Array` of n + 1 values, B^H at 0, 1, …, n.
 * @throws InvalidInputError when H, n or seed is out of range.
 * @public
 */
export function fractionalBrownianMotion(H: number, n: number, seed = 1): Float64Array {
  if (!(H > 0 && H < 1)) throw InvalidInputError.outOfRange('H', H, '(0, 1)');
  if (!(Number.isInteger(n) && n >= 1 && n <= 2 ** 24)) throw InvalidInputError.outOfRange('n', n, 'integers in [1, 2^24]');
  if (!(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) throw InvalidInputError.outOfRange('seed', seed, 'integers in [0, 2^32)');
  let M = 2;
  while (M < 2 * n) M *= 2;
  const h2 = 2 * H;
  const gam = (k: number): number => 0.5 * (Math.pow(k + 1, h2) - 2 * Math.pow(k, h2) + Math.pow(Math.abs(k - 1), h2));
  const re = new Float64Array(M);
  const im = new Float64Array(M);
  const half = M / 2;
  for (let k = 0; k <= half; k++) re[k] = gam(k);
  for (let k = half + 1; k < M; k++) re[k] = re[M - k]!;
  fft(re, im);
  const z = new Float64Array(2 * M);
  philoxPathNormals(0, seed, 0, 2 * M, z);
  const xr = new Float64Array(M);
  const xi = new Float64Array(M);
  for (let k = 0; k < M; k++) {
    // Eigenvalues are real and ≥ 0 in exact arithmetic; clip rounding noise.
    const s = Math.sqrt(Math.max(re[k]!, 0) / M);
    xr[k] = s * z[2 * k]!;
    xi[k] = s * z[2 * k + 1]!;
  }
  fft(xr, xi);
  const b = new Float64Array(n + 1);
  for (let j = 0; j < n; j++) b[j + 1] = b[j]! + xr[j]!;
  return b;
}
