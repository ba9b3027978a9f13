import { brennanSchwartz } from './brennanSchwartz.js';
import { psor } from './psor.js';
import { solveTridiagonal } from './solveTridiagonal.js';
import { interpolateLinearInSpot } from './_lib/interpolateLinearInSpot.js';

/**
 * Time-stepping scheme: θ = ½ (Crank–Nicolson; QuantLib's Douglas scheme in one dimension) or
 * θ = 1 (implicit Euler).
 * @public
 */
export type FdScheme = 'CrankNicolson' | 'ImplicitEuler';

/**
 * How the early-exercise constraint is imposed at each implicit step: the Brennan–Schwartz
 * direct LCP solver (one exercise interval at an end of the grid: vanilla puts and calls) or
 * projected SOR (any shape).
 * @public
 */
export type FdEarlyExercise = 'BrennanSchwartz' | 'PSOR';

/**
 * Black–Scholes coefficients over one time step [t1, t2], each an average over the step.
 * @public
 */
export interface FdStepCoefficients {
  /** Risk-free rate r, continuous, per year. */
  readonly r: number;
  /** Dividend yield q, continuous, per year. */
  readonly q: number;
  /** Variance rate σ² (per year). */
  readonly variance: number;
}

/**
 * A backward Black–Scholes problem on a log-spot grid, for {@link FdBlackScholesSolver}.
 * @public
 */
export interface FdBlackScholesProblem {
  /** Log-spot nodes x_i = ln S_i, increasing, length ≥ 4. */
  readonly x: Float64Array;
  /** Values at maturity on the nodes. */
  readonly terminal: Float64Array;
  /** Maturity T in years (> 0); the solver returns values at t = 0. */
  readonly maturity: number;
  /** Number of time steps over [0, T] (distributed over the segments between stopping times). */
  readonly timeSteps: number;
  /** Implicit-Euler half-steps at the start of the rollback and after each dividend (even). */
  readonly dampingSteps: number;
  /** Time-stepping scheme. */
  readonly scheme: FdScheme;
  /** Coefficients over [t1, t2] (years from today). */
  readonly coefficients: (t1: number, t2: number) => FdStepCoefficients;
  /**
   * State- and time-dependent variance rate σ²(t, S_i) (per year) for the step [t1, t2] at every
   * node (a local vol), written into `out` (length `x.length`, each finite and ≥ 0). When given it
   * replaces `coefficients(t1, t2).variance` in the operator; absent: the spatially constant one.
   */
  readonly localVariance?: (t1: number, t2: number, out: Float64Array) => void;
  /** Dirichlet value at the lowest node (a barrier's rebate); absent: V_SS = 0 far field. */
  readonly lowerValue?: number;
  /** Dirichlet value at the highest node; absent: V_SS = 0 far field. */
  readonly upperValue?: number;
  /** American exercise: values never fall below `obstacle` for t ≥ `from`. */
  readonly american?: { readonly obstacle: Float64Array; readonly from: number; readonly method: FdEarlyExercise; readonly exerciseAtLow: boolean };
  /** Bermudan exercise: at these times (in (0, T]) values are floored by `obstacle`. */
  readonly bermudan?: { readonly obstacle: Float64Array; readonly times: readonly number[] };
  /** Cash dividends (ex-dividend time in years, amount): V(S, t⁻) = V(S − D, t⁺). */
  readonly dividends?: ReadonlyArray<{ readonly time: number; readonly amount: number }>;
}

/**
 * The values at t = 0, and at the first grid time after 0 (for theta).
 * @public
 */
export interface FdBlackScholesSolution {
  readonly values: Float64Array;
  readonly valuesAtFirstStep: Float64Array;
  readonly firstStepTime: number;
}

