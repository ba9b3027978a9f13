import { InvalidInputError } from '../../errors.js';
import { solveLinearSystem } from './_lib/solveLinearSystem.js';

/**
 * Options of {@link levenbergMarquardt}.
 * @internal
 */
export interface LevenbergMarquardtOptions {
  /** Number of residuals m ≥ 1. */
  readonly residualCount: number;
  /** Lower bounds per parameter (steps are projected onto the box); length n; default −∞. */
  readonly lower?: ArrayLike<number>;
  /** Upper bounds per parameter; length n; default +∞. */
  readonly upper?: ArrayLike<number>;
  /** Scale per parameter for the finite-difference step h_j = 1e-7·max(|x_j|, scale_j); default 1. */
  readonly scales?: ArrayLike<number>;
  /** Largest number of iterations (accepted or rejected steps); default 200. */
  readonly maxIterations?: number;
  /** Stop when an accepted step lowers the cost by less than `tolerance` relative; default 1e-12. */
  readonly tolerance?: number;
  /**
   * Feasibility test of a trial point: a step to a point it refuses is rejected like a step that
   * raises the cost (so a feasible start stays feasible); default: every point is accepted.
   */
  readonly feasible?: (x: Float64Array) => boolean;
  /**
   * The Jacobian ∂r_i/∂x_j at x, written row-major into `out` (length m·n); default: forward
   * differences of `residuals`.
   */
  readonly jacobian?: (x: Float64Array, out: Float64Array) => void;
}

/**
 * Result of {@link levenbergMarquardt}.
 * @internal
 */
export interface LevenbergMarquardtResult {
  /** The parameters at the end; length n. */
  readonly x: Float64Array;
  /** ½‖r(x)‖². */
  readonly cost: number;
  /** Iterations used. */
  readonly iterations: number;
}

/**
 * Minimises ½‖r(x)‖² over a box by Levenberg–Marquardt with a forward-difference Jacobian.
 *
 * @remarks
 * Each iteration solves (JᵀJ + λ·diag(JᵀJ))·δ = −Jᵀr (Marquardt's scaling) over the parameters
 * not held by an active bound (on the bound with the descent direction pointing out), projects x + δ onto
 * the box, and accepts the step when the cost falls (λ ÷ 2) and the point passes the optional
 * feasibility test, or rejects it (λ × 4). Non-finite
 * residuals count as an infinite cost. The Jacobian is by forward differences (n + 1 residual
 * evaluations per accepted step).
 *
 * Source: K. Levenberg (1944), Q. Appl. Math. 2, 164–168; D. W. Marquardt (1963), J. SIAM 11(2),
 * 431–441; J. Nocedal, S. J. Wright (2006), Numerical Optimization, 2nd ed., §10.3.
 * Checked against: the Rosenbrock residuals' minimum (1, 1) and an exponential fit with known
 * parameters (test/math/optimization.test.ts).
 *
 * @param residuals - writes the m residuals at x into `out` (length m); must not keep either array.
 * @param x0 - the starting point; length n ≥ 1, inside the box.
 * @param options - residual count, bounds, scales, budget, tolerance.
 * @returns the final point, its cost and the iteration count.
 * @throws InvalidInputError when `residualCount` is not a positive integer or bounds' lengths disagree.
 * @internal
 */
