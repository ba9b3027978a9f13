import { InvalidInputError } from '../../src/errors.js';

/**
 * The Brownian-bridge construction of a Brownian path on given times: the first normal fixes
 * W(t_n), the next ones fill in midpoints conditionally on their neighbours.
 *
 * @remarks
 * W(t_m) | W(t_l), W(t_r) ~ N(((t_r − t_m)W(t_l) + (t_m − t_l)W(t_r))/(t_r − t_l),
 * (t_m − t_l)(t_r − t_m)/(t_r − t_l)), with t_0 = 0, W(0) = 0; intervals are bisected breadth
 * first, so the leading normals (the best-distributed Sobol coordinates) carry the coarse shape
 * of the path. The map z ↦ W is linear with covariance min(t_i, t_j).
 *
 * Source: P. Glasserman (2004), Monte Carlo Methods in Financial Engineering, §3.1.2
 * (Brownian bridge construction, eq. 3.7 and Fig. 3.2).
 * Checked against: the covariance min(t_i, t_j) of the linear map (exact), in
 * test/engines/montecarlo/BrownianBridge.test.ts.
 *
 * @public
 */
export class BrownianBridge {
  /** 6·n numbers: bridge index, left index (−1: time 0), right index (−1: none), left weight, right weight, std dev. */
  readonly packed: Float64Array;

  /**
   * @param times - `number[]` or `Float64Array` of n ≥ 1 times in years, strictly increasing, > 0.
   * @throws InvalidInputError when times are empty, not finite, not positive or not increasing.
   */
  constructor(readonly times: ArrayLike<number>) {
    const n = times.length;
    if (n < 1) throw InvalidInputError.outOfRange('times.length', n, '[1, ∞)');
    for (let i = 0; i < n; i++) {
      const t = times[i]!;
      const prev = i === 0 ? 0 : times[i - 1]!;
      if (!Number.isFinite(t) || !(t > prev)) throw InvalidInputError.outOfRange(`times[${i}]`, t, `(${prev}, ∞): positive, strictly increasing`);
    }
    const p = new Float64Array(6 * n);
    const put = (k: number, b: number, l: number, r: number, lw: number, rw: number, sd: number) => {
      p[k] = b; p[n + k] = l; p[2 * n + k] = r; p[3 * n + k] = lw; p[4 * n + k] = rw; p[5 * n + k] = sd;
    };
    put(0, n - 1, -1, -1, 0, 0, Math.sqrt(times[n - 1]!));
    let k = 1;
    const queue: Array<[number, number]> = [[-1, n - 1]];
    for (let h = 0; h < queue.length; h++) {
      const [l, r] = queue[h]!;
      if (r - l <= 1) continue;
      const m = l + ((r - l) >> 1);
      const tl = l < 0 ? 0 : times[l]!;
      const tm = times[m]!;
      const tr = times[r]!;
      put(k++, m, l, r, (tr - tm) / (tr - tl), (tm - tl) / (tr - tl), Math.sqrt(((tm - tl) * (tr - tm)) / (tr - tl)));
      queue.push([l, m], [m, r]);
    }
    this.packed = p;
  }

  /** Number of times (and of normals per path). */
  size(): number {
    return this.times.length;
  }

  /**
   * Brownian increments W(t_j) − W(t_{j−1}) from n independent standard normals.
   * @param z - n standard normals.
   * @returns a new `Float64Array` of n increments.
   * @throws InvalidInputError when z has the wrong length.
   */
  increments(z: ArrayLike<number>): Float64Array {
    const n = this.times.length;
    if (z.length !== n) throw InvalidInputError.outOfRange('z.length', z.length, `{${n}}`);
    const p = this.packed;
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const li = p[n + i]!, ri = p[2 * n + i]!;
      let v = p[5 * n + i]! * z[i]!;
      if (li >= 0) v = p[3 * n + i]! * w[li]! + v;
      if (ri >= 0) v = p[4 * n + i]! * w[ri]! + v;
      w[p[i]!] = v;
    }
    for (let j = n - 1; j > 0; j--) w[j] = w[j]! - w[j - 1]!;
    return w;
  }
}
