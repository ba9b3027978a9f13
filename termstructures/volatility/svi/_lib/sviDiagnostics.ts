// Internal: the k-grid on which g is checked, the grid minimum of g, and the diagnostics record.
import type { SviArbitrageDiagnostics } from '../SviArbitrageDiagnostics.js';
import type { SviRawParameters } from '../SviRawParameters.js';
import { sviG, sviMinimumW } from './sviFormulas.js';

/** Uniform points over [from, to]. */
export const UNIFORM_POINTS = 201;
/** Points of the fine grid m + σ·u, u ∈ [−10, 10]. */
export const VERTEX_POINTS = 121;

/**
 * Calls `visit(k)` on every grid point: `UNIFORM_POINTS` uniform over [from, to] and
 * `VERTEX_POINTS` over [m − 10σ, m + 10σ].
 * @internal
 */
export function forEachGridPoint(p: SviRawParameters, from: number, to: number, visit: (k: number) => void): void {
  for (let i = 0; i < UNIFORM_POINTS; i++) visit(from + ((to - from) * i) / (UNIFORM_POINTS - 1));
  for (let i = 0; i < VERTEX_POINTS; i++) visit(p.m + p.sigma * (-10 + (20 * i) / (VERTEX_POINTS - 1)));
}

/**
 * The diagnostics of a raw slice on [from, to]: grid minimum of g, refined by golden-section
 * search on the two grid cells next to it (60 steps), minimum variance and wing slopes.
 * @internal
 */
export function sviDiagnostics(p: SviRawParameters, from: number, to: number): SviArbitrageDiagnostics {
  // The two sub-grids are scanned separately, so each point's neighbours are known without sorting.
  const uniform = (i: number) => from + ((to - from) * i) / (UNIFORM_POINTS - 1);
  const vertex = (i: number) => p.m + p.sigma * (-10 + (20 * i) / (VERTEX_POINTS - 1));
  let minG = Infinity;
  let lo = from;
  let hi = to;
  let argminG = from;
  for (const [count, at] of [[UNIFORM_POINTS, uniform], [VERTEX_POINTS, vertex]] as const) {
    for (let i = 0; i < count; i++) {
      const k = at(i);
      const g = sviG(p, k);
      if (g < minG || (i === 0 && minG === Infinity)) {
        minG = g;
        argminG = k;
        lo = at(Math.max(i - 1, 0));
        hi = at(Math.min(i + 1, count - 1));
      }
    }
  }
  if (Number.isFinite(minG)) {
    // Golden-section search for a minimum between the neighbours of the best grid point.
    const phi = (Math.sqrt(5) - 1) / 2;
    let x1 = hi - phi * (hi - lo);
    let x2 = lo + phi * (hi - lo);
    let g1 = sviG(p, x1);
    let g2 = sviG(p, x2);
    for (let it = 0; it < 60 && hi - lo > 1e-14; it++) {
      if (g1 < g2) {
        hi = x2;
        x2 = x1;
        g2 = g1;
        x1 = hi - phi * (hi - lo);
        g1 = sviG(p, x1);
      } else {
        lo = x1;
        x1 = x2;
        g1 = g2;
        x2 = lo + phi * (hi - lo);
        g2 = sviG(p, x2);
      }
    }
    const gMid = Math.min(g1, g2);
    if (gMid < minG) {
      minG = gMid;
      argminG = g1 < g2 ? x1 : x2;
    }
  }
  const minTotalVariance = sviMinimumW(p);
  const leftWingSlope = p.b * (1 - p.rho);
  const rightWingSlope = p.b * (1 + p.rho);
  return Object.freeze({
    minG,
    argminG,
    grid: Object.freeze({ from, to, points: UNIFORM_POINTS + VERTEX_POINTS }),
    minTotalVariance,
    leftWingSlope,
    rightWingSlope,
    arbitrageFree: minG >= 0 && leftWingSlope <= 2 && rightWingSlope <= 2 && minTotalVariance >= 0,
  });
}