export function levenbergMarquardt(
  residuals: (x: Float64Array, out: Float64Array) => void,
  x0: ArrayLike<number>,
  options: LevenbergMarquardtOptions,
): LevenbergMarquardtResult {
  const n = x0.length;
  const m = options.residualCount;
  if (!Number.isInteger(m) || m < 1) throw InvalidInputError.outOfRange('options.residualCount', m, 'integers in [1, ∞)');
  const lower = options.lower ?? new Float64Array(n).fill(-Infinity);
  const upper = options.upper ?? new Float64Array(n).fill(Infinity);
  if (lower.length !== n || upper.length !== n) throw InvalidInputError.outOfRange('options.lower.length', lower.length, `{${n}}`);
  const scales = options.scales ?? new Float64Array(n).fill(1);
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-12;
  const project = (x: Float64Array): Float64Array => {
    for (let j = 0; j < n; j++) x[j] = Math.min(Math.max(x[j] as number, lower[j] as number), upper[j] as number);
    return x;
  };
  const costOf = (r: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < m; i++) s += (r[i] as number) * (r[i] as number);
    return Number.isFinite(s) ? 0.5 * s : Infinity;
  };
  let x = project(Float64Array.from(x0));
  let r = new Float64Array(m);
  residuals(x, r);
  let cost = costOf(r);
  const jac = new Float64Array(m * n);
  const trial = new Float64Array(m);
  const rPlus = new Float64Array(m);
  let lambda = 1e-3;
  let iterations = 0;
  let needJacobian = true;
  while (iterations < maxIterations && Number.isFinite(cost)) {
    iterations++;
    if (needJacobian && options.jacobian !== undefined) {
      options.jacobian(x, jac);
      needJacobian = false;
    } else if (needJacobian) {
      for (let j = 0; j < n; j++) {
        const xj = x[j] as number;
        let h = 1e-7 * Math.max(Math.abs(xj), scales[j] as number);
        if (xj + h > (upper[j] as number)) h = -h;
        x[j] = xj + h;
        residuals(x, rPlus);
        x[j] = xj;
        for (let i = 0; i < m; i++) jac[i * n + j] = ((rPlus[i] as number) - (r[i] as number)) / h;
      }
      needJacobian = false;
    }
    const jtj = new Float64Array(n * n);
    const jtr = new Float64Array(n);
    for (let i = 0; i < m; i++) {
      const ri = r[i] as number;
      for (let p = 0; p < n; p++) {
        const jp = jac[i * n + p] as number;
        if (jp === 0) continue;
        jtr[p] = (jtr[p] as number) + jp * ri;
        for (let q = 0; q < n; q++) jtj[p * n + q] = (jtj[p * n + q] as number) + jp * (jac[i * n + q] as number);
      }
    }
    const lhs = Float64Array.from(jtj);
    // Marquardt's scaling with a floor relative to the largest diagonal: a parameter the residuals do
    // not see (a zero column) then gets a zero step instead of making the system numerically singular.
    let maxDiag = 0;
    for (let p = 0; p < n; p++) maxDiag = Math.max(maxDiag, jtj[p * n + p] as number);
    const floor = Math.max(1e-10 * maxDiag, 1e-300);
    for (let p = 0; p < n; p++) lhs[p * n + p] = (lhs[p * n + p] as number) + lambda * Math.max(jtj[p * n + p] as number, floor);
    // Active bounds: a parameter on its bound whose descent direction leaves the box is frozen for
    // this step (solved in the free subspace), so the projection cannot turn the step uphill.
    const rhs = jtr.map((v) => -v);
    for (let p = 0; p < n; p++) {
      const g = jtr[p] as number;
      const xp = x[p] as number;
      if ((xp <= (lower[p] as number) && g > 0) || (xp >= (upper[p] as number) && g < 0)) {
        for (let q = 0; q < n; q++) {
          lhs[p * n + q] = 0;
          lhs[q * n + p] = 0;
        }
        lhs[p * n + p] = 1;
        rhs[p] = 0;
      }
    }
    const step = solveLinearSystem(lhs, rhs);
    if (step === undefined) {
      lambda *= 4;
      if (lambda > 1e16) break;
      continue;
    }
    const xNew = new Float64Array(n);
    for (let j = 0; j < n; j++) xNew[j] = (x[j] as number) + (step[j] as number);
    project(xNew);
    residuals(xNew, trial);
    const newCost = costOf(trial);
    if (newCost < cost && (options.feasible === undefined || options.feasible(xNew))) {
      const drop = (cost - newCost) / Math.max(cost, 1e-300);
      x = xNew;
      r = Float64Array.from(trial);
      cost = newCost;
      lambda = Math.max(lambda / 2, 1e-12);
      needJacobian = true;
      if (drop < tolerance) break;
    } else {
      lambda *= 4;
      if (lambda > 1e16) break;
    }
  }
  return { x, cost, iterations };
}
