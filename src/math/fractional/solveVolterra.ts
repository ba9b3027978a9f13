import { InvalidInputError, QuantflowError } from '../../errors.js';
import { philoxPathNormals } from '../../kernels/montecarlo.reference.js';
import { Complex } from '../complex/Complex.js';
import { reciprocalGamma } from '../special/mittagLeffler.js';
import { adamsWeights } from './adamsWeights.js';

/**
 * A fractional (Volterra) equation D^α x = drift(t, x) (+ σ·ξ, white noise), x(0) = x0, Caputo.
 * @public
 */
export interface VolterraProblem<X extends number | Complex> {
  /** The order α ∈ (0, 1]; with noise, α ∈ (½, 1] (the kernel must be square integrable). */
  readonly alpha: number;
  /** Initial value x(0): a number (real problem) or a {@link Complex}. */
  readonly x0: X;
  /** The right-hand side at time t (years or the caller's unit) and state x; must return the same kind as x0. */
  readonly drift: (t: number, x: X) => X;
  /** Horizon T > 0. */
  readonly horizon: number;
  /** Uniform steps n ≥ 1. */
  readonly steps: number;
  /** Noise σ ≥ 0 on the real part (default 0: deterministic, one path). */
  readonly sigma?: number;
  /** Paths with noise, ≥ 1 (default 1000). */
  readonly paths?: number;
  /** Seed of the Philox normals with noise (default 1). */
  readonly seed?: number;
}

/**
 * The solution of `solveVolterra`: paths × (n + 1) values, path-major.
 * @public
 */
export interface VolterraSolution {
  /** t_k = k·T/n, length n + 1. */
  readonly grid: Float64Array;
  /** Re x of path p at t_k at index p·(n+1) + k. */
  readonly re: Float64Array;
  /** Im x, same layout (zeros for a real problem). */
  readonly im: Float64Array;
}

/**
 * Solves D^α x = drift(t, x) + σξ(t) (Caputo, ξ white noise), x(0) = x0, on a uniform grid by the
 * fractional Adams predictor–corrector, for real or complex x, with optional additive noise.
 *
 * @remarks
 * x(t) = x0 + I^α drift(·, x)(t) + σ·I^α ξ(t), with I^α ξ(t) = (1/Γ(α))∫₀ᵗ (t − s)^{α−1} dW_s. The
 * drift part is Diethelm, Ford & Freed's (2002) PECE scheme ({@link adamsWeights}). The noise part
 * adds Σ_j v_{r,j} Z_j at t_r, Z_j standard normal (one per interval, Philox-4×32 + AS241, the
 * library's Monte Carlo stream) and v_{r,j} = √(∫_{t_j}^{t_{j+1}} (t_r − s)^{2α−2} ds)/Γ(α), so the
 * variance of the noise term at every grid point is exact: σ² t^{2α−1}/((2α − 1)Γ(α)²). The
 * drift is called at grid points only, in time order within a path. O(n²) per path.
 * Source: K. Diethelm, N. J. Ford, A. D. Freed (2002), Nonlinear Dynamics 29, 3–22; R. Metzler,
 * E. Barkai, J. Klafter (1999), "Anomalous diffusion and relaxation close to thermal equilibrium:
 * a fractional Fokker–Planck equation approach", Phys. Rev. Lett. 82, 3563 (the moment equations
 * used in the tests).
 * Checked against: `test/math/fractional/solveVolterra.test.ts` (fractional Fokker–Planck
 * moments 2t^α/Γ(α+1) and (K/γ)(1 − E_α(−2γt^α)), relaxation E_α(−t^α) with complex state,
 * the noise variance by Monte Carlo).
 *
 * @example
 * ```ts
 * import { solveVolterra } from 'quantflow';
 * // The free fractional Fokker–Planck second moment: D^α m = 2, m = 2t^α/Γ(α+1).
 * const s = solveVolterra({ alpha: 0.7, x0: 0, drift: () => 2, horizon: 1, steps: 50 });
 * s.re[50]!.toFixed(6); //=> '2.201095'
 * ```
 * @param problem - α, x0, drift, horizon, steps, optional noise.
 * @returns the grid and the paths.
 * @throws InvalidInputError when an input is outside its range (named).
 * @throws QuantflowError (code `NOT_FINITE`) when the drift returns a non-finite value.
 * @public
 */
