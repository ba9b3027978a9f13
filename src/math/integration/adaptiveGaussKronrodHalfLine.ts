import { InvalidInputError } from '../../errors.js';
import { adaptiveGaussKronrod, type AdaptiveQuadratureOptions, type QuadratureResult } from './adaptiveGaussKronrod.js';

/**
 * ∫ₐ^∞ f(u) du by {@link adaptiveGaussKronrod} after the substitution u = a + c·t/(1 − t),
 * t ∈ [0, 1), du = c/(1 − t)² dt.
 *
 * @remarks
 * The scale c puts half of the transformed interval on [a, a + c]: choose it near the width of
 * the integrand's bulk (for a characteristic-function integrand, about 1/(spread of the log
 * price)). The transformed integrand must tend to 0 as t → 1, i.e. f(u) = o(1/u²); no node sits
 * on t = 1. The tolerances apply to the transformed integral, which has the same value.
 * Source: Piessens et al. (1983), "QUADPACK", §2.2 (QAGI uses the related map u = a + (1 − t)/t).
 * Checked against: `test/math/integration.test.ts` (∫₀^∞ e^(−u) = 1, ∫₀^∞ 1/(1 + u²) = π/2,
 * ∫₀^∞ e^(−u²) cos(3u) in closed form).
 *
 * @example
 * ```ts
 * import { adaptiveGaussKronrodHalfLine } from 'quantflow';
 * Math.abs(adaptiveGaussKronrodHalfLine((u) => Math.exp(-u), 0).value - 1) < 1e-12; //=> true
 * ```
 * @param f - the integrand on [a, ∞), finite, o(1/u²) at infinity.
 * @param a - lower limit, finite.
 * @param scale - c > 0, finite (default 1), in units of u.
 * @param options - tolerances and the subinterval budget (as for {@link adaptiveGaussKronrod}).
 * @returns value, error estimate, subintervals and evaluations.
 * @throws InvalidInputError when `a` or `scale` is out of range, or an option is.
 * @throws ConvergenceError when the tolerance is not met within `maxIntervals`.
 * @public
 */
export function adaptiveGaussKronrodHalfLine(
  f: (u: number) => number,
  a: number,
  scale = 1,
  options: AdaptiveQuadratureOptions = {},
): QuadratureResult {
  if (!Number.isFinite(a)) throw InvalidInputError.outOfRange('a', a, '(-∞, ∞), finite');
  if (!(scale > 0) || !Number.isFinite(scale)) throw InvalidInputError.outOfRange('scale', scale, '(0, ∞)');
  const g = (t: number): number => {
    const s = 1 - t;
    return (f(a + (scale * t) / s) * scale) / (s * s);
  };
  return adaptiveGaussKronrod(g, 0, 1, options);
}
