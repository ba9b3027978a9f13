import { InvalidInputError } from '../errors.js';
import { mittagLeffler } from '../math/special/mittagLeffler.js';
import type { RoughHestonParameters } from '../processes/RoughHestonParameters.js';
import { checkRoughHestonParameters } from './RoughHestonModel.js';

/**
 * A forward-variance curve ξ0: t ↦ ξ0(t) = E[V_t] seen today, t in years (≥ 0), values variance
 * per year (finite, ≥ 0). Flat (`() => 0.04`) or any term structure (e.g. read off variance swaps:
 * ξ0(t) = d(t·σ²_VS(t))/dt). The rough Heston routes integrate it against the Riccati solution
 * by quadrature, so a curve smooth between grid points converges fastest (a jump converges at
 * first order in the step).
 * @public
 */
export type ForwardVarianceCurve = (t: number) => number;

/**
 * The forward-variance curve of the (v0, κ, θ) rough Heston model:
 * ξ0(t) = E[V_t] = v0 + (θ − v0)(1 − E_α(−κ t^α)), α = H + ½ (E_α the Mittag-Leffler function).
 *
 * @remarks
 * The flat-parameter model IS the forward-variance model with this curve: with it,
 * {@link adamsRoughHestonLogCf}'s `forwardVariance` option gives the (v0, κ, θ) log-CF back
 * (checked to ≤ 1e-8 in `test/engines/roughheston/forwardVariance.test.ts`). H = ½ gives the
 * classical Heston mean θ + (v0 − θ)e^{−κt}.
 * Source: O. El Euch, M. Rosenbaum (2019), "The characteristic function of rough Heston models",
 * Mathematical Finance 29(1), 3–38 (the mean of the Volterra equation (1.4): E[V] solves the linear
 * Volterra equation whose resolvent is t^{α−1}E_{α,α}(−κt^α)).
 *
 * @example
 * ```ts
 * import { roughHestonForwardVariance } from 'quantflow';
 * const xi0 = roughHestonForwardVariance({ v0: 0.02, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 });
 * xi0(0); //=> 0.02
 * ```
 * @param params - rough Heston parameters (as {@link RoughHestonModel} validates them); σ, ρ unused.
 * @returns the curve t ↦ E[V_t] (t in years; throws for t < 0 or not finite).
 * @throws InvalidInputError when a parameter is out of range; the curve throws InvalidInputError
 * (argument `t`) for t outside [0, ∞).
 * @public
 */
export function roughHestonForwardVariance(params: RoughHestonParameters): ForwardVarianceCurve {
  const { v0, kappa, theta, hurst } = checkRoughHestonParameters(params);
  const alpha = hurst + 0.5;
  return (t: number) => {
    if (!(t >= 0) || !Number.isFinite(t)) throw InvalidInputError.outOfRange('t', t, '[0, ∞)');
    if (t === 0 || kappa === 0) return v0;
    return theta + (v0 - theta) * mittagLeffler(alpha, 1, -kappa * Math.pow(t, alpha));
  };
}
