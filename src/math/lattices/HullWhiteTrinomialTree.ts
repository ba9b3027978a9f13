import { checkFinite, checkNonNegative, checkPositive } from '../../_lib/checks.js';
import { InvalidInputError } from '../../errors.js';

/** Largest |η| with p_m = 2/3 − η² ≥ 0. */
const MAX_ETA = Math.sqrt(2 / 3);

/**
 * Hull–White trinomial tree for the short rate r = α(t) + x, dx = −a x dt + σ dW, fitted to a
 * discount curve by forward induction.
 *
 * @remarks
 * Step i runs from t_i to t_{i+1} (Δt_i = t_{i+1} − t_i, steps may differ). Nodes at t_i are
 * x = j·Δx_i, j = −J_i … J_i, with Δx_{i+1} = √(3 V_i), V_i = σ²(1 − e^{−2aΔt_i})/(2a) the exact
 * conditional variance over the step (Δx = σ√(3Δt) for small steps). From node j the mean
 * μ = j Δx_i e^{−aΔt_i}/Δx_{i+1} (in units of Δx_{i+1}) picks the middle branch k = nearest
 * integer to μ ("normal" branching: k, k ± 1); at the edge j_max = ⌈0.184/(1 − e^{−aΔt_i})⌉ of
 * Hull & White the middle branch is moved inward to ±(j_max − 1) ("down" at the top, "up" at the
 * bottom), which bounds the tree's width. With η = μ − k the probabilities matching mean and
 * variance are p_u = 1/6 + (η² + η)/2, p_m = 2/3 − η², p_d = 1/6 + (η² − η)/2. If a switch would
 * give |η| > √(2/3) (possible only after a very short step), normal branching is kept there instead,
 * so every probability stays positive.
 *
 * α is fitted by forward induction on the Arrow–Debreu prices Q_{i,j} (Hull & White 1994, eq. 19
 * in the x-form): α_i = ln(Σ_j Q_{i,j} e^{−j Δx_i Δt_i} / P(0, t_{i+1}))/Δt_i, so the tree
 * reprices every P(0, t_i) of the grid exactly (to rounding). The rate on node (i, j) is the
 * Δt_i-period rate α_i + jΔx_i, discounting over step i by e^{−(α_i + jΔx_i)Δt_i}.
 *
 * Source: Hull & White (1994), "Numerical procedures for implementing term structure models I:
 * single-factor models", J. Derivatives 2(1), 7–16; Hull & White (1996), "Using Hull–White
 * interest rate trees", J. Derivatives 3(3) (non-constant time steps); Brigo & Mercurio (2006),
 * *Interest Rate Models — Theory and Practice*, 2nd ed., §3.3.3.
 * Checked against: `test/math/lattices/HullWhiteTrinomialTree.test.ts` (reprices P(0, t_i);
 * probabilities in [0, 1] summing to 1; matches mean and variance of each branch), and through the
 * engines, Jamshidian's closed form and QuantLib 1.29's TreeSwaptionEngine.
 *
 * @example
 * ```ts
 * import { HullWhiteTrinomialTree, timeGridWithMandatoryTimes } from 'quantflow';
 * const tree = new HullWhiteTrinomialTree(0.1, 0.01, (t) => Math.exp(-0.03 * t), timeGridWithMandatoryTimes([1, 2, 5], 100));
 * tree.halfWidths[100]; //=> 37
 * tree.lastStatePrices.reduce((sum, q) => sum + q, 0).toFixed(12); //=> '0.860707976425'
 * ```
 * @public
 */
export class HullWhiteTrinomialTree {
  /** The grid times t_0 = 0 < t_1 < … < t_N, years. */
  readonly times: Float64Array;
  /** Half-width J_i of the tree at t_i (2J_i + 1 nodes), i = 0 … N. */
  readonly halfWidths: Int32Array;
  /** Node spacing Δx_i at t_i (Δx_0 = 0: one node). */
  readonly dx: Float64Array;
  /** Fitted shift α_i of step i (the Δt_i-period rate at x = 0), i = 0 … N − 1. */
  readonly alpha: Float64Array;
  /** Arrow–Debreu prices at the last time t_N (length 2J_N + 1). */
  readonly lastStatePrices: Float64Array;
  private readonly offsets: Int32Array;
  private readonly middle: Int32Array;
  private readonly pu: Float64Array;
  private readonly pm: Float64Array;
  private readonly pd: Float64Array;
  private readonly disc: Float64Array;

