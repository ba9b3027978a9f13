// Internal: Crank–Nicolson (Rannacher start) backward operator for the Hull–White state
// x = r − φ(t), with the deterministic part of the discount factored out exactly.
import { hwB, hwConvexityIntegral, hwLogA } from '../../_lib/hullWhiteFormulas.js';
import type { BackwardLattice } from '../../_lib/backwardLattice.js';

/**
 * V(t, x) = e^{−∫_t^T φ} W(t, x) with W_t − a x W_x + ½σ² W_xx − x W = 0 (Brigo & Mercurio 2006,
 * §3.3.2: r = x + φ, φ(t) = f(0,t) + σ²/(2a²)(1 − e^{−at})²). Over a step,
 * e^{−∫_{t_i}^{t_{i+1}} φ} = P(0,t_{i+1})/P(0,t_i) · e^{−½[V(0,t_{i+1}) − V(0,t_i)]} is exact,
 * so the curve enters without numerical forward rates. The x-operator is time-independent:
 * three-point differences on a non-uniform grid, one-sided (inward, upwind) at the two edges
 * where the drift −a x points into the domain and no boundary condition is needed.
 * Crank–Nicolson steps; a damped step is two implicit-Euler half steps (Rannacher 1984).
 */
export class FdHullWhiteLattice implements BackwardLattice {
  readonly times: Float64Array;
  private readonly n: number;
  private readonly lo: Float64Array;
  private readonly di: Float64Array;
  private readonly up: Float64Array;
  private readonly growth: Float64Array;
  private readonly rhs: Float64Array;
  private readonly tmp: Float64Array;
  private readonly factorizations = new Map<number, { cp: Float64Array; inv: Float64Array }>();
  private readonly rootIndex: number;
  private readonly rootWeights: readonly [number, number, number];

  constructor(private readonly a: number, private readonly sigma: number, private readonly discount: (t: number) => number, times: Float64Array, readonly x: Float64Array) {
    this.times = times;
    const n = x.length;
    this.n = n;
    const lo = new Float64Array(n);
    const di = new Float64Array(n);
    const up = new Float64Array(n);
    const s2 = 0.5 * sigma * sigma;
    for (let i = 1; i < n - 1; i++) {
      const hm = (x[i] as number) - (x[i - 1] as number);
      const hp = (x[i + 1] as number) - (x[i] as number);
      const mu = -a * (x[i] as number);
      // second derivative and central first derivative on a non-uniform grid
      const cxxm = 2 / (hm * (hm + hp));
      const cxxp = 2 / (hp * (hm + hp));
      const cxm = -hp / (hm * (hm + hp));
      const cxp = hm / (hp * (hm + hp));
      const cx0 = (hp - hm) / (hm * hp);
      lo[i] = s2 * cxxm + mu * cxm;
      up[i] = s2 * cxxp + mu * cxp;
      di[i] = -s2 * (cxxm + cxxp) + mu * cx0 - (x[i] as number);
    }
    const h0 = (x[1] as number) - (x[0] as number);
    const mu0 = -a * (x[0] as number);
    di[0] = -mu0 / h0 - (x[0] as number);
    up[0] = mu0 / h0;
    const hn = (x[n - 1] as number) - (x[n - 2] as number);
    const mun = -a * (x[n - 1] as number);
    lo[n - 1] = -mun / hn;
    di[n - 1] = mun / hn - (x[n - 1] as number);
    this.lo = lo;
    this.di = di;
    this.up = up;
    const steps = times.length - 1;
    const growth = new Float64Array(steps);
    for (let i = 0; i < steps; i++) {
      const t0 = times[i] as number;
      const t1 = times[i + 1] as number;
      growth[i] = (discount(t1) / discount(t0)) * Math.exp(-hwConvexityIntegral(a, sigma, t0, t1));
    }
    this.growth = growth;
    this.rhs = new Float64Array(n);
    this.tmp = new Float64Array(n);
    // quadratic (Lagrange) interpolation at x = 0 through the three nodes nearest to it
    let r = 1;
    for (let j = 1; j < n - 1; j++) if (Math.abs(x[j] as number) < Math.abs(x[r] as number)) r = j;
    this.rootIndex = r;
    const x0 = x[r - 1] as number;
    const x1 = x[r] as number;
    const x2 = x[r + 1] as number;
    this.rootWeights = [(x1 * x2) / ((x0 - x1) * (x0 - x2)), (x0 * x2) / ((x1 - x0) * (x1 - x2)), (x0 * x1) / ((x2 - x0) * (x2 - x1))];
  }

