// Internal: the arbitrage diagnostics of any total-variance surface on a (k, T) grid.
import type { TotalVarianceDerivatives } from '../../TotalVarianceSurface.js';
import type { VolSurfaceArbitrageDiagnostics } from '../VolSurfaceArbitrageDiagnostics.js';
import { gFromDerivatives } from './essviFormulas.js';

/** The default check grid: 241 points over k ∈ [−3, 1.5] (wide enough for equity index smiles to 3 years). @internal */
export function defaultKGrid(): Float64Array {
  return Float64Array.from({ length: 241 }, (_v, i) => -3 + (4.5 * i) / 240);
}

/**
 * min g per slice on kGrid (golden-section refined), min ∂w/∂T per strike over slice times,
 * eight interior points of each interval from 0 and 1.5 × the last expiry.
 * @internal
 */
export function surfaceDiagnostics(d: (k: number, t: number) => TotalVarianceDerivatives, sliceTimes: ArrayLike<number>, kGrid: Float64Array): VolSurfaceArbitrageDiagnostics {
  const g = (k: number, t: number): number => {
    const x = d(k, t);
    return gFromDerivatives(k, x.w, x.dwdk, x.d2wdk2);
  };
  const slices = Array.from(sliceTimes, (t) => {
    let minG = Infinity;
    let at = 0;
    for (let j = 0; j < kGrid.length; j++) {
      const v = g(kGrid[j] as number, t);
      if (v < minG || j === 0) {
        minG = v;
        at = j;
      }
    }
    let argminG = kGrid[at] as number;
    if (Number.isFinite(minG)) {
      let lo = kGrid[Math.max(at - 1, 0)] as number;
      let hi = kGrid[Math.min(at + 1, kGrid.length - 1)] as number;
      const r = (Math.sqrt(5) - 1) / 2;
      for (let it = 0; it < 50 && hi - lo > 1e-12; it++) {
        const x1 = hi - r * (hi - lo);
        const x2 = lo + r * (hi - lo);
        if (g(x1, t) < g(x2, t)) hi = x2;
        else lo = x1;
      }
      const mid = 0.5 * (lo + hi);
      const v = g(mid, t);
      if (v < minG) {
        minG = v;
        argminG = mid;
      }
    }
    return Object.freeze({ time: t, minG, argminG });
  });
  const times: number[] = [];
  let prev = 0;
  for (let i = 0; i < sliceTimes.length; i++) {
    const t = sliceTimes[i] as number;
    for (let q = 1; q <= 8; q++) times.push(prev + ((t - prev) * q) / 9);
    times.push(t);
    prev = t;
  }
  times.push(1.5 * prev);
  const minDwdt = new Float64Array(kGrid.length).fill(Infinity);
  for (const t of times) {
    for (let j = 0; j < kGrid.length; j++) minDwdt[j] = Math.min(minDwdt[j] as number, d(kGrid[j] as number, t).dwdt);
  }
  const minG = slices.reduce((m, s) => Math.min(m, s.minG), Infinity);
  const minDwdtOverall = minDwdt.reduce((m, v) => Math.min(m, v), Infinity);
  return Object.freeze({ kGrid: Float64Array.from(kGrid), slices: Object.freeze(slices), minG, minDwdt, minDwdtOverall, arbitrageFree: minG >= 0 && minDwdtOverall >= 0 });
}
