import { InvalidInputError } from '../../../src/errors.js';
import type { TermStructureOptions } from '../../TermStructure.js';
import { BlackVolTermStructure } from '../BlackVolTermStructure.js';
import type { TotalVarianceDerivatives, TotalVarianceSurface } from '../TotalVarianceSurface.js';
import type { EssviParameters } from './EssviParameters.js';
import type { VolSurfaceArbitrageDiagnostics } from './VolSurfaceArbitrageDiagnostics.js';
import { essviNodes } from './_lib/checkNodes.js';
import { NodeSurfaceModel } from './_lib/NodeSurfaceModel.js';
import { defaultKGrid } from './_lib/surfaceDiagnostics.js';

/**
 * An eSSVI implied-volatility surface: SSVI slices with a maturity-dependent correlation ρ_T,
 * w(k, T) = ½(θ_T + ρ_Tψ_T k + √((ψ_T k + ρ_Tθ_T)² + θ_T²(1 − ρ_T²))), k = ln(K/F(T)).
 *
 * @remarks
 * Nodes (T_i, θ_i, ρ_i, ψ_i = θ_iφ_i). Between them: θ_T is a monotone C¹ cubic through (0, 0) and
 * (T_i, θ_i) (analytic ∂θ/∂T ≥ 0), and ψ and c = ρψ are linear in θ between neighbouring nodes
 * (from (0, 0, 0) at T = 0: before the first node w(k, T) = (θ_T/θ_1)·w_1(k)), the parameter
 * interpolation of Corbetta et al.; beyond the last node ψ and ρ stay and θ grows linearly.
 * ∂w/∂T = ∂θ/∂T·(∂w/∂θ + ∂w/∂ψ·dψ/dθ + ∂w/∂c·dc/dθ), analytic. Every interpolated slice has
 * ψ(1 + |ρ|) ≤ the nodes' maximum, so the butterfly bounds ψ(1 + |ρ|) < 4, ψ²(1 + |ρ|) ≤ 4θ of
 * Gatheral–Jacquier's Thm 4.2 are checked at the nodes and, with the calendar condition, on a grid
 * by `arbitrageDiagnostics()` ({@link fitEssviSurface} enforces both inside the fit).
 * A {@link BlackVolTermStructure} in strike space through the forward (ln F linear in T) and a
 * {@link TotalVarianceSurface} with analytic derivatives.
 * Source: S. Hendriks, C. Martini (2019), "The extended SSVI volatility surface", J. Comput.
 * Finance 22(5); J. Corbetta, P. Cohort, I. Laachir, C. Martini (2019), "Robust calibration and
 * arbitrage-free interpolation of SSVI slices", Decis. Econ. Finance 42(2), 665–677;
 * J. Gatheral, A. Jacquier (2014), Quant. Finance 14(1), 59–71, Thm 4.2.
 * Checked against: the SSVI surface when all ρ_i are equal and ψ_i = θ_iφ(θ_i) at the nodes, w and
 * derivatives by finite differences, g ≥ 0 and ∂w/∂T ≥ 0 on random admissible node sets
 * (fast-check), in test/termstructures/volatility/ssvi/essviSurface.test.ts.
 *
 * @example
 * ```ts
 * import { EssviSurface } from 'quantflow';
 * const s = new EssviSurface({ times: [0.5, 1], thetas: [0.02, 0.04], rhos: [-0.6, -0.5],
 *   psis: [0.15, 0.2], forwards: [100, 100] });
 * s.totalVarianceDerivatives(0, 1).w; //=> 0.04
 * ```
 * @public
 */
export class EssviSurface extends BlackVolTermStructure implements TotalVarianceSurface {
  private readonly fixed: EssviParameters | undefined;
  private readonly surface = new NodeSurfaceModel<EssviParameters>(() => this.parameters(), (p) => essviNodes('parameters', p));

  /**
   * @param parameters - the surface ({@link EssviParameters}); omitted only by fitted subclasses.
   * @param options - reference date and day counter (times are given in years).
   * @throws InvalidInputError when a parameter is out of range (naming it, e.g. `parameters.thetas[2]`).
   */
  constructor(parameters?: EssviParameters, options: TermStructureOptions = {}) {
    super(options);
    if (parameters !== undefined) essviNodes('parameters', parameters);
    this.fixed = parameters === undefined ? undefined : Object.freeze({ ...parameters });
  }

  /** The parameters (a fitted subclass refits first if a quote changed). @throws a fit's errors. */
  parameters(): EssviParameters {
    this.calculate();
    if (this.fixed === undefined) throw InvalidInputError.outOfRange('parameters', undefined, 'eSSVI parameters (or a subclass that fits them)');
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
