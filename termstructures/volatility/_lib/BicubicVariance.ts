// Tensor-product natural cubic spline of total variance w(t, K) on a (time, strike) grid, the
// "bicubic" scheme of QuantLib's BlackVarianceSurface (BicubicSpline).
import { naturalSplineSlopes, naturalSplineValue } from './naturalSplineSlopes.js';

/**
 * w at (t, K): a natural cubic spline in t through each strike's column (t = 0 row included) is
 * evaluated at t, then a natural cubic spline in K through those values is evaluated at K.
 * (The tensor-product spline is the same whichever axis goes first; this order matches
 * QuantLib's evaluation, which keeps rounding close to it.) Source: de Boor (2001), A Practical
 * Guide to Splines, ch. XVII (tensor-product splines).
 */
export class BicubicVariance {
  private readonly columns: Float64Array[];
  private readonly columnSlopes: Float64Array[];
  private readonly work: Float64Array;
  // The K-sections at the last few query times: Dupire's difference quotients and the FD engines'
  // per-step rows read many strikes at the same three times (t − dt, t, t + dt).
  private readonly cache: Array<{ t: number; section: Float64Array; slopes: Float64Array }>;
  private next = 0;

  /**
   * @param times - increasing times, first 0; length m ≥ 2.
   * @param strikes - increasing strikes; length n ≥ 2.
   * @param rows - rows[j][i] = w(times[j], strikes[i]).
   */
  constructor(
    private readonly times: Float64Array,
    private readonly strikes: Float64Array,
    rows: ReadonlyArray<ArrayLike<number>>,
  ) {
    const m = times.length;
    this.work = new Float64Array(Math.max(m, strikes.length));
    this.columns = Array.from(strikes, (_k, i) => Float64Array.from(rows, (row) => row[i]!));
    this.columnSlopes = this.columns.map((col) => {
      const s = new Float64Array(m);
      naturalSplineSlopes(times, col, s, this.work);
      return s;
    });
    this.cache = Array.from({ length: 4 }, () => ({ t: NaN, section: new Float64Array(strikes.length), slopes: new Float64Array(strikes.length) }));
  }

  value(t: number, strike: number): number {
    let entry = this.cache.find((e) => e.t === t);
    if (entry === undefined) {
      entry = this.cache[this.next]!;
      this.next = (this.next + 1) % this.cache.length;
      for (let i = 0; i < this.columns.length; i++) entry.section[i] = naturalSplineValue(this.times, this.columns[i]!, this.columnSlopes[i]!, t);
      naturalSplineSlopes(this.strikes, entry.section, entry.slopes, this.work);
      entry.t = t;
    }
    return naturalSplineValue(this.strikes, entry.section, entry.slopes, strike);
  }
}
