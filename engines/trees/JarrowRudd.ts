import { BinomialTree, type BinomialTreeParameters } from './BinomialTree.js';

/**
 * Jarrow–Rudd binomial tree (equal probabilities, drift in the nodes).
 *
 * @remarks
 * pu = pd = ½; up = e^{μΔt + σ√Δt}, down = e^{μΔt − σ√Δt} with μ = r − q − σ²/2, so the node
 * underlying(i, j) = S₀ e^{iμΔt + (2j − i)σ√Δt}. Converges at order 1/N.
 *
 * Source: Jarrow & Rudd (1983), *Option Pricing*, Irwin, ch. 13; QuantLib `JarrowRudd`.
 * Checked against: `AnalyticEuropeanEngine` convergence (`BinomialVanillaEngine.test.ts`).
 *
 * @public
 */
export class JarrowRudd extends BinomialTree {
  readonly up: number;
  readonly down: number;
  readonly pu = 0.5;
  readonly pd = 0.5;

  /**
   * @param params - spot, r, q and σ ≥ 0.
   * @param end - maturity in years, > 0.
   * @param steps - time steps, integer ≥ 1.
   * @param _strike - unused (kept for the common tree signature).
   * @throws InvalidInputError for a bad argument.
   */
  constructor(params: BinomialTreeParameters, end: number, steps: number, _strike = Number.NaN) {
    super(params, end, steps);
    const dx = params.volatility * Math.sqrt(this.dt);
    this.up = Math.exp(this.driftPerStep + dx);
    this.down = Math.exp(this.driftPerStep - dx);
  }
}
