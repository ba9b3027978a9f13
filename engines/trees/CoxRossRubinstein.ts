import { checkPositive } from '../../src/_lib/checks.js';
import { BinomialTree, type BinomialTreeParameters } from './BinomialTree.js';
import { checkProbability } from './_lib/checkProbability.js';

/**
 * Cox–Ross–Rubinstein binomial tree (equal jumps in log-spot).
 *
 * @remarks
 * Log-jump Δx = σ√Δt, up = e^{Δx}, down = e^{−Δx}, pu = ½ + ½ (r − q − σ²/2) Δt / Δx, which matches
 * the first two moments of ln S over a step (QuantLib's drift-in-probability form, not the
 * (e^{(r−q)Δt} − d)/(u − d) of the textbook; both agree to O(Δt^{3/2})). Converges at order 1/N,
 * with the odd/even oscillation of a lattice whose nodes move relative to the strike.
 *
 * Source: Cox, Ross & Rubinstein (1979), "Option pricing: a simplified approach", J. Financial
 * Economics 7, 229–263; QuantLib `CoxRossRubinstein` (`binomialtree.hpp`).
 * Checked against: QuantLib 1.29 `BinomialCRRVanillaEngine(2000)` (`quantlib.american`), to 1e-6.
 *
 * @public
 */
export class CoxRossRubinstein extends BinomialTree {
  readonly up: number;
  readonly down: number;
  readonly pu: number;
  readonly pd: number;

  /**
   * @param params - spot, r, q and σ > 0.
   * @param end - maturity in years, > 0.
   * @param steps - time steps, integer ≥ 1.
   * @param _strike - unused (kept for the common tree signature).
   * @throws InvalidInputError for a bad argument, or when pu leaves [0, 1] (too few steps).
   */
  constructor(params: BinomialTreeParameters, end: number, steps: number, _strike = Number.NaN) {
    super(params, end, steps);
    checkPositive('volatility', params.volatility);
    const dx = params.volatility * Math.sqrt(this.dt);
    this.up = Math.exp(dx);
    this.down = Math.exp(-dx);
    this.pu = 0.5 + (0.5 * this.driftPerStep) / dx;
    this.pd = 1 - this.pu;
    checkProbability('CoxRossRubinstein', this.pu);
  }
}
