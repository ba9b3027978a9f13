import { checkPositive } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { BinomialTree, type BinomialTreeParameters } from './BinomialTree.js';
import { checkProbability } from './_lib/checkProbability.js';
import { peizerPrattMethod2Inversion } from './_lib/peizerPrattMethod2Inversion.js';

/**
 * Leisen–Reimer binomial tree (Peizer–Pratt method 2 inversion), centred on the strike.
 *
 * @remarks
 * Needs an odd number of steps n: an even `steps` is raised to steps + 1 (as QuantLib does), and
 * Δt = end / n. With w = σ²·end, d₂ = (ln(S₀/K) + (r − q − σ²/2)·end)/√w and d₁ = d₂ + √w:
 * pu = h⁻¹(d₂, n), p′ = h⁻¹(d₁, n), up = e^{(r−q)Δt} p′/pu, down = (e^{(r−q)Δt} − pu·up)/(1 − pu),
 * where h⁻¹ is the Peizer–Pratt method-2 inversion. European prices converge at order 1/N²
 * without oscillation; American prices at order ~1/N.
 *
 * Source: Leisen & Reimer (1996), "Binomial models for option valuation — examining and improving
 * convergence", Applied Mathematical Finance 3, 319–346, eqs. (6)–(8); QuantLib `LeisenReimer`.
 * Checked against: `AnalyticEuropeanEngine` (measured order ≈ 2, `BinomialVanillaEngine.test.ts`).
 *
 * @public
 */
export class LeisenReimer extends BinomialTree {
  readonly up: number;
  readonly down: number;
  readonly pu: number;
  readonly pd: number;

  /**
   * @param params - spot, r, q and σ > 0.
   * @param end - maturity in years, > 0.
   * @param steps - time steps, integer ≥ 1 (even values are raised by one).
   * @param strike - the strike the tree is centred on, > 0.
   * @throws InvalidInputError for a bad argument, or when pu is not in (0, 1) (strike too far
   * from the forward in standard deviations).
   */
  constructor(params: BinomialTreeParameters, end: number, steps: number, strike: number) {
    super(params, end, steps % 2 === 1 ? steps : steps + 1);
    checkPositive('volatility', params.volatility);
    checkPositive('strike', strike);
    const n = this.steps;
    const variance = params.volatility * params.volatility * end;
    const growth = Math.exp(this.driftPerStep + (0.5 * variance) / n);
    const d2 = (Math.log(params.spot / strike) + this.driftPerStep * n) / Math.sqrt(variance);
    this.pu = peizerPrattMethod2Inversion(d2, n);
    this.pd = 1 - this.pu;
    const pDash = peizerPrattMethod2Inversion(d2 + Math.sqrt(variance), n);
    this.up = (growth * pDash) / this.pu;
    this.down = (growth - this.pu * this.up) / (1 - this.pu);
    // Far from the strike (|d2| ≳ 6√N) the inversions round to 0 or 1 and the factors degenerate
    // (division by zero, or down = 0): refuse rather than return NaN.
    if (!(this.pu > 0 && this.pu < 1 && this.down > 0 && this.up > this.down && Number.isFinite(this.up))) {
      throw new InvalidInputError(
        `LeisenReimer: the tree cannot be centred on strike ${strike}: d2 = ${d2} saturates the up probability (pu = ${this.pu}, up = ${this.up}, down = ${this.down}); use another tree or more steps`,
        { argument: 'strike', value: strike, allowed: 'strikes with pu in (0, 1) and 0 < down < up', d2 },
      );
    }
    checkProbability('LeisenReimer', this.pu);
  }
}
