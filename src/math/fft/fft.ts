import { InvalidInputError } from '../../errors.js';

/**
 * In-place radix-2 complex fast Fourier transform of a sequence of length N = 2^m (split real and
 * imaginary arrays).
 *
 * @remarks
 * Forward (`inverse` false): X_k = Σ_{j=0}^{N−1} x_j·e^(−2πi·jk/N). Inverse: x_j = (1/N)·Σ_k
 * X_k·e^(+2πi·jk/N), so inverse(forward(x)) = x to rounding. Iterative Cooley–Tukey,
 * decimation in time: bit-reversal permutation, then log₂N butterfly passes; the twiddle factors
 * of each pass come from Math.cos/Math.sin of 2π·j/len directly (no recurrence), so the rounding
 * error grows like O(ε·log N). O(N log N) operations, no allocation.
 * Source: Cooley & Tukey (1965), "An algorithm for the machine calculation of complex Fourier
 * series", Math. Comp. 19(90), 297–301; Press et al., Numerical Recipes (3rd ed.), §12.2.
 * Checked against: `test/math/fft.test.ts` (a direct O(N²) DFT for N = 1 … 1024, Parseval's
 * identity, the inverse round trip, known transforms of a delta and a pure tone).
 *
 * @example
 * ```ts
 * import { fft } from 'quantflow';
 * const re = Float64Array.of(1, 1, 1, 1);
 * const im = new Float64Array(4);
 * fft(re, im);
 * Array.from(re); //=> [4, 0, 0, 0]
 * ```
 * @param re - real parts, length N = 2^m (m ≥ 0); overwritten with the transform's real parts.
 * @param im - imaginary parts, the same length; overwritten with the transform's imaginary parts.
 * @param inverse - false (default) for the forward transform, true for the inverse (with 1/N).
 * @throws InvalidInputError when the length is not a power of two or the two lengths differ.
 * @public
 */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (im.length !== n) throw InvalidInputError.outOfRange('im.length', im.length, `{${n}} (re.length)`);
  if (n < 1 || (n & (n - 1)) !== 0) throw InvalidInputError.outOfRange('re.length', n, 'powers of two in [1, 2^30]');
  // Bit-reversal permutation.
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i]!;
      re[i] = re[j]!;
      re[j] = tr;
      const ti = im[i]!;
      im[i] = im[j]!;
      im[j] = ti;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const step = (sign * 2 * Math.PI) / len;
    for (let k = 0; k < half; k++) {
      const wr = Math.cos(step * k);
      const wi = Math.sin(step * k);
      for (let s = k; s < n; s += len) {
        const t = s + half;
        const xr = re[t]! * wr - im[t]! * wi;
        const xi = re[t]! * wi + im[t]! * wr;
        re[t] = re[s]! - xr;
        im[t] = im[s]! - xi;
        re[s] = re[s]! + xr;
        im[s] = im[s]! + xi;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] = re[i]! / n;
      im[i] = im[i]! / n;
    }
  }
}