  /**
   * @param a - mean reversion a, per year; finite, ≥ 0 (0: Ho–Lee, no branching switch).
   * @param sigma - volatility σ of the short rate, absolute per √year; finite, > 0.
   * @param discount - the curve's discount factor P(0, t) for t in years; > 0 at every grid time.
   * @param times - grid times, `Float64Array` starting at 0, strictly increasing, length ≥ 2
   *   (e.g. from {@link timeGridWithMandatoryTimes}).
   * @throws InvalidInputError when a is not finite and ≥ 0, σ not finite and > 0, the grid is not increasing from
   *   0, or a discount factor is not finite and > 0.
   */
  constructor(readonly a: number, readonly sigma: number, discount: (t: number) => number, times: Float64Array) {
    checkNonNegative('a', a);
    checkFinite('a', a);
    checkPositive('sigma', sigma);
    checkFinite('sigma', sigma);
    const n = times.length - 1;
    if (!(times instanceof Float64Array) || n < 1 || times[0] !== 0) throw InvalidInputError.outOfRange('times', times?.length, 'a Float64Array from 0 of length ≥ 2');
    for (let i = 0; i < n; i++) {
      if (!((times[i + 1] as number) > (times[i] as number))) throw InvalidInputError.outOfRange(`times[${i + 1}]`, times[i + 1], `(${times[i]}, ∞)`);
    }
    this.times = times;
    const halfWidths = new Int32Array(n + 1);
    const dx = new Float64Array(n + 1);
    const offsets = new Int32Array(n + 1);
    // Widths first: J_{i+1} from the branching of step i.
    const decay = new Float64Array(n);
    const jCap = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const dt = (times[i + 1] as number) - (times[i] as number);
      const m = -Math.expm1(-a * dt);
      decay[i] = 1 - m;
      const variance = sigma * sigma * (a * dt < 1e-14 ? dt : -Math.expm1(-2 * a * dt) / (2 * a));
      dx[i + 1] = Math.sqrt(3 * variance);
      // no edge without mean reversion (Ho–Lee limit)
      jCap[i] = m > 0 ? Math.ceil(0.184 / m) : Infinity;
    }
    // Middle branch of node j at step i (see the class remarks); symmetric in j.
    const middleOf = (i: number, j: number): number => {
      const mu = (j * (dx[i] as number) * (decay[i] as number)) / (dx[i + 1] as number);
      const sign = mu < 0 ? -1 : 1;
      let k = sign * Math.floor(Math.abs(mu) + 0.5);
      const cap = Math.max((jCap[i] as number) - 1, 0);
      if (Math.abs(k) > cap && Math.abs(mu - sign * cap) <= MAX_ETA) k = sign * cap;
      return k;
    };
    let total = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = total;
      const J = halfWidths[i] as number;
      total += 2 * J + 1;
      halfWidths[i + 1] = middleOf(i, J) + 1;
    }
    offsets[n] = total;
    const middle = new Int32Array(total);
    const pu = new Float64Array(total);
    const pm = new Float64Array(total);
    const pd = new Float64Array(total);
    const disc = new Float64Array(total);
    const alpha = new Float64Array(n);
    let q = new Float64Array(1);
    q[0] = 1;
    let w = new Float64Array(1);
    for (let i = 0; i < n; i++) {
      const J = halfWidths[i] as number;
      const Jn = halfWidths[i + 1] as number;
      const dt = (times[i + 1] as number) - (times[i] as number);
      const off = offsets[i] as number;
      const dxi = dx[i] as number;
      const target = discount(times[i + 1] as number);
      if (!(target > 0) || !Number.isFinite(target)) throw InvalidInputError.outOfRange(`discount(${times[i + 1]})`, target, '(0, ∞)');
      // w_j = e^{−jΔx_iΔt_i}, by powers from the centre outwards
      if (w.length < 2 * J + 1) w = new Float64Array(2 * J + 1);
      const step = Math.exp(-dxi * dt);
      const inv = 1 / step;
      w[J] = 1;
      for (let j = 1; j <= J; j++) {
        w[J + j] = (w[J + j - 1] as number) * step;
        w[J - j] = (w[J - j + 1] as number) * inv;
      }
      let sum = 0;
      for (let jj = 0; jj <= 2 * J; jj++) sum += (q[jj] as number) * (w[jj] as number);
      const al = Math.log(sum / target) / dt;
      alpha[i] = al;
      const da = Math.exp(-al * dt);
      const next = new Float64Array(2 * Jn + 1);
      const ratio = (dxi * (decay[i] as number)) / (dx[i + 1] as number);
      const cap = Math.max((jCap[i] as number) - 1, 0);
      for (let jj = 0; jj <= 2 * J; jj++) {
        const j = jj - J;
        const mu = j * ratio;
        const sign = mu < 0 ? -1 : 1;
        let k = sign * Math.floor(Math.abs(mu) + 0.5);
        if (Math.abs(k) > cap && Math.abs(mu - sign * cap) <= MAX_ETA) k = sign * cap;
        const eta = mu - k;
        const node = off + jj;
        const e2 = eta * eta;
        const u = 1 / 6 + (e2 + eta) / 2;
        const d = 1 / 6 + (e2 - eta) / 2;
        const mid = 2 / 3 - e2;
        const kk = k + Jn;
        middle[node] = kk;
        pu[node] = u;
        pm[node] = mid;
        pd[node] = d;
        const df = da * (w[jj] as number);
        disc[node] = df;
        const qd = (q[jj] as number) * df;
        next[kk + 1] = (next[kk + 1] as number) + qd * u;
        next[kk] = (next[kk] as number) + qd * mid;
        next[kk - 1] = (next[kk - 1] as number) + qd * d;
      }
      q = next;
    }
    this.halfWidths = halfWidths;
    this.dx = dx;
    this.offsets = offsets;
    this.middle = middle;
    this.pu = pu;
    this.pm = pm;
    this.pd = pd;
    this.disc = disc;
    this.alpha = alpha;
    this.lastStatePrices = q;
  }

  /** Number of steps N. */
  get steps(): number {
    return this.times.length - 1;
  }

  /** Number of nodes 2J_i + 1 at t_i. */
  size(i: number): number {
    return 2 * (this.halfWidths[i] as number) + 1;
  }

  /** x on node j (index jj = j + J_i) at t_i. */
  state(i: number, jj: number): number {
    return (jj - (this.halfWidths[i] as number)) * (this.dx[i] as number);
  }

  /**
   * The three branch probabilities (up, middle, down) and the middle branch's index at t_{i+1}
   * of node jj at t_i.
   */
  branch(i: number, jj: number): { readonly pu: number; readonly pm: number; readonly pd: number; readonly middle: number } {
    const node = (this.offsets[i] as number) + jj;
    return { pu: this.pu[node] as number, pm: this.pm[node] as number, pd: this.pd[node] as number, middle: this.middle[node] as number };
  }

  /**
   * One step of backward induction: values at t_i from values at t_{i+1},
   * V_{i,j} = e^{−r_{i,j}Δt_i}(p_u V_{i+1,k+1} + p_m V_{i+1,k} + p_d V_{i+1,k−1}).
   * @param i - step, 0 ≤ i < N.
   * @param next - values at t_{i+1}, length ≥ size(i + 1).
   * @param out - receives the values at t_i, length ≥ size(i); must not alias `next`.
   */
  stepBack(i: number, next: Float64Array, out: Float64Array): void {
    const off = this.offsets[i] as number;
    const count = 2 * (this.halfWidths[i] as number) + 1;
    const { middle, pu, pm, pd, disc } = this;
    for (let jj = 0; jj < count; jj++) {
      const node = off + jj;
      const k = middle[node] as number;
      out[jj] = (disc[node] as number) * ((pu[node] as number) * (next[k + 1] as number) + (pm[node] as number) * (next[k] as number) + (pd[node] as number) * (next[k - 1] as number));
    }
  }
}
