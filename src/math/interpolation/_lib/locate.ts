/**
 * Index i of the segment [xs[i], xs[i+1]] containing x, clamped to [0, n−2] (so points
 * outside the grid map to the first or last segment). `xs` ascending, length ≥ 2.
 */
export function locate(xs: ArrayLike<number>, x: number): number {
  const n = xs.length;
  if (x <= (xs[0] as number)) return 0;
  if (x >= (xs[n - 1] as number)) return n - 2;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}
