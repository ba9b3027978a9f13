import { ArbitrageError } from '../../../src/errors.js';
import { levenbergMarquardt } from '../../../src/math/optimization/levenbergMarquardt.js';
import type { SviSmileQuotes } from '../svi/fitSviSmile.js';
import type { EssviParameters } from './EssviParameters.js';
import { EssviSurface } from './EssviSurface.js';
import type { VolSurfaceArbitrageDiagnostics } from './VolSurfaceArbitrageDiagnostics.js';
import type { VolSurfaceFitOptions } from './VolSurfaceFitOptions.js';
import type { VolSurfaceFitQuality, VolSurfaceSliceFit } from './VolSurfaceFitQuality.js';
import { essviPoint, type EssviPoint } from './_lib/essviFormulas.js';
import { defaultKGrid } from './_lib/surfaceDiagnostics.js';
import { checkSurfaceQuotes, pooled, sliceFit, type CheckedSlice } from './_lib/surfaceQuotes.js';

/**
 * The result of {@link fitEssviSurface}.
 * @public
 */
export interface EssviSurfaceFit extends VolSurfaceFitQuality {
  /** The fitted nodes (θ_i, ρ_i, ψ_i) per expiry. */
  readonly parameters: EssviParameters;
  /** Arbitrage diagnostics of the fitted surface (nodes and interpolation). */
  readonly diagnostics: VolSurfaceArbitrageDiagnostics;
  /** Per expiry fit quality and fitted vols. */
  readonly slices: readonly VolSurfaceSliceFit[];
}

/** Penalty weights of the successive constrained passes. */
const PENALTIES = [1e2, 1e4, 1e6, 1e8];
/** Points of the interpolation path between two nodes at which ∂w/∂T ≥ 0 is enforced. */
const PATH = [0, 0.25, 0.5, 0.75, 1];

/**
 * Fits an eSSVI surface slice by slice in maturity order: per expiry (θ_i, ρ_i, ψ_i) under the
 * no-butterfly and the calendar conditions against the previous slice, enforced inside the fit.
 *
 * @remarks
 * Slice i minimises Σ ((σ_eSSVI − σ_mid)/h)² over its quotes (h the half-spread floored at
 * `minHalfSpread`) subject to
 * - butterfly (Gatheral–Jacquier 2014, Thm 4.2 with ψ = θφ): ψ(1 + |ρ|) < 4, ψ²(1 + |ρ|) ≤ 4θ;
 * - calendar against slice i − 1 (Hendriks–Martini 2019; Corbetta et al. 2019): θ_i > θ_{i−1},
 *   wing slopes ψ_i(1 ± ρ_i) ≥ ψ_{i−1}(1 ± ρ_{i−1}) (no crossing as k → ±∞), w_i(k) ≥ w_{i−1}(k)
 *   on the k-grid, and ∂w/∂T ≥ 0 on the grid along the interpolation between the two nodes
 *   (at 0, ¼, ½, ¾, 1 of the way; {@link EssviSurface}).
 * Method: Levenberg–Marquardt on (θ, ρ, ψ); if the unconstrained optimum is admissible it is
 * the answer, otherwise quadratic penalties on the violations for
 * μ = 10², 10⁴, 10⁶, 10⁸, from two starts: the previous slice with θ raised to this slice's ATM
 * total variance (admissible: w grows with θ at fixed ψ, ρ) and the unconstrained fit; end points
 * are kept only if admissible; then steps from the best admissible point that stay admissible.
 * The calendar conditions are thus imposed on the grid (the wing-slope conditions beyond it),
 * not through Hendriks–Martini's closed-form conditions.
 * Source: S. Hendriks, C. Martini (2019), "The extended SSVI volatility surface", J. Comput.
 * Finance 22(5); J. Corbetta, P. Cohort, I. Laachir, C. Martini (2019), "Robust calibration and
 * arbitrage-free interpolation of SSVI slices", Decis. Econ. Finance 42(2), 665–677 (slice-by-slice
 * calibration); J. Gatheral, A. Jacquier (2014), Quant. Finance 14(1), 59–71, Thm 4.2;
 * J. Nocedal, S. J. Wright (2006), Numerical Optimization, §17.1 (quadratic penalty).
 * Checked against: nodes recovered from an eSSVI surface's own vols; the 48 SPX expiries of
 * 2023-02-15 with clean diagnostics (test/termstructures/volatility/ssvi/surfacesSpx.test.ts).
 *
 * @param quotes - per expiry (strictly increasing times) T, F, strikes (ascending) and bid/ask(/mid) vols; n ≥ 3 each.
 * @param options - weights' floor, check grid, throwing.
 * @returns nodes, diagnostics and fit quality (pooled and per expiry).
 * @throws InvalidInputError for quotes out of range (naming `quotes[i].<field>[j]`).
 * @throws ArbitrageError with `throwOnArbitrage` when the diagnostics are not clean.
 * @public
 */
