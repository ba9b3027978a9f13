import { InvalidInputError } from '../errors.js';
import { mittagLeffler, reciprocalGamma } from '../math/special/mittagLeffler.js';
import type { RoughHestonParameters } from '../processes/RoughHestonParameters.js';
import { checkRoughHestonParameters } from './RoughHestonModel.js';

/**
 * A forward-variance curve ξ0: t ↦ ξ0(t) = E[V_t] seen today, t in years (≥ 0), values variance
 * per year (finite, ≥ 0). Flat (`() => 0.04`) or any term structure (e.g. read off variance swaps:
 * ξ0(t) = d(t·σ²_VS(t))/dt). The rough Heston routes integrate it against the Riccati solution
 * by quadrature, so a curve smooth between grid points converges fastest; declare jumps and kinks in
 * `breakpoints` (see {@link piecewiseFlatForwardVariance}), else they converge at first order in the step. Read as a pure function: the quadrature weights are cached per function
 * object, so new values need a new function (e.g. {@link RoughHestonModel.setForwardVariance}).
 * @public
 */
export type ForwardVarianceCurve = ((t: number) => number) & {
  /** Times (years) where ξ0 jumps or kinks (e.g. a piecewise-flat strip's knots): the quadrature splits there. */
  readonly breakpoints?: readonly number[];
};

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
  const gammas: number[] = []; // 1/Γ(αk + 1), filled as the series needs them
  const seriesMax = Math.pow(9, alpha);
  return (t: number) => {
    if (!(t >= 0) || !Number.isFinite(t)) throw InvalidInputError.outOfRange('t', t, '[0, ∞)');
    if (t === 0 || kappa === 0) return v0;
    const z = -kappa * Math.pow(t, alpha);
    return theta + (v0 - theta) * (z >= -seriesMax ? mittagLefflerSeries(alpha, z, gammas) : mittagLeffler(alpha, 1, z));
  };
}

// For |z| ≤ 9^α the power series is cheap and loses about e^{|z|^{1/α}}·ε ≤ e⁹·ε ≈ 2e-12 to
// cancellation (its largest term); the curve is read at thousands of quadrature nodes per call.

function mittagLefflerSeries(alpha: number, z: number, gammas: number[]): number {
  let sum = 0;
  let zk = 1;
  for (let k = 0; k < 200; k++) {
    if (k === gammas.length) gammas.push(reciprocalGamma(alpha * k + 1));
    const term = zk * gammas[k]!;
    sum += term;
    if (k > 2 && Math.abs(term) < 1e-17 * Math.max(1, Math.abs(sum))) break;
    zk *= z;
  }
  return sum;
}