export function solveVolterra(problem: VolterraProblem<number>): VolterraSolution;
/** Complex-state form of `solveVolterra`. @public */
export function solveVolterra(problem: VolterraProblem<Complex>): VolterraSolution;
export function solveVolterra(problem: VolterraProblem<number> | VolterraProblem<Complex>): VolterraSolution {
  const { alpha, x0, drift, horizon, steps: n } = problem;
  const sigma = problem.sigma ?? 0;
  if (!(alpha > 0 && alpha <= 1)) throw InvalidInputError.outOfRange('alpha', alpha, '(0, 1]');
  if (!(horizon > 0) || !Number.isFinite(horizon)) throw InvalidInputError.outOfRange('horizon', horizon, '(0, ∞)');
  if (!Number.isInteger(n) || n < 1) throw InvalidInputError.outOfRange('steps', n, 'integers in [1, ∞)');
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw InvalidInputError.outOfRange('sigma', sigma, '[0, ∞)');
  if (sigma > 0 && !(alpha > 0.5)) throw InvalidInputError.outOfRange('alpha', alpha, '(0.5, 1] with noise');
  if (typeof drift !== 'function') throw InvalidInputError.outOfRange('drift', drift, 'a function (t, x) => x');
  const complex = x0 instanceof Complex;
  if (!complex && (typeof x0 !== 'number' || !Number.isFinite(x0))) throw InvalidInputError.outOfRange('x0', x0, 'a finite number or a Complex');
  const paths = sigma > 0 ? (problem.paths ?? 1000) : 1;
  if (!Number.isInteger(paths) || paths < 1) throw InvalidInputError.outOfRange('paths', paths, 'integers in [1, ∞)');
  const seed = problem.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw InvalidInputError.outOfRange('seed', seed, 'integers in [0, 2^32)');

  const grid = Float64Array.from({ length: n + 1 }, (_, k) => (k * horizon) / n);
  const { predictor: P, corrector: C } = adamsWeights(alpha, grid);
  let V: Float64Array | undefined;
  if (sigma > 0) {
    V = new Float64Array(P.length);
    const e = 2 * alpha - 1;
    const g = reciprocalGamma(alpha);
    for (let r = 1; r <= n; r++) {
      const po = (r * (r - 1)) / 2;
      for (let j = 0; j < r; j++) {
        const A = grid[r]! - grid[j]!;
        const B = grid[r]! - grid[j + 1]!;
        V[po + j] = g * Math.sqrt((Math.pow(A, e) - Math.pow(B, e)) / e);
      }
    }
  }
  const x0Re = complex ? (x0 as Complex).re : (x0 as number);
  const x0Im = complex ? (x0 as Complex).im : 0;
  const call = (t: number, xr: number, xi: number): [number, number] => {
    const y = complex ? (drift as unknown as (t: number, x: Complex) => Complex)(t, new Complex(xr, xi)) : (drift as unknown as (t: number, x: number) => number)(t, xr);
    const yr = complex ? (y as Complex).re : (y as number);
    const yi = complex ? (y as Complex).im : 0;
    if (!Number.isFinite(yr) || !Number.isFinite(yi)) throw new QuantflowError(`solveVolterra: drift(${t}, x) is not finite`, 'NOT_FINITE', { t });
    return [yr, yi];
  };
  const re = new Float64Array(paths * (n + 1));
  const im = new Float64Array(paths * (n + 1));
  const fRe = new Float64Array(n + 1);
  const fIm = new Float64Array(n + 1);
  const z = new Float64Array(n);
  const noise = new Float64Array(n + 1);
  for (let p = 0; p < paths; p++) {
    if (V !== undefined) {
      philoxPathNormals(p, seed, 0x5eed, n, z);
      for (let r = 1; r <= n; r++) {
        const po = (r * (r - 1)) / 2;
        let s = 0;
        for (let j = 0; j < r; j++) s += V[po + j]! * z[j]!;
        noise[r] = sigma * s;
      }
    }
    const o = p * (n + 1);
    re[o] = x0Re;
    im[o] = x0Im;
    [fRe[0], fIm[0]] = call(0, x0Re, x0Im);
    for (let r = 1; r <= n; r++) {
      const po = (r * (r - 1)) / 2;
      const co = ((r - 1) * (r + 2)) / 2;
      let pr = 0;
      let pi = 0;
      let qr = 0;
      let qi = 0;
      for (let j = 0; j < r; j++) {
        pr += P[po + j]! * fRe[j]!;
        pi += P[po + j]! * fIm[j]!;
        qr += C[co + j]! * fRe[j]!;
        qi += C[co + j]! * fIm[j]!;
      }
      const [gr, gi] = call(grid[r]!, x0Re + pr + noise[r]!, x0Im + pi);
      const xr = x0Re + qr + C[co + r]! * gr + noise[r]!;
      const xi = x0Im + qi + C[co + r]! * gi;
      re[o + r] = xr;
      im[o + r] = xi;
      [fRe[r], fIm[r]] = call(grid[r]!, xr, xi);
    }
  }
  return { grid, re, im };
}
