import { InvalidInputError } from '../errors.js';
import type { ForwardVarianceCurve } from './roughHestonForwardVariance.js';

/**
 * A piecewise-flat forward-variance curve: ξ0(t) = values[i] for times[i−1] ≤ t < times[i]
 * (times[−1] = 0), and the last value beyond the last time — the strip bootstrapped from variance
 * swaps σ²_VS(T_i): values[i] = (T_i σ²_VS(T_i) − T_{i−1} σ²_VS(T_{i−1}))/(T_i − T_{i−1}).
 *
 * @remarks
 * The knots are the curve's `breakpoints`, so the rough Heston quadrature integrates it exactly
 * between grid points (no first-order error from the jumps).
 * Source: El Euch, Gatheral & Rosenbaum (2019), "Roughening Heston", Risk (ξ0 from variance swaps).
 *
 * @example
 * ```ts
 * import { piecewiseFlatForwardVariance } from 'quantflow';
 * const xi0 = piecewiseFlatForwardVariance([0.5, 1], [0.03, 0.04, 0.05]);
 * xi0(0.7); //=> 0.04
 * ```
 * @param times - knots, years, finite, > 0, strictly ascending; length n ≥ 0.
 * @param values - forward variances, variance per year, finite ≥ 0; length n + 1.
 * @returns the curve (throws InvalidInputError, argument `t`, for t outside [0, ∞)).
 * @throws InvalidInputError naming the first bad knot, value or length.
 * @public
 */
export function piecewiseFlatForwardVariance(times: readonly number[], values: readonly number[]): ForwardVarianceCurve {
  if (values.length !== times.length + 1) throw InvalidInputError.outOfRange('values.length', values.length, `{${times.length + 1}} (times.length + 1)`);
  times.forEach((t, i) => {
    if (!(t > 0) || !Number.isFinite(t) || (i > 0 && !(t > times[i - 1]!))) throw InvalidInputError.outOfRange(`times[${i}]`, t, '(0, ∞), ascending');
  });
  values.forEach((v, i) => {
    if (!(v >= 0) || !Number.isFinite(v)) throw InvalidInputError.outOfRange(`values[${i}]`, v, '[0, ∞)');
  });
  const knots = Object.freeze([...times]);
  const levels = Object.freeze([...values]);
  const curve = (t: number) => {
    if (!(t >= 0) || !Number.isFinite(t)) throw InvalidInputError.outOfRange('t', t, '[0, ∞)');
    let i = 0;
    while (i < knots.length && t >= knots[i]!) i++;
    return levels[i]!;
  };
  return Object.assign(curve, { breakpoints: knots });
}
