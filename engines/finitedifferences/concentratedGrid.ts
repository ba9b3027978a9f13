import { checkFinite, checkInteger, checkPositive } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';

/**
 * A non-uniform 1-D grid on [xMin, xMax], dense around `center`, with `center` exactly on a node.
 *
 * @remarks
 * Sinh stretching: x(ξ) = c + α sinh(ξ), α = density·(xMax − xMin), ξ running uniformly from
 * asinh((xMin − c)/α) to asinh((xMax − c)/α). The node nearest to c is moved onto c by
 * stretching the two sides separately, which changes the spacing across c by a factor
 * 1 + O(1/size) (so the three-point difference formulas keep their second order). Smaller
 * `density` concentrates more; spacing at c is ≈ α·Δξ. When c is outside (xMin, xMax) the
 * grid is the plain sinh map without a pinned node.
 *
 * Source: Tavella & Randall (2000), *Pricing Financial Instruments: The Finite Difference
 * Method*, §5.3 (coordinate transformations); QuantLib `Concentrating1dMesher`.
 * Checked against: `test/engines/finitedifferences/concentratedGrid.test.ts` (end points, pinned
 * centre, monotone, spacing ratio).
 *
 * @param xMin - lower end, finite.
 * @param xMax - upper end, finite, > xMin.
 * @param size - number of nodes, integer ≥ 4.
 * @param center - concentration point (same units as x).
 * @param density - α as a fraction of the width, > 0; e.g. 0.1.
 * @returns `Float64Array` of `size` increasing nodes, first xMin, last xMax.
 * @throws InvalidInputError when an argument is outside its range.
 * @public
 */
export function concentratedGrid(xMin: number, xMax: number, size: number, center: number, density: number): Float64Array {
  checkFinite('xMin', xMin);
  checkFinite('xMax', xMax);
  if (!(xMax > xMin)) throw InvalidInputError.outOfRange('xMax', xMax, `(xMin = ${xMin}, ∞)`);
  checkInteger('size', size, 4);
  checkFinite('center', center);
  checkPositive('density', density);
  const alpha = density * (xMax - xMin);
  const c1 = Math.asinh((xMin - center) / alpha);
  const c2 = Math.asinh((xMax - center) / alpha);
  const x = new Float64Array(size);
  const n = size - 1;
  if (center > xMin && center < xMax) {
    const k = Math.min(Math.max(Math.round((-c1 / (c2 - c1)) * n), 1), n - 1);
    for (let i = 0; i <= k; i++) x[i] = center + alpha * Math.sinh(c1 * (1 - i / k));
    for (let i = k + 1; i <= n; i++) x[i] = center + alpha * Math.sinh((c2 * (i - k)) / (n - k));
    x[k] = center;
  } else {
    for (let i = 0; i <= n; i++) x[i] = center + alpha * Math.sinh(c1 + ((c2 - c1) * i) / n);
  }
  x[0] = xMin;
  x[n] = xMax;
  return x;
}