export function fitEssviSurface(quotes: readonly SviSmileQuotes[], options: VolSurfaceFitOptions = {}): EssviSurfaceFit {
  const slices = checkSurfaceQuotes(quotes, options.minHalfSpread ?? 0.0005, 3);
  const grid = Float64Array.from(options.kGrid ?? defaultKGrid());
  const thetas = new Float64Array(slices.length);
  const rhos = new Float64Array(slices.length);
  const psis = new Float64Array(slices.length);
  let prev = { theta: 0, rho: 0, psi: 0 };
  slices.forEach((s, i) => {
    const x = fitSlice(s, prev, i === 0, grid);
    thetas[i] = x.theta;
    rhos[i] = x.rho;
    psis[i] = x.psi;
    prev = x;
  });
  const parameters: EssviParameters = Object.freeze({ times: Float64Array.from(slices, (s) => s.time), thetas, rhos, psis, forwards: Float64Array.from(slices, (s) => s.forward) });
  const surface = new EssviSurface(parameters);
  const diagnostics = surface.arbitrageDiagnostics(grid);
  if (options.throwOnArbitrage === true && !diagnostics.arbitrageFree) {
    throw new ArbitrageError(`fitEssviSurface: the fitted surface has static arbitrage on the grid (min g = ${diagnostics.minG}, min ∂w/∂T = ${diagnostics.minDwdtOverall})`, { diagnostics, parameters });
  }
  const fits = slices.map((s) => sliceFit(s, (k) => surface.totalVarianceDerivatives(k, s.time).w));
  return Object.freeze({ parameters, diagnostics, slices: Object.freeze(fits), ...pooled(fits) });
}

interface Node {
  theta: number;
  rho: number;
  psi: number;
}

