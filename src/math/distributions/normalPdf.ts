/** 1/√(2π). */
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014326779;

/**
 * The standard normal probability density φ(x) = e^(−x²/2)/√(2π).
 *
 * @remarks
 * Evaluated as e^(−x₀²/2)·e^(−(x−x₀)(x+x₀)/2), x₀ = x truncated to a multiple of 1/16,
 * so that the exponent's rounding error does not grow with x (relative error ≈ 1e-16 for
 * |x| up to 38, beyond which φ underflows).
 *
 * Source: closed form; the exponent split follows W. J. Cody, Math. Comp. 23 (1969).
 *
 * Checked against: values computed to 40 digits with mpmath 1.3, and the derivative of
 * {@link normalCdf} by central differences.
 *
 * @param x - any real number; NaN gives NaN.
 * @returns φ(x) in [0, 0.3989…].
 *
 * @example
 * ```ts
 * import { normalPdf } from 'quantflow';
 * normalPdf(0);
 * //=> 0.3989422804014327
 * ```
 * @public
 */
export function normalPdf(x: number): number {
  const y = Math.abs(x);
  if (y > 38.6) return 0;
  const y0 = Math.trunc(y * 16) / 16;
  const del = (y - y0) * (y + y0);
  return ONE_OVER_SQRT_TWO_PI * Math.exp(-0.5 * y0 * y0) * Math.exp(-0.5 * del);
}
