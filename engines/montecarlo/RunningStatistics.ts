import { checkFinite } from '../../src/_lib/checks.js';

/**
 * Mean, variance and standard error of a stream of samples (Welford's update).
 *
 * @remarks
 * errorEstimate = √(s²/n), s² the unbiased sample variance.
 * Source: B. P. Welford (1962), "Note on a method for calculating corrected sums of squares and
 * products", Technometrics 4(3).
 * Checked against: two-pass formulas in test/engines/montecarlo/RunningStatistics.test.ts.
 *
 * @example
 * ```ts
 * import { RunningStatistics } from 'quantflow';
 * const s = new RunningStatistics(); [1, 2, 3, 4].forEach((x) => s.add(x)); s.variance(); //=> 1.6666666666666667
 * ```
 * @public
 */
export class RunningStatistics {
  private n = 0;
  private m = 0;
  private s2 = 0;

  /**
   * Adds a sample.
   * @param x - a finite number.
   * @throws InvalidInputError when x is not finite.
   */
  add(x: number): void {
    checkFinite('x', x);
    this.n++;
    const d = x - this.m;
    this.m += d / this.n;
    this.s2 += d * (x - this.m);
  }

  /** Number of samples. */
  count(): number {
    return this.n;
  }

  /** Sample mean (0 when empty). */
  mean(): number {
    return this.m;
  }

  /** Unbiased sample variance (0 with fewer than two samples). */
  variance(): number {
    return this.n > 1 ? this.s2 / (this.n - 1) : 0;
  }

  /** Standard error of the mean, √(variance / n) (0 with fewer than two samples). */
  errorEstimate(): number {
    return this.n > 1 ? Math.sqrt(this.variance() / this.n) : 0;
  }
}
