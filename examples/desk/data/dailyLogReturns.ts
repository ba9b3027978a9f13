import { InvalidInputError } from '../../../src/errors.js';

/**
 * Log returns between consecutive closes: rᵢ = ln(closes[i+1] / closes[i]).
 *
 * @remarks
 * Returns are between consecutive observations of the series: where a reader skipped a day
 * (holiday, data gap), the return spans the whole gap. Not annualised. Σ rᵢ =
 * ln(closes[n−1]/closes[0]).
 *
 * Source: Campbell, Lo and MacKinlay (1997), *The Econometrics of Financial Markets*, §1.4.1
 * (continuously compounded returns).
 *
 * Checked against: the telescoping identity above and exp-reconstruction of the closes
 * (fast-check), and hand-computed returns on a fixture (`test/examples/desk/readSpxCloses.test.ts`).
 *
 * @param closes - prices, length n ≥ 0; each finite and > 0.
 * @returns `Float64Array` of length max(n − 1, 0); decimals (0.01 ≈ +1 %).
 * @throws `InvalidInputError` when a close is not finite or ≤ 0 (naming its index and value).
 *
 * @example
 * ```ts
 * dailyLogReturns([100, 110, 99]); //=> Float64Array [ln 1.1, ln 0.9]
 * ```
 * @see readSpxCloses
 * @public
 */
export function dailyLogReturns(closes: ArrayLike<number>): Float64Array {
  const n = closes.length;
  for (let i = 0; i < n; i++) {
    const c = closes[i] as number;
    if (typeof c !== 'number' || !Number.isFinite(c) || !(c > 0)) {
      throw InvalidInputError.outOfRange(`closes[${i}]`, c, '(0, ∞)');
    }
  }
  const out = new Float64Array(Math.max(n - 1, 0));
  for (let i = 0; i + 1 < n; i++) out[i] = Math.log((closes[i + 1] as number) / (closes[i] as number));
  return out;
}
