import { BinomialTree, type BinomialTreeParameters } from './BinomialTree.js';
import { checkProbability } from './_lib/checkProbability.js';

/**
 * Tian's third-moment-matching binomial tree.
 *
 * @remarks
 * With v = e^{σ²Δt} and m = e^{μΔt}√v (μ = r − q − σ²/2, so m = e^{(r−q)Δt}):
 * up, down = ½ m v (v + 1 ± √(v² + 2v − 3)), pu = (m − down)/(up − down). Matches the first three
 * moments of the one-step lognormal distribution. Converges at order 1/N.
 *
 * Source: Tian (1993), "A modified lattice approach to option pricing", J. Futures Markets 13(5),
 * 563–577, eq. (11); QuantLib `Tian`.
 * Checked against: `AnalyticEuropeanEngine` convergence and one-step moments (tests).
 *
 * @public
 */
export class Tian extends BinomialTree {
  readonly up: number;
  readonly down: number;
  readonly pu: number;
  readonly pd: number;

  /**
   * @param params - spot, r, q and σ ≥ 0.
   * @param end - maturity in years, > 0.
   * @param steps - time steps, integer ≥ 1.
   * @param _strike - unused (kept for the common tree signature).
   * @throws InvalidInputError for a bad argument, or when pu leaves [0, 1].
   */
  constructor(params: BinomialTreeParameters, end: number, steps: number, _strike = Number.NaN) {
    super(params, end, steps);
    const v = Math.exp(params.volatility * params.volatility * this.dt);
    const m = Math.exp(this.driftPerStep) * Math.sqrt(v);
    const root = Math.sqrt(Math.max(v * v + 2 * v - 3, 0));
    this.up = 0.5 * m * v * (v + 1 + root);
    this.down = 0.5 * m * v * (v + 1 - root);
    this.pu = this.up === this.down ? 0.5 : (m - this.down) / (this.up - this.down);
    this.pd = 1 - this.pu;
    checkProbability('Tian', this.pu);
  }
}
