import { checkFinite } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import type { LocalVolTermStructure } from './LocalVolTermStructure.js';

/**
 * The "Dupire grid": local vols σ_loc(t_i, S_j) on a time × spot grid, for the finite-difference
 * and Monte Carlo local-vol engines.
 *
 * @remarks
 * Reads `surface.localVol(t, S, true)` at every node (extrapolation allowed: engine grids reach
 * beyond the quoted strikes), so the surface's own scheme, errors and floor apply. Row-major by
 * time: element `i·spots.length + j` is σ_loc(times[i], spots[j]).
 * Source: Dupire (1994); Gatheral (2006), *The Volatility Surface*, eq. (1.10).
 * Checked against: the surface's pointwise `localVol` (`test/termstructures/volatility/localvol/localVolGrid.test.ts`).
 *
 * @param surface - the local-vol surface.
 * @param times - times in years, each finite and ≥ 0; any order; length m ≥ 1.
 * @param spots - underlying levels in price units, each finite and > 0; length n ≥ 1.
 * @param out - optional output of length m·n (reused, e.g. by an engine per step).
 * @returns `Float64Array` of length m·n, annualised decimals, row-major by time.
 * @throws InvalidInputError when a time or spot is out of range, a length is 0 or `out` has the wrong length.
 * @throws ArbitrageError from the surface where Dupire's formula breaks down (no floor set).
 * @example
 * ```ts
 * import { localVolGrid } from 'quantflow';
 * const grid = localVolGrid(localVolSurface, [0.25, 0.5], [90, 100, 110]); // length 6
 * ```
 * @public
 */
export function localVolGrid(surface: LocalVolTermStructure, times: ArrayLike<number>, spots: ArrayLike<number>, out?: Float64Array): Float64Array {
  const m = times.length;
  const n = spots.length;
  if (m < 1) throw InvalidInputError.outOfRange('times.length', m, '[1, ∞)');
  if (n < 1) throw InvalidInputError.outOfRange('spots.length', n, '[1, ∞)');
  for (let i = 0; i < m; i++) {
    const t = times[i]!;
    checkFinite(`times[${i}]`, t);
    if (!(t >= 0)) throw InvalidInputError.outOfRange(`times[${i}]`, t, '[0, ∞)');
  }
  for (let j = 0; j < n; j++) {
    const s = spots[j]!;
    checkFinite(`spots[${j}]`, s);
    if (!(s > 0)) throw InvalidInputError.outOfRange(`spots[${j}]`, s, '(0, ∞)');
  }
  const grid = out ?? new Float64Array(m * n);
  if (grid.length !== m * n) throw InvalidInputError.outOfRange('out.length', grid.length, `{${m * n}} (times.length × spots.length)`);
  for (let i = 0; i < m; i++) {
    const t = times[i]!;
    for (let j = 0; j < n; j++) grid[i * n + j] = surface.localVol(t, spots[j]!, true);
  }
  return grid;
}
