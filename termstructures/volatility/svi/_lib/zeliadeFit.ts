// Internal: the quasi-explicit SVI calibration of Zeliade (2009) used as the starting point of the fit.
import { nelderMead } from '../../../../src/math/optimization/nelderMead.js';
import { solveLinearSystem } from '../../../../src/math/optimization/_lib/solveLinearSystem.js';
import type { SviRawParameters } from '../SviRawParameters.js';

/** Weighted total variances of one slice: w_i at k_i with weights 1/h_i² (h_i > 0). @internal */
export interface WeightedVariances {
  readonly k: Float64Array;
  readonly w: Float64Array;
  readonly h: Float64Array;
}

// The six faces of the (a, d, c) domain as rows G·p ≤ h (h filled per σ and max w):
// −a ≤ 0, a ≤ max w, d − c ≤ 0, −d − c ≤ 0, c + d ≤ 2σ, c − d ≤ 2σ.
const FACES: ReadonlyArray<readonly [number, number, number]> = [
  [-1, 0, 0], [1, 0, 0], [0, 1, -1], [0, -1, -1], [0, 1, 1], [0, -1, 1],
];
const SUBSETS: number[][] = (() => {
  const out: number[][] = [[]];
  for (let i = 0; i < FACES.length; i++) {
    out.push([i]);
    for (let j = i + 1; j < FACES.length; j++) {
      out.push([i, j]);
      for (let l = j + 1; l < FACES.length; l++) out.push([i, j, l]);
    }
  }
  return out;
})();

/**
 * For fixed (m, σ), the best (a, d, c) of w = a + d·y + c·√(y² + 1), y = (k − m)/σ, in weighted
 * least squares over Zeliade's domain 0 ≤ a ≤ max w, |d| ≤ c, c + |d| ≤ 2σ (Lee's bound
 * b(1 + |ρ|) ≤ 2 in these coordinates: c = bσ, d = ρbσ). A convex quadratic programme in three
 * variables: its minimiser is the best feasible stationary point over the 42 active sets of at
 * most three faces
 * (each an equality-constrained least-squares problem, solved through its KKT system).
 * @internal
 */
export function zeliadeInner(data: WeightedVariances, m: number, sigma: number): { a: number; d: number; c: number; sse: number } | undefined {
  const n = data.k.length;
  // Normal equations A p = r of the weighted problem, and Σ w²/h².
  const A = new Float64Array(9);
  const r = new Float64Array(3);
  let ww = 0;
  let maxW = 0;
  // Weights scaled so the largest is 1 (the minimiser is unchanged; the KKT systems stay balanced).
  let hMin = Infinity;
  for (let i = 0; i < n; i++) hMin = Math.min(hMin, data.h[i] as number);
  for (let i = 0; i < n; i++) {
    const y = ((data.k[i] as number) - m) / sigma;
    const x = [1, y, Math.sqrt(y * y + 1)];
    const wt = (hMin / (data.h[i] as number)) ** 2;
    const wi = data.w[i] as number;
    maxW = Math.max(maxW, wi);
    ww += wt * wi * wi;
    for (let p = 0; p < 3; p++) {
      r[p] = (r[p] as number) + wt * (x[p] as number) * wi;
      for (let q = 0; q < 3; q++) A[p * 3 + q] = (A[p * 3 + q] as number) + wt * (x[p] as number) * (x[q] as number);
    }
  }
  const bounds = [0, maxW, 0, 0, 2 * sigma, 2 * sigma];
  const tol = 1e-12 * Math.max(maxW, sigma, 1e-300);
  let best: { a: number; d: number; c: number; sse: number } | undefined;
  for (const set of SUBSETS) {
    const q = set.length;
    const size = 3 + q;
    const K = new Float64Array(size * size);
    const rhs = new Float64Array(size);
    for (let p = 0; p < 3; p++) {
      for (let s = 0; s < 3; s++) K[p * size + s] = A[p * 3 + s] as number;
      rhs[p] = r[p] as number;
    }
    set.forEach((face, j) => {
      const g = FACES[face] as readonly [number, number, number];
      for (let p = 0; p < 3; p++) {
        K[(3 + j) * size + p] = g[p] as number;
        K[p * size + 3 + j] = g[p] as number;
      }
      rhs[3 + j] = bounds[face] as number;
    });
    const sol = solveLinearSystem(K, rhs);
    if (sol === undefined) continue;
    const a = sol[0] as number;
    const d = sol[1] as number;
    const c = sol[2] as number;
    let feasible = true;
    for (let f = 0; f < FACES.length && feasible; f++) {
      const g = FACES[f] as readonly [number, number, number];
      if (g[0] * a + g[1] * d + g[2] * c > (bounds[f] as number) + tol) feasible = false;
    }
    if (!feasible) continue;
    // sse = pᵀAp − 2 rᵀp + Σ w²/h².
    const pv = [a, d, c];
    let sse = ww;
    for (let p = 0; p < 3; p++) {
      sse -= 2 * (r[p] as number) * (pv[p] as number);
      for (let s = 0; s < 3; s++) sse += (pv[p] as number) * (A[p * 3 + s] as number) * (pv[s] as number);
    }
    if (best === undefined || sse < best.sse) best = { a, d, c, sse: Math.max(sse, 0) };
  }
  return best;
}