  size(): number {
    return this.n;
  }

  rootValue(values: Float64Array): number {
    const r = this.rootIndex;
    const [w0, w1, w2] = this.rootWeights;
    return w0 * (values[r - 1] as number) + w1 * (values[r] as number) + w2 * (values[r + 1] as number);
  }

  /** P(t_i, T | x) = A(t_i, T)e^{−B(t_i,T)x} on every node (Brigo & Mercurio eq. 3.39). */
  zeroBond(i: number, T: number, out: Float64Array): void {
    const t = this.times[i] as number;
    const lnA = hwLogA(this.a, this.sigma, t, T, this.discount(T), this.discount(t));
    const b = hwB(this.a, T - t);
    const x = this.x;
    for (let j = 0; j < this.n; j++) out[j] = Math.exp(lnA - b * (x[j] as number));
  }

  stepBack(i: number, next: Float64Array, out: Float64Array, damped: boolean): void {
    const dt = (this.times[i + 1] as number) - (this.times[i] as number);
    if (damped) {
      this.implicit(dt / 2, next, this.tmp);
      this.implicit(dt / 2, this.tmp, out);
    } else {
      // (I − ½dt L) out = (I + ½dt L) next
      const { lo, di, up, rhs, n } = this;
      const h = dt / 2;
      rhs[0] = (next[0] as number) + h * ((di[0] as number) * (next[0] as number) + (up[0] as number) * (next[1] as number));
      for (let j = 1; j < n - 1; j++) {
        rhs[j] = (next[j] as number) + h * ((lo[j] as number) * (next[j - 1] as number) + (di[j] as number) * (next[j] as number) + (up[j] as number) * (next[j + 1] as number));
      }
      rhs[n - 1] = (next[n - 1] as number) + h * ((lo[n - 1] as number) * (next[n - 2] as number) + (di[n - 1] as number) * (next[n - 1] as number));
      this.solve(h, rhs, out);
    }
    const g = this.growth[i] as number;
    for (let j = 0; j < this.n; j++) out[j] = (out[j] as number) * g;
  }

  private implicit(h: number, from: Float64Array, to: Float64Array): void {
    this.solve(h, from, to);
  }

  /** Solves (I − h L) y = b by the Thomas algorithm, with the factorization cached per h. */
  private solve(h: number, b: Float64Array, y: Float64Array): void {
    const { lo, di, up, n } = this;
    let f = this.factorizations.get(h);
    if (f === undefined) {
      const cp = new Float64Array(n);
      const inv = new Float64Array(n);
      let prev = 0;
      for (let j = 0; j < n; j++) {
        const a = -h * (lo[j] as number);
        const bb = 1 - h * (di[j] as number);
        const c = -h * (up[j] as number);
        const m = 1 / (bb - a * prev);
        inv[j] = m;
        prev = c * m;
        cp[j] = prev;
      }
      f = { cp, inv };
      if (this.factorizations.size > 64) this.factorizations.clear();
      this.factorizations.set(h, f);
    }
    const { cp, inv } = f;
    let d = (b[0] as number) * (inv[0] as number);
    y[0] = d;
    for (let j = 1; j < n; j++) {
      d = ((b[j] as number) + h * (lo[j] as number) * d) * (inv[j] as number);
      y[j] = d;
    }
    for (let j = n - 2; j >= 0; j--) y[j] = (y[j] as number) - (cp[j] as number) * (y[j + 1] as number);
  }
}
