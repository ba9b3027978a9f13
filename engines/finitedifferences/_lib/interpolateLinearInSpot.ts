// Linear interpolation of nodal values v(S_i) at spot s (S_i = e^{x_i}); linear extrapolation
// beyond the ends (consistent with the solver's V_SS = 0 far-field condition), s clamped at 0.
export function interpolateLinearInSpot(spots: Float64Array, v: Float64Array, s: number): number {
  const n = spots.length;
  const at = Math.max(s, 0);
  let i = 0;
  let hi = n - 1;
  if (at <= spots[0]!) hi = 1;
  else if (at >= spots[n - 1]!) i = n - 2;
  else {
    while (hi - i > 1) {
      const mid = (i + hi) >> 1;
      if (spots[mid]! <= at) i = mid;
      else hi = mid;
    }
  }
  hi = i + 1;
  const w = (at - spots[i]!) / (spots[hi]! - spots[i]!);
  return v[i]! + w * (v[hi]! - v[i]!);
}