/**
 * Zeliade's quasi-explicit calibration: minimise over (m, ln σ) the inner optimum above, by
 * Nelder–Mead from the three best of a 5 × 6 grid of starting points (m across the quotes'
 * k-range, σ from 0.003 to 1). With `arbitrageFree`, every inner optimum that fails the test is
 * replaced by the last point passing it on the segment to the flat slice, so the search runs over
 * arbitrage-free slices only.
 * Source: Zeliade Systems (2009), "Quasi-explicit calibration of Gatheral's SVI model", Zeliade
 * white paper ZWP-0005, §3 (reduction to a 2-D search over (m, σ) with a linear inner problem).
 * @internal
 */
export function zeliadeFit(data: WeightedVariances, arbitrageFree?: (p: SviRawParameters) => boolean): SviRawParameters {
  let kMin = Infinity;
  let kMax = -Infinity;
  for (const k of data.k) {
    kMin = Math.min(kMin, k);
    kMax = Math.max(kMax, k);
  }
  const span = Math.max(kMax - kMin, 1e-3);
  const lower = [kMin - span, Math.log(1e-4)];
  const upper = [kMax + span, Math.log(4)];
  const objective = (x: ArrayLike<number>): number => feasibleInner(data, x[0] as number, Math.exp(x[1] as number), arbitrageFree)?.sse ?? Infinity;
  const starts: { x: number[]; f: number }[] = [];
  for (let i = 0; i < 5; i++) {
    for (const s of [0.003, 0.01, 0.03, 0.1, 0.3, 1]) {
      const x = [kMin + (span * i) / 4, Math.log(s)];
      starts.push({ x, f: objective(x) });
    }
  }
  starts.sort((p, q) => p.f - q.f);
  let bestX = (starts[0] as { x: number[] }).x;
  let bestF = Infinity;
  for (const start of starts.slice(0, 3)) {
    const res = nelderMead(objective, start.x, { steps: [0.1 * span, 0.5], lower, upper, maxEvaluations: 400, tolerance: 1e-12 });
    if (res.value < bestF) {
      bestF = res.value;
      bestX = Array.from(res.x);
    }
  }
  const m = bestX[0] as number;
  const sigma = Math.exp(bestX[1] as number);
  const inner = feasibleInner(data, m, sigma, arbitrageFree);
  return inner === undefined ? flatSlice(data, m, sigma) : inner.p;
}

/** The flat slice at the weighted mean variance (g ≡ 1: arbitrage-free). */
function flatSlice(data: WeightedVariances, m: number, sigma: number): SviRawParameters {
  let sw = 0;
  let s = 0;
  for (let i = 0; i < data.k.length; i++) {
    const wt = 1 / (data.h[i] as number) ** 2;
    sw += wt;
    s += wt * (data.w[i] as number);
  }
  return { a: s / sw, b: 0, rho: 0, m, sigma };
}

function toRaw(a: number, d: number, c: number, m: number, sigma: number): SviRawParameters {
  return { a, b: c / sigma, rho: c > 0 ? Math.max(-0.999, Math.min(0.999, d / c)) : 0, m, sigma };
}

/**
 * The inner optimum as raw parameters; with an arbitrage test, an optimum that fails it is pulled
 * back along the segment to the flat slice (where the weighted error is convex in the segment's
 * parameter and smallest at the optimum) to the last arbitrage-free point, by bisection.
 */
function feasibleInner(
  data: WeightedVariances,
  m: number,
  sigma: number,
  arbitrageFree?: (p: SviRawParameters) => boolean,
): { p: SviRawParameters; sse: number } | undefined {
  const inner = zeliadeInner(data, m, sigma);
  if (inner === undefined) return undefined;
  const p = toRaw(inner.a, inner.d, inner.c, m, sigma);
  if (arbitrageFree === undefined || arbitrageFree(p)) return { p, sse: inner.sse };
  const flat = flatSlice(data, m, sigma);
  const at = (t: number) => toRaw(flat.a + t * (inner.a - flat.a), t * inner.d, t * inner.c, m, sigma);
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 16; it++) {
    const t = 0.5 * (lo + hi);
    if (arbitrageFree(at(t))) lo = t;
    else hi = t;
  }
  const q = at(lo);
  let sse = 0;
  let hMin = Infinity;
  for (let i = 0; i < data.k.length; i++) hMin = Math.min(hMin, data.h[i] as number);
  for (let i = 0; i < data.k.length; i++) {
    const y = ((data.k[i] as number) - m) / sigma;
    const wq = q.a + q.b * sigma * (q.rho * y + Math.sqrt(y * y + 1));
    sse += ((wq - (data.w[i] as number)) * hMin / (data.h[i] as number)) ** 2;
  }
  return { p: q, sse };
}
