import { checkFinite, checkInteger, checkNonNegative, checkPositive } from '../../src/_lib/checks.js';

/**
 * Constant Black–Scholes coefficients a binomial tree is built from.
 * @public
 */
export interface BinomialTreeParameters {
  /** Spot S₀ at the root, > 0. */
  readonly spot: number;
  /** Continuously compounded risk-free rate r (decimal, per year). */
  readonly riskFreeRate: number;
  /** Continuously compounded dividend yield q (decimal, per year). */
  readonly dividendYield: number;
  /** Black volatility σ (decimal, per √year), ≥ 0 (> 0 for the trees that divide by it). */
  readonly volatility: number;
}

/**
 * The constructor shape every binomial tree class shares; `BinomialVanillaEngine` takes one.
 * @public
 */
export type BinomialTreeType = new (params: BinomialTreeParameters, end: number, steps: number, strike: number) => BinomialTree;

/**
 * A recombining binomial tree of the spot under constant Black–Scholes coefficients.
 *
 * @remarks
 * Column i (time i·Δt, Δt = end / steps) has i + 1 nodes, index 0 the lowest. Every tree here is
 * multiplicative: underlying(i, j) = S₀ · dᶦ⁻ʲ · uʲ with per-step factors `down` and `up`
 * (QuantLib's equal-jumps and equal-probabilities trees written in the same form), and the
 * branch probabilities `pu`, `pd` are the same at every node. The log-drift per step is
 * (r − q − σ²/2) Δt as in QuantLib (`ql/methods/lattices/binomialtree.hpp`).
 * Columns beyond `steps` (and before 0, in an extended lattice) follow the same formula.
 *
 * Source: QuantLib `ql/methods/lattices/binomialtree.hpp`; Hull, *Options, Futures and Other
 * Derivatives*, ch. 13 and 21.
 * Checked against: `test/engines/trees/BinomialTree.test.ts` (one-step moments, probabilities in
 * [0, 1]) and through `BinomialVanillaEngine`.
 *
 * @public
 */
export abstract class BinomialTree {
  /** Time step Δt = end / steps, years. */
  readonly dt: number;
  /** Log-drift per step (r − q − σ²/2) Δt. */
  protected readonly driftPerStep: number;
  /** Up factor per step (underlying(i+1, j+1) / underlying(i, j)). */
  abstract readonly up: number;
  /** Down factor per step (underlying(i+1, j) / underlying(i, j)). */
  abstract readonly down: number;
  /** Probability of the up branch. */
  abstract readonly pu: number;
  /** Probability of the down branch, 1 − pu. */
  abstract readonly pd: number;

  /**
   * @param params - spot, r, q, σ (constant).
   * @param end - maturity in years, > 0.
   * @param steps - number of time steps, integer ≥ 1.
   * @throws InvalidInputError when an argument is outside its range (named in the message).
   */
  protected constructor(
    readonly params: BinomialTreeParameters,
    readonly end: number,
    readonly steps: number,
  ) {
    checkPositive('spot', params.spot);
    checkFinite('riskFreeRate', params.riskFreeRate);
    checkFinite('dividendYield', params.dividendYield);
    checkNonNegative('volatility', params.volatility);
    checkPositive('end', end);
    checkInteger('steps', steps, 1);
    this.dt = end / steps;
    const { riskFreeRate: r, dividendYield: q, volatility: v } = params;
    this.driftPerStep = (r - q - 0.5 * v * v) * this.dt;
  }

  /** Number of nodes in column i: i + 1. */
  size(i: number): number {
    return i + 1;
  }

  /**
   * Spot at node (i, index).
   * @param i - column (time step), integer ≥ 0.
   * @param index - node in the column, 0 (lowest) … i.
   */
  underlying(i: number, index: number): number {
    return this.params.spot * Math.pow(this.down, i - index) * Math.pow(this.up, index);
  }

  /**
   * Branch probability from node (i, index).
   * @param branch - 0 for down, 1 for up.
   */
  probability(_i: number, _index: number, branch: 0 | 1): number {
    return branch === 1 ? this.pu : this.pd;
  }

  /** Index in column i + 1 reached from (i, index) by `branch` (0 down, 1 up). */
  descendant(_i: number, index: number, branch: 0 | 1): number {
    return index + branch;
  }
}
