import { InvalidInputError } from '../../src/errors.js';
import { Complex } from '../../src/math/complex/Complex.js';
import type { HestonParameters } from '../../src/processes/HestonParameters.js';
import { checkHestonParameters } from '../../src/processes/_lib/checkHestonParameters.js';
import { hestonCfExponents } from './_lib/hestonCfExponents.js';

/**
 * The characteristic function φ(u) = E[exp(iu·ln(S_t/S_0))] of the Heston log-return, in the
 * "little Heston trap" form, stable for long maturities and large |u|.
 *
 * @remarks
 * φ(u) = exp(iu·drift + C(u, t) + D(u, t)·v0) with, for β = κ − ρσiu and
 * d = √((ρσiu − κ)² + σ²(iu + u²)) (Re d ≥ 0), g = (β − d)/(β + d):
 * D = (β − d)/σ² · (1 − e^(−dt))/(1 − g e^(−dt)),
 * C = κθ/σ² · [(β − d)t − 2 ln((1 − g e^(−dt))/(1 − g))].
 * This choice of root (g rather than Heston's 1/g) keeps the logarithm on its principal branch,
 * so no branch tracking is needed (Albrecher et al. 2007, Prop. 1 and §3). β − d is formed as
 * −σ²(iu + u²)/(β + d), which keeps the σ → 0 limit accurate (it tends to the Black–Scholes
 * φ with the expected integrated variance).
 * Source: Heston (1993), eq. (17); Albrecher, Mayer, Schoutens & Tistaert (2007), "The Little
 * Heston Trap", Wilmott Magazine, January, pp. 83–92, eq. (2)–(3).
 * Checked against: `test/engines/heston/hestonCharacteristicFunction.test.ts` (φ(0) = 1,
 * φ(−i) = e^drift, φ(−u*) = φ(u)*, the σ → 0 Black–Scholes limit, continuity in u for a
 * 30-year maturity where Heston's original form jumps).
 *
 * @example
 * ```ts
 * import { Complex, hestonCharacteristicFunction } from 'quantflow';
 * const p = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
 * hestonCharacteristicFunction(new Complex(0, -1), 1, p, 0.02).re; //=> 1.0202013400267558
 * ```
 * @param u - the argument, complex (real u for the density's transform; Im u ∈ [−1, 0] keeps
 * φ finite for any parameters, beyond it moments may explode).
 * @param t - time to maturity in years, > 0.
 * @param params - v0, κ, θ, σ, ρ (validated).
 * @param drift - ln(F_t/S_0) = ∫(r − q) in years × rate; default 0.
 * @returns φ(u) as a {@link Complex}.
 * @throws InvalidInputError when t is not finite and > 0, drift is not finite, or a parameter is
 * outside its range.
 * @public
 */
export function hestonCharacteristicFunction(u: Complex, t: number, params: HestonParameters, drift = 0): Complex {
  if (!(t > 0) || !Number.isFinite(t)) throw InvalidInputError.outOfRange('t', t, '(0, ∞)');
  if (!Number.isFinite(drift)) throw InvalidInputError.outOfRange('drift', drift, '(-∞, ∞), finite');
  const p = checkHestonParameters(params);
  const { c, d } = hestonCfExponents(u, t, p);
  const iuDrift = new Complex(-u.im * drift, u.re * drift);
  return iuDrift.add(c).add(d.scale(p.v0)).exp();
}
