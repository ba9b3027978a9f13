// Internal: DDKZ slope-method weights of a strip of OTM options replicating the log payoff.
import { InvalidInputError } from '../../../src/errors.js';

/** One option of the replicating strip. @internal */
export interface VarianceSwapStripLeg {
  readonly strike: number;
  /** Weight per option (already including the 2/T factor of the log payoff). */
  readonly weight: number;
}

/**
 * Weights w_i of the puts (or calls) that replicate, piecewise linearly between strikes, the
 * payoff f(S) = (2/T)[(S − S*)/S* − ln(S/S*)] on the side of S* the strikes lie on.
 *
 * @remarks
 * Strikes are walked away from S* (ascending for calls, descending for puts), one extra strike
 * `dk` beyond the last one closes the last segment (for puts it must stay above 0); w_0 is the slope of
 * the first segment and w_i the change of slope at strike i (DDKZ 1999, §"Replicating a
 * variance swap with a finite strip", eqs. for w_c(K_{n,c}) and w_p(K_{n,p})).
 *
 * @param strikes - the side's strikes (any order, duplicates removed); all > 0; the one nearest
 *   to S* must equal `sStar`.
 * @param side - `"call"` (strikes ≥ S*) or `"put"` (strikes ≤ S*).
 * @param sStar - S*, the boundary strike between puts and calls; > 0.
 * @param dk - strike step closing the last segment; > 0.
 * @param maturity - T in years; > 0.
 * @internal
 */
export function varianceSwapStripWeights(
  strikes: readonly number[],
  side: 'call' | 'put',
  sStar: number,
  dk: number,
  maturity: number,
): VarianceSwapStripLeg[] {
  const sorted = [...new Set(strikes)].sort((a, b) => (side === 'call' ? a - b : b - a));
  const end = sorted[sorted.length - 1] as number;
  if (side === 'put' && !(end - dk > 0)) {
    throw InvalidInputError.outOfRange('putStrikes', end, `(${dk}, ∞) for the lowest put strike (above dk, so the last segment stays above 0)`);
  }
  const grid = [...sorted, side === 'call' ? end + dk : end - dk];
  const logPayoff = (k: number): number => (2 / maturity) * ((k - sStar) / sStar - Math.log(k / sStar));
  const legs: VarianceSwapStripLeg[] = [];
  let previousSlope = 0;
  for (let i = 0; i + 1 < grid.length; i++) {
    const k = grid[i] as number;
    const next = grid[i + 1] as number;
    const slope = Math.abs((logPayoff(next) - logPayoff(k)) / (next - k));
    legs.push({ strike: k, weight: slope - previousSlope });
    previousSlope = slope;
  }
  return legs;
}
