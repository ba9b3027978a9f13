import { checkInteger } from '../../_lib/checks.js';
import { InvalidInputError } from '../../errors.js';

/**
 * A time grid from 0 that contains every mandatory time exactly, with about `steps` steps.
 *
 * @remarks
 * With T the largest mandatory time and Δ = T/steps, each interval [m_k, m_{k+1}] between
 * consecutive mandatory times is cut into max(1, round((m_{k+1} − m_k)/Δ)) equal steps, so the
 * exercise, coupon and payment times of a product land on nodes (Hull & White 1994 use such
 * non-uniform steps). Times closer than 1e-12 years are merged.
 *
 * Source: Hull & White (1994), "Numerical procedures for implementing term structure models I",
 * J. Derivatives 2(1), §"non-constant time steps".
 * Checked against: `test/math/lattices/HullWhiteTrinomialTree.test.ts` (every mandatory time is
 * a node; step count).
 *
 * @param mandatoryTimes - times in years ≥ 0 (any order, duplicates allowed); at least one > 0.
 * @param steps - target number of steps, integer ≥ 1.
 * @returns `Float64Array` of increasing times starting at 0.
 * @throws InvalidInputError for a negative or non-finite time, no positive time, or bad `steps`.
 * @public
 */
export function timeGridWithMandatoryTimes(mandatoryTimes: ArrayLike<number>, steps: number): Float64Array {
  checkInteger('steps', steps, 1);
  const m: number[] = [0];
  for (let i = 0; i < mandatoryTimes.length; i++) {
    const t = mandatoryTimes[i] as number;
    if (!Number.isFinite(t) || t < 0) throw InvalidInputError.outOfRange(`mandatoryTimes[${i}]`, t, '[0, ∞)');
    m.push(t);
  }
  m.sort((x, y) => x - y);
  const unique: number[] = [];
  for (const t of m) if (unique.length === 0 || t - (unique[unique.length - 1] as number) > 1e-12) unique.push(t);
  const end = unique[unique.length - 1] as number;
  if (!(end > 0)) throw InvalidInputError.outOfRange('mandatoryTimes', 'no time > 0', 'at least one time > 0');
  const dtMax = end / steps;
  const out: number[] = [0];
  for (let k = 0; k + 1 < unique.length; k++) {
    const t0 = unique[k] as number;
    const t1 = unique[k + 1] as number;
    const n = Math.max(1, Math.round((t1 - t0) / dtMax));
    for (let s = 1; s < n; s++) out.push(t0 + ((t1 - t0) * s) / n);
    out.push(t1);
  }
  return Float64Array.from(out);
}

/**
 * Index of `t` in a grid made by {@link timeGridWithMandatoryTimes}; −1 when absent.
 * @internal
 */
export function gridIndexOf(grid: Float64Array, t: number): number {
  let lo = 0;
  let hi = grid.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const g = grid[mid] as number;
    if (Math.abs(g - t) <= 1e-12) return mid;
    if (g < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
