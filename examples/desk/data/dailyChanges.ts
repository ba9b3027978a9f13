import { InvalidInputError } from '../../../src/errors.js';

/**
 * Changes between consecutive levels: dᵢ = levels[i+1] − levels[i], in the levels' units.
 *
 * @remarks
 * For an index quoted in volatility points such as the VIX, the daily change in points is the
 * usual measure (VIX moves are quoted in points, not percent). Where a reader skipped a day the
 * change spans the gap. Σ dᵢ = levels[n−1] − levels[0] up to rounding.
 *
 * Source: first differences of a time series (no external method).
 *
 * Checked against: the telescoping identity (fast-check) and hand-computed changes on a fixture
 * (`test/examples/desk/readVixCloses.test.ts`).
 *
 * @param levels - values, length n ≥ 0; each finite.
 * @returns `Float64Array` of length max(n − 1, 0), same units as `levels`.
 * @throws `InvalidInputError` when a level is not finite (naming its index and value).
 *
 * @example
 * ```ts
 * dailyChanges([17.24, 18.19]); //=> Float64Array [0.95] (up to rounding)
 * ```
 * @see readVixCloses
 * @public
 */
export function dailyChanges(levels: ArrayLike<number>): Float64Array {
  const n = levels.length;
  for (let i = 0; i < n; i++) {
    const v = levels[i] as number;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw InvalidInputError.outOfRange(`levels[${i}]`, v, '(-∞, ∞), finite');
    }
  }
  const out = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i + 1 < n; i++) out[i] = (levels[i + 1] as number) - (levels[i] as number);
  return out;
}
