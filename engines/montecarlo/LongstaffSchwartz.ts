import { InvalidInputError } from '../../src/errors.js';

/**
 * What {@link LongstaffSchwartz} needs to know about the option and the exercise grid.
 * @public
 */
export interface LongstaffSchwartzSpec {
  /** Strike K > 0 of the put or call exercised. */
  readonly strike: number;
  /** +1 call, −1 put: exercise value max(ω(S − K), 0). */
  readonly optionType: 1 | -1;
  /** Risk-free discount factors D(t_j) from today to each exercise time t_1 < … < t_n (the path columns); each in (0, ∞). */
  readonly discounts: Float64Array;
  /** Degree of the polynomial basis 1, u, …, u^d in u = S/K; integer in [1, 6]. Default 3. */
  readonly basisOrder?: number;
  /**
   * Optional known lower bound of the continuation value at exercise time index j and spot s,
   * in money at t_j (e.g. the European value to expiry): a path is never exercised where the
   * exercise value is below it.
   */
  readonly continuationLowerBound?: (j: number, s: number) => number;
}

/**
 * Longstaff–Schwartz least-squares Monte Carlo for early exercise: a regression of discounted
 * future cash flows on a polynomial basis of the spot, over in-the-money paths, estimates the
 * continuation value at each exercise time.
 *
 * @remarks
 * `calibrate` runs the backward induction of Longstaff & Schwartz (2001, §1–2) on calibration
 * paths and keeps the regression coefficients β_j; `pathValues` then applies the resulting
 * exercise rule (exercise at the first t_j where the path is in the money and the exercise value
 * exceeds φ(S)·β_j) to independent pricing paths, giving each path's discounted cash flow. Using
 * separate paths makes the estimate a low-biased price of an admissible exercise policy (no
 * foresight bias), with an honest standard error. Least squares by the normal equations
 * (Gaussian elimination with partial pivoting); an optional known lower bound of the
 * continuation value (the European value) vetoes exercise below it; a step with fewer in-the-money paths than basis
 * functions, or a singular system, is never exercised.
 * Source: F. A. Longstaff, E. S. Schwartz (2001), "Valuing American options by simulation: a
 * simple least-squares approach", Review of Financial Studies 14(1), 113–147; P. Glasserman
 * (2004), §8.6.
 * Checked against: QuantLib 1.29 `american` (QdFp high-precision values) through
 * McAmericanEngine, and the European value as a lower bound
 * (test/engines/blackscholes/McAmericanEngine.test.ts, test/engines/montecarlo/LongstaffSchwartz.test.ts).
 *
 * @public
 */
export class LongstaffSchwartz {
  private readonly order: number;
  private beta: Array<Float64Array | undefined> = [];

  /**
   * @param spec - strike, option type, discount factors per exercise time, basis order.
   * @throws InvalidInputError when a field is out of range (named).
   */
  constructor(readonly spec: LongstaffSchwartzSpec) {
    if (!(spec.strike > 0 && Number.isFinite(spec.strike))) throw InvalidInputError.outOfRange('strike', spec.strike, '(0, ∞)');
    if (spec.optionType !== 1 && spec.optionType !== -1) throw InvalidInputError.outOfRange('optionType', spec.optionType, '{1, -1}');
    if (spec.discounts.length < 1) throw InvalidInputError.outOfRange('discounts.length', spec.discounts.length, '[1, ∞)');
    spec.discounts.forEach((d, j) => {
      if (!(d > 0 && Number.isFinite(d))) throw InvalidInputError.outOfRange(`discounts[${j}]`, d, '(0, ∞)');
    });
    const order = spec.basisOrder ?? 3;
    if (!Number.isInteger(order) || order < 1 || order > 6) throw InvalidInputError.outOfRange('basisOrder', order, 'integers in [1, 6]');
    this.order = order;
  }

  /** The regression coefficients per exercise time (undefined where never exercised); after `calibrate`. */
  coefficients(): ReadonlyArray<Float64Array | undefined> {
    return this.beta;
  }