/**
 * θ-scheme solver for the Black–Scholes PDE in x = ln S on a non-uniform grid, with Rannacher
 * damping, early exercise as a linear complementarity problem, and discrete cash dividends.
 *
 * @remarks
 * Backward in time τ = T − t: V_τ = ½σ²V_xx + (r − q − ½σ²)V_x − rV, discretised with the
 * three-point non-uniform formulas for V_x and V_xx (second order when neighbouring spacings
 * differ by O(h²), as in `concentratedGrid`). Each step solves (I − θΔτL)Vⁿ⁺¹ = (I + (1 − θ)ΔτL)Vⁿ.
 * Far-field rows use V_SS = 0, i.e. V_τ = (r − q)S V_S − rV with a one-sided V_S (exact for
 * V linear in S, which is what vanillas become far from the strike); a Dirichlet value replaces
 * the row at a barrier. Rannacher start-up: the first ⌈d/2⌉ steps after maturity (and after each
 * dividend) are taken as d implicit-Euler half-steps, which damps the payoff kink's
 * high-frequency error that Crank–Nicolson would carry. American exercise solves the LCP at
 * each implicit stage (Brennan–Schwartz or PSOR), so the constraint holds at every step
 * without the first-order splitting error of explicit projection. Stopping times (dividend
 * dates, Bermudan dates, the American start date) are grid times; the steps are distributed
 * over the segments between them in proportion to their length. With `localVariance`, σ² is
 * σ²(t, S_i) per node and per step (a local vol, Dupire 1994), the same three-point formulas
 * with node-wise coefficients.
 *
 * Source: Crank & Nicolson (1947); Rannacher (1984), "Finite element solution of diffusion
 * problems with irregular data", Numer. Math. 43, 309–327; Giles & Carter (2006), "Convergence
 * analysis of Crank–Nicolson and Rannacher time-marching", J. Comp. Finance 9(4); Brennan &
 * Schwartz (1977); Wilmott, Howison & Dewynne (1995), ch. 8–9.
 * Checked against: through `FdBlackScholesVanillaEngine` / `FdBlackScholesBarrierEngine`
 * (analytic European at measured second order, QuantLib American and barrier references).
 *
 * @public
 */
export class FdBlackScholesSolver {
  /** @param problem - the grid, terminal values, time grid and conditions (not copied; not mutated). */
  constructor(readonly problem: FdBlackScholesProblem) {}

