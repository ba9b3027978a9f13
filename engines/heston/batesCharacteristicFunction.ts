import { InvalidInputError } from '../../src/errors.js';
import { Complex } from '../../src/math/complex/Complex.js';
import type { HestonParameters } from '../../src/processes/HestonParameters.js';
import { checkHestonParameters } from '../../src/processes/_lib/checkHestonParameters.js';
import { hestonCfExponentsInto } from './_lib/hestonCfExponents.js';
import { addBatesJumpExponent, checkBatesJumps } from './_lib/batesJumps.js';

/**
 * Lognormal jumps of the Bates (1996) model: a Poisson process of intensity λ whose jumps
 * multiply the spot by e^Y, Y ~ N(μ_J, σ_J²), compensated so that S e^(−(r−q)t) stays a martingale.
 * @public
 */
export interface BatesJumps {
  /** λ, jump intensity, per year, ≥ 0 (0: Heston). */
  readonly lambda: number;
  /** μ_J, mean of the log jump size Y, finite (e.g. −0.1 for 10 % average log drops). */
  readonly muJ: number;
  /** σ_J, standard deviation of the log jump size Y, ≥ 0. */
  readonly sigmaJ: number;
}

/**
 * The characteristic function φ(u) = E[exp(iu·ln(S_t/S_0))] of the Bates (1996) log-return:
 * Heston stochastic variance plus compensated lognormal jumps.
 *
 * @remarks
 * φ_Bates(u) = φ_Heston(u)·exp(λt·(e^(iuμ_J − u²σ_J²/2) − 1) − iu·λt·(e^(μ_J + σ_J²/2) − 1)),
 * with φ_Heston the little-Heston-trap form of {@link hestonCharacteristicFunction} (the jumps
 * are independent of the diffusion and of the variance). The compensator keeps φ(−i) = e^drift.
 * λ = 0 gives the Heston value bit for bit.
 * Source: Bates (1996), "Jumps and stochastic volatility: exchange rate processes implicit in
 * Deutsche Mark options", Rev. Financ. Stud. 9(1), 69–107, eq. (8)–(9); Gatheral (2006), The
 * Volatility Surface, ch. 5, eq. (5.3).
 * Checked against: `test/engines/heston/bates.test.ts` (λ = 0 equals Heston exactly, φ(−i) =
 * e^drift, φ(0) = 1).
 *
 * @example
 * ```ts
 * import { Complex, batesCharacteristicFunction } from 'quantflow';
 * const p = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
 * batesCharacteristicFunction(new Complex(0, -1), 1, p, { lambda: 0.5, muJ: -0.1, sigmaJ: 0.2 }, 0.02).re; //=> 1.0202013400267558
 * ```
 * @param u - the argument, complex (Im u ∈ [−1, 0] keeps φ finite).
 * @param t - time to maturity in years, > 0.
 * @param params - v0, κ, θ, σ, ρ (validated).
 * @param jumps - λ (per year), μ_J, σ_J (validated).
 * @param drift - ln(F_t/S_0) = ∫(r − q) in years × rate; default 0.
 * @returns φ(u) as a {@link Complex}.
 * @throws InvalidInputError when t is not finite and > 0, drift is not finite, or a parameter is
 * outside its range (the message names it).
 * @public
 */
export function batesCharacteristicFunction(u: Complex, t: number, params: HestonParameters, jumps: BatesJumps, drift = 0): Complex {
  if (!(t > 0) || !Number.isFinite(t)) throw InvalidInputError.outOfRange('t', t, '(0, ∞)');
  if (!Number.isFinite(drift)) throw InvalidInputError.outOfRange('drift', drift, '(-∞, ∞), finite');
  const p = checkHestonParameters(params);
  const j = checkBatesJumps(jumps);
  const out = new Float64Array(4);
  hestonCfExponentsInto(u.re, u.im, t, p, out);
  // Same sum order as hestonCharacteristicFunction (iu·drift + c + d·v0), then the jumps.
  const heston = new Complex(-u.im * drift, u.re * drift).add(new Complex(out[0]!, out[1]!)).add(new Complex(out[2]!, out[3]!).scale(p.v0));
  if (j.lambda === 0) return heston.exp();
  const jump = new Float64Array(2);
  addBatesJumpExponent(u.re, u.im, t, j, jump);
  return heston.add(new Complex(jump[0]!, jump[1]!)).exp();
}