  /**
   * Backward induction on calibration paths.
   * @param paths - row-major `Float64Array` of nPaths × n spots, n = discounts.length (S at t_1 … t_n).
   * @param nPaths - number of rows; integer ≥ 1.
   * @throws InvalidInputError when the shape disagrees.
   */
  calibrate(paths: Float64Array, nPaths: number): void {
    const n = this.checkShape(paths, nPaths);
    const { strike: K, optionType: w, discounts: D } = this.spec;
    const p = this.order + 1;
    // cash[i]: the path's cash flow discounted to today under the rule built so far.
    const cash = new Float64Array(nPaths);
    for (let i = 0; i < nPaths; i++) cash[i] = Math.max(w * (paths[i * n + n - 1]! - K), 0) * D[n - 1]!;
    this.beta = new Array<Float64Array | undefined>(n).fill(undefined);
    const G = new Float64Array(p * p);
    const h = new Float64Array(p);
    const phi = new Float64Array(p);
    for (let j = n - 2; j >= 0; j--) {
      G.fill(0);
      h.fill(0);
      let itm = 0;
      for (let i = 0; i < nPaths; i++) {
        const s = paths[i * n + j]!;
        if (w * (s - K) <= 0) continue;
        itm++;
        this.basis(s / K, phi);
        const y = cash[i]! / D[j]!;
        for (let a = 0; a < p; a++) {
          h[a] = h[a]! + phi[a]! * y;
          for (let b = 0; b <= a; b++) G[a * p + b] = G[a * p + b]! + phi[a]! * phi[b]!;
        }
      }
      if (itm < 2 * p) continue;
      for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) G[a * p + b] = G[b * p + a]!;
      const beta = solve(G, h, p);
      if (beta === undefined) continue;
      this.beta[j] = beta;
      for (let i = 0; i < nPaths; i++) {
        const s = paths[i * n + j]!;
        const ex = w * (s - K);
        if (ex <= 0) continue;
        if (this.exercise(j, s, ex, beta, phi)) cash[i] = ex * D[j]!;
      }
    }
  }

  /**
   * Discounted cash flow of each path under the calibrated exercise rule.
   * @param paths - row-major `Float64Array` of nPaths × n spots.
   * @param nPaths - number of rows.
   * @param out - optional `Float64Array` of length ≥ nPaths.
   * @returns cash flows discounted to today (price units), length nPaths.
   * @throws InvalidInputError when the shape disagrees.
   */
  pathValues(paths: Float64Array, nPaths: number, out = new Float64Array(nPaths)): Float64Array {
    const n = this.checkShape(paths, nPaths);
    const { strike: K, optionType: w, discounts: D } = this.spec;
    const phi = new Float64Array(this.order + 1);
    for (let i = 0; i < nPaths; i++) {
      let v = Math.max(w * (paths[i * n + n - 1]! - K), 0) * D[n - 1]!;
      for (let j = 0; j < n - 1; j++) {
        const beta = this.beta[j];
        if (beta === undefined) continue;
        const s = paths[i * n + j]!;
        const ex = w * (s - K);
        if (ex > 0 && this.exercise(j, s, ex, beta, phi)) {
          v = ex * D[j]!;
          break;
        }
      }
      out[i] = v;
    }
    return out;
  }

  private exercise(j: number, s: number, ex: number, beta: Float64Array, phi: Float64Array): boolean {
    if (!(ex > this.continuation(beta, s / this.spec.strike, phi))) return false;
    const lb = this.spec.continuationLowerBound;
    return lb === undefined || ex > lb(j, s);
  }

  private basis(u: number, phi: Float64Array): void {
    let x = 1;
    for (let a = 0; a <= this.order; a++) {
      phi[a] = x;
      x *= u;
    }
  }

  private continuation(beta: Float64Array, u: number, phi: Float64Array): number {
    this.basis(u, phi);
    let c = 0;
    for (let a = 0; a < phi.length; a++) c += beta[a]! * phi[a]!;
    return c;
  }

  private checkShape(paths: Float64Array, nPaths: number): number {
    const n = this.spec.discounts.length;
    if (!Number.isInteger(nPaths) || nPaths < 1) throw InvalidInputError.outOfRange('nPaths', nPaths, 'integers ≥ 1');
    if (paths.length < nPaths * n) throw InvalidInputError.outOfRange('paths.length', paths.length, `[${nPaths * n}, ∞) (nPaths × discounts.length)`);
    return n;
  }
}

/** Solves G x = h (p × p, row-major) by Gaussian elimination with partial pivoting; undefined if singular. */
function solve(G: Float64Array, h: Float64Array, p: number): Float64Array | undefined {
  const A = Float64Array.from(G);
  const x = Float64Array.from(h);
  let scale = 0;
  for (let i = 0; i < p; i++) scale = Math.max(scale, Math.abs(A[i * p + i]!));
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r * p + c]!) > Math.abs(A[piv * p + c]!)) piv = r;
    if (!(Math.abs(A[piv * p + c]!) > 1e-13 * scale)) return undefined;
    if (piv !== c) {
      for (let k = 0; k < p; k++) {
        const t = A[c * p + k]!;
        A[c * p + k] = A[piv * p + k]!;
        A[piv * p + k] = t;
      }
      const t = x[c]!;
      x[c] = x[piv]!;
      x[piv] = t;
    }
    for (let r = c + 1; r < p; r++) {
      const f = A[r * p + c]! / A[c * p + c]!;
      for (let k = c; k < p; k++) A[r * p + k] = A[r * p + k]! - f * A[c * p + k]!;
      x[r] = x[r]! - f * x[c]!;
    }
  }
  for (let r = p - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let k = r + 1; k < p; k++) s -= A[r * p + k]! * x[k]!;
    x[r] = s / A[r * p + r]!;
  }
  return x;
}