  /** Rolls the terminal values back to t = 0. */
  solve(): FdBlackScholesSolution {
    const p = this.problem;
    const x = p.x;
    const n = x.length;
    const spots = x.map(Math.exp);
    const T = p.maturity;
    // Geometry of the three-point formulas.
    const d1 = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
    const d2 = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
    for (let i = 1; i < n - 1; i++) {
      const hm = x[i]! - x[i - 1]!;
      const hp = x[i + 1]! - x[i]!;
      d1[0][i] = -hp / (hm * (hm + hp));
      d1[1][i] = (hp - hm) / (hm * hp);
      d1[2][i] = hm / (hp * (hm + hp));
      d2[0][i] = 2 / (hm * (hm + hp));
      d2[1][i] = -2 / (hm * hp);
      d2[2][i] = 2 / (hp * (hm + hp));
    }
    const kLow = spots[0]! / (spots[1]! - spots[0]!);
    const kHigh = spots[n - 1]! / (spots[n - 1]! - spots[n - 2]!);

    const la = new Float64Array(n);
    const lb = new Float64Array(n);
    const lc = new Float64Array(n);
    const lower = new Float64Array(n);
    const diag = new Float64Array(n);
    const upper = new Float64Array(n);
    const rhs = new Float64Array(n);
    const work: [Float64Array, Float64Array] = [new Float64Array(n), new Float64Array(n)];
    let v = Float64Array.from(p.terminal);
    let next = new Float64Array(n);

    const nodeVariance = p.localVariance !== undefined ? new Float64Array(n) : undefined;
    const buildOperator = (c: FdStepCoefficients, t1: number, t2: number): void => {
      if (nodeVariance !== undefined) {
        p.localVariance!(t1, t2, nodeVariance);
        for (let i = 1; i < n - 1; i++) {
          const variance = nodeVariance[i]!;
          const mu = c.r - c.q - 0.5 * variance;
          const hv = 0.5 * variance;
          la[i] = hv * d2[0][i]! + mu * d1[0][i]!;
          lb[i] = hv * d2[1][i]! + mu * d1[1][i]! - c.r;
          lc[i] = hv * d2[2][i]! + mu * d1[2][i]!;
        }
      } else {
        const mu = c.r - c.q - 0.5 * c.variance;
        const hv = 0.5 * c.variance;
        for (let i = 1; i < n - 1; i++) {
          la[i] = hv * d2[0][i]! + mu * d1[0][i]!;
          lb[i] = hv * d2[1][i]! + mu * d1[1][i]! - c.r;
          lc[i] = hv * d2[2][i]! + mu * d1[2][i]!;
        }
      }
      const drift = c.r - c.q;
      la[0] = 0;
      lb[0] = -drift * kLow - c.r;
      lc[0] = drift * kLow;
      la[n - 1] = -drift * kHigh;
      lb[n - 1] = drift * kHigh - c.r;
      lc[n - 1] = 0;
    };

    const step = (tLow: number, dt: number, theta: number): void => {
      const e = (1 - theta) * dt;
      for (let i = 0; i < n; i++) {
        const left = i > 0 ? v[i - 1]! : 0;
        const right = i < n - 1 ? v[i + 1]! : 0;
        rhs[i] = v[i]! + e * (la[i]! * left + lb[i]! * v[i]! + lc[i]! * right);
        lower[i] = -theta * dt * la[i]!;
        diag[i] = 1 - theta * dt * lb[i]!;
        upper[i] = -theta * dt * lc[i]!;
      }
      if (p.lowerValue !== undefined) {
        diag[0] = 1;
        upper[0] = 0;
        rhs[0] = p.lowerValue;
      }
      if (p.upperValue !== undefined) {
        diag[n - 1] = 1;
        lower[n - 1] = 0;
        rhs[n - 1] = p.upperValue;
      }
      const am = p.american;
      if (am !== undefined && tLow >= am.from - 1e-12) {
        if (am.method === 'PSOR') {
          next.set(v);
          psor(lower, diag, upper, rhs, am.obstacle, next);
        } else brennanSchwartz(lower, diag, upper, rhs, am.obstacle, am.exerciseAtLow, next, work);
      } else solveTridiagonal(lower, diag, upper, rhs, next, work[0]);
      [v, next] = [next, v];
    };

    // Stopping times and segments.
    const inside = (t: number) => t > 1e-12 && t < T - 1e-12;
    const dividendTimes = new Map<number, number>();
    for (const d of p.dividends ?? []) if (inside(d.time)) dividendTimes.set(d.time, (dividendTimes.get(d.time) ?? 0) + d.amount);
    const bermudanTimes = new Set((p.bermudan?.times ?? []).filter(inside));
    const stops = new Set<number>([0, T, ...dividendTimes.keys(), ...bermudanTimes]);
    if (p.american !== undefined && inside(p.american.from)) stops.add(p.american.from);
    const times = [...stops].sort((a, b) => a - b);

    const theta = p.scheme === 'ImplicitEuler' ? 1 : 0.5;
    const dampedSteps = Math.ceil(p.dampingSteps / 2);
    let valuesAtFirstStep = v;
    let firstStepTime = T;
    let damp = true;
    for (let s = times.length - 1; s > 0; s--) {
      const tHi = times[s]!;
      const tLo = times[s - 1]!;
      const m = Math.max(1, Math.round(((tHi - tLo) / T) * p.timeSteps));
      const dt = (tHi - tLo) / m;
      for (let k = 0; k < m; k++) {
        const t2 = tHi - k * dt;
        const t1 = k === m - 1 ? tLo : t2 - dt;
        if (t1 === 0) {
          valuesAtFirstStep = Float64Array.from(v);
          firstStepTime = t2;
        }
        buildOperator(p.coefficients(t1, t2), t1, t2);
        if (damp && k < dampedSteps && theta !== 1) {
          step(t1 + 0.5 * (t2 - t1), 0.5 * (t2 - t1), 1);
          step(t1, 0.5 * (t2 - t1), 1);
        } else step(t1, t2 - t1, theta);
      }
      damp = false;
      const dividend = dividendTimes.get(tLo);
      if (dividend !== undefined) {
        const jumped = new Float64Array(n);
        for (let i = 0; i < n; i++) jumped[i] = interpolateLinearInSpot(spots, v, spots[i]! - dividend);
        v = jumped;
        if (p.lowerValue !== undefined) v[0] = p.lowerValue;
        if (p.upperValue !== undefined) v[n - 1] = p.upperValue;
        if (p.american !== undefined && tLo >= p.american.from - 1e-12) floorBy(v, p.american.obstacle);
        damp = true;
      }
      if (bermudanTimes.has(tLo)) floorBy(v, p.bermudan!.obstacle);
    }
    if (p.bermudan !== undefined && p.bermudan.times.some((t) => Math.abs(t) <= 1e-12)) floorBy(v, p.bermudan.obstacle);
    return { values: v, valuesAtFirstStep, firstStepTime };
  }
}

function floorBy(v: Float64Array, floor: Float64Array): void {
  for (let i = 0; i < v.length; i++) v[i] = Math.max(v[i]!, floor[i]!);
}
