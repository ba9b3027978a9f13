import { InvalidInputError } from '../../../src/errors.js';
import type { TermStructureOptions } from '../../TermStructure.js';
import { BlackVolTermStructure } from '../BlackVolTermStructure.js';
import type { TotalVarianceDerivatives, TotalVarianceSurface } from '../TotalVarianceSurface.js';
import type { SsviParameters } from './SsviParameters.js';
import type { VolSurfaceArbitrageDiagnostics } from './VolSurfaceArbitrageDiagnostics.js';
import { ssviNodes } from './_lib/checkNodes.js';
import { NodeSurfaceModel } from './_lib/NodeSurfaceModel.js';
import { defaultKGrid } from './_lib/surfaceDiagnostics.js';

/**
 * An SSVI implied-volatility surface (Gatheral–Jacquier): total variance
 * w(k, T) = θ_T/2 · (1 + ρφ(θ_T)k + √((φ(θ_T)k + ρ)² + 1 − ρ²)), k = ln(K/F(T)).
 *
 * @remarks
 * θ_T is a monotone C¹ cubic (Fritsch–Carlson, Fritsch–Butland slopes) through (0, 0) and the
 * nodes (T_i, θ_i), linear beyond the last with its end slope, so ∂θ/∂T ≥ 0 and is analytic; φ is
 * the power law or the Heston-like function ({@link SsviPhi}). ∂w/∂T = ∂θ/∂T·∂w/∂θ with
 * ∂w/∂θ taken along θ ↦ (θ, θφ(θ)), analytic. Free of calendar arbitrage when
 * 0 ≤ ∂_θ(θφ) ≤ (1 + √(1 − ρ²))φ/ρ² (their Thm 4.1) and of butterfly arbitrage when
 * θφ(1 + |ρ|) < 4 and θφ²(1 + |ρ|) ≤ 4 (Thm 4.2); `arbitrageDiagnostics()` checks both on a grid.
 * A {@link BlackVolTermStructure} in strike space through the forward (ln F linear in T between
 * the nodes) and a {@link TotalVarianceSurface} with analytic derivatives (for Dupire local vol).
 * Times are year fractions from the reference date; `maxTime()` is the last node.
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, Def. 4.1, eqs. (4.4)–(4.5), Thms 4.1–4.2, Cor. 4.1; F. N. Fritsch,
 * R. E. Carlson (1980), SIAM J. Numer. Anal. 17(2), 238–246.
 * Checked against: w and its derivatives by finite differences, the slice at a node against raw
 * SVI (natural parametrisation, their §3.2), g ≥ 0 and ∂w/∂T ≥ 0 on random arbitrage-free
 * parameters (fast-check), in test/termstructures/volatility/ssvi/ssviSurface.test.ts.
 *
 * @example
 * ```ts
 * import { SsviSurface } from 'quantflow';
 * const s = new SsviSurface({ times: [1], thetas: [0.04], forwards: [100], rho: -0.5,
 *   phi: { type: 'powerLaw', eta: 1, gamma: 0.5 } });
 * s.totalVarianceDerivatives(0, 1).w; //=> 0.04
 * ```
 * @public
 */
export class SsviSurface extends BlackVolTermStructure implements TotalVarianceSurface {
  private readonly fixed: SsviParameters | undefined;
  private readonly surface = new NodeSurfaceModel<SsviParameters>(() => this.parameters(), (p) => ssviNodes('parameters', p));

  /**
   * @param parameters - the surface ({@link SsviParameters}); omitted only by fitted subclasses.
   * @param options - reference date and day counter (times are given in years).
   * @throws InvalidInputError when a parameter is out of range (naming it, e.g. `parameters.thetas[2]`).
   */
  constructor(parameters?: SsviParameters, options: TermStructureOptions = {}) {
    super(options);
    if (parameters !== undefined) ssviNodes('parameters', parameters);
    this.fixed = parameters === undefined ? undefined : Object.freeze({ ...parameters, phi: Object.freeze({ ...parameters.phi }) });
  }

  /** The parameters (a fitted subclass refits first if a quote changed). @throws a fit's errors. */
  parameters(): SsviParameters {
    this.calculate();
    if (this.fixed === undefined) throw InvalidInputError.outOfRange('parameters', undefined, 'SSVI parameters (or a subclass that fits them)');
    return this.fixed;
  }

  /** Forward F(T) (price units); ln F linear in T between the nodes. @param t - years ≥ 0. */
  forward(t: number): number {
    return this.surface.forward(t);
  }

  override maxTime(): number {
    return this.surface.maxTime();
  }

  /**
   * w, ∂w/∂k, ∂²w/∂k², ∂w/∂T at (k, T), analytic.
   * @param k - log-forward moneyness, finite. @param t - years > 0.
   * @throws InvalidInputError when k is not finite or t is not > 0.
   */
  totalVarianceDerivatives(k: number, t: number): TotalVarianceDerivatives {
    return this.surface.derivatives(k, t);
  }

  /**
   * Butterfly (min g per node slice) and calendar (min ∂w/∂T per strike) diagnostics.
   * @param kGrid - log-moneyness grid; default 241 points over [−3, 1.5].
   */
  arbitrageDiagnostics(kGrid: ArrayLike<number> = defaultKGrid()): VolSurfaceArbitrageDiagnostics {
    return this.surface.diagnostics(kGrid);
  }

  protected blackVarianceImpl(t: number, strike: number): number {
    return this.surface.blackVariance(t, strike);
  }
}