function fitSlice(s: CheckedSlice, prev: Node, first: boolean, grid: Float64Array): Node {
  const n = s.k.length;
  const pt: EssviPoint = { w: 0, dwdk: 0, d2wdk2: 0, dwdtheta: 0, dwdpsi: 0, dwdc: 0 };
  const cPrev = prev.rho * prev.psi;
  const prevW = grid.map((k) => (first ? 0 : essviPoint(k, prev.theta, prev.psi, cPrev, pt).w));
  const slopeUp = prev.psi * (1 + prev.rho);
  const slopeDown = prev.psi * (1 - prev.rho);
  const thetaMin = first ? 1e-10 : prev.theta * (1 + 1e-6) + 1e-12;
  const checks = 4 + (first ? 0 : grid.length * (1 + PATH.length));
  // Violations v ≥ 0 of every condition (0 when it holds), with a relative margin.
  const violations = (x: ArrayLike<number>, margin: number, out: Float64Array, at: number, scale: number): void => {
    const theta = x[0] as number;
    const rho = x[1] as number;
    const psi = x[2] as number;
    let j = at;
    out[j++] = scale * Math.max(0, psi * (1 + Math.abs(rho)) - 4 * (1 - 1e-9 - margin));
    out[j++] = scale * Math.max(0, psi * psi * (1 + Math.abs(rho)) - 4 * theta * (1 - margin));
    out[j++] = scale * Math.max(0, slopeUp * (1 + margin) - psi * (1 + rho));
    out[j++] = scale * Math.max(0, slopeDown * (1 + margin) - psi * (1 - rho));
    if (first) return;
    const c = rho * psi;
    for (let g = 0; g < grid.length; g++) {
      const k = grid[g] as number;
      out[j++] = (scale * Math.max(0, (prevW[g] as number) * (1 + margin) - essviPoint(k, theta, psi, c, pt).w)) / theta;
    }
    const dth = theta - prev.theta;
    const dps = psi - prev.psi;
    const dc = c - cPrev;
    for (const a of PATH) {
      const th = prev.theta + a * dth;
      const ps = prev.psi + a * dps;
      const cc = cPrev + a * dc;
      for (let g = 0; g < grid.length; g++) {
        essviPoint(grid[g] as number, th, ps, cc, pt);
        const d = pt.dwdtheta * dth + pt.dwdpsi * dps + pt.dwdc * dc;
        out[j++] = (scale * Math.max(0, margin * dth - d)) / theta;
      }
    }
  };
  const scratch = new Float64Array(checks);
  const admissible = (x: ArrayLike<number>): boolean => {
    if (!((x[0] as number) >= thetaMin)) return false;
    violations(x, 0, scratch, 0, 1);
    for (let j = 0; j < checks; j++) if ((scratch[j] as number) > 0) return false;
    return true;
  };
  const residualsWith = (root: number) => (x: Float64Array, out: Float64Array): void => {
    const theta = x[0] as number;
    const rho = x[1] as number;
    const psi = x[2] as number;
    for (let q = 0; q < n; q++) {
      const w = essviPoint(s.k[q] as number, theta, psi, rho * psi, pt).w;
      out[q] = (Math.sqrt(Math.max(w, 0) / s.time) - (s.mid[q] as number)) / (s.h[q] as number);
    }
    if (root > 0) violations(x, 1e-6, out, n, root);
    else out.fill(0, n);
  };
  const maxW = Math.max(...Array.from(s.mid, (m) => m * m * s.time));
  const lm = { residualCount: n + checks, lower: [thetaMin, -0.999, 1e-8], upper: [10 * maxW + 1, 0.999, 4], scales: [Math.max(s.atmW, 1e-4), 0.01, 0.01], maxIterations: 200, tolerance: 1e-10 };
  const cost = (x: Float64Array): number => {
    const out = new Float64Array(n + checks);
    residualsWith(0)(x, out);
    let c = 0;
    for (let q = 0; q < n; q++) c += (out[q] as number) ** 2;
    return c;
  };
  const theta0 = Math.max(s.atmW, thetaMin);
  const safe: Float64Array = first ? Float64Array.of(theta0, -0.5, Math.min(0.5 * Math.sqrt(theta0), 1)) : Float64Array.of(theta0, prev.rho, prev.psi);
  let best: Float64Array = safe;
  let bestCost = admissible(safe) ? cost(safe) : Infinity;
  const free = levenbergMarquardt(residualsWith(0), Float64Array.from(safe), lm).x;
  // No condition binds: the unconstrained optimum is the constrained one.
  if (admissible(free) && cost(free) <= bestCost) return { theta: free[0] as number, rho: free[1] as number, psi: free[2] as number };
  for (const start of [safe, free]) {
    let x: Float64Array = start;
    if (admissible(x) && cost(x) < bestCost) {
      best = x;
      bestCost = cost(x);
    }
    for (const mu of PENALTIES) {
      x = levenbergMarquardt(residualsWith(Math.sqrt(mu)), x, lm).x;
      const c = cost(x);
      if (c < bestCost && admissible(x)) {
        best = x;
        bestCost = c;
      }
    }
  }
  if (Number.isFinite(bestCost)) best = levenbergMarquardt(residualsWith(0), best, { ...lm, feasible: admissible }).x;
  return { theta: best[0] as number, rho: best[1] as number, psi: best[2] as number };
}
