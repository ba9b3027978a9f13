// Value and first two x-derivatives at x0 of the cubic through the four grid nodes around x0
// (Lagrange form on a non-uniform grid): O(h⁴), O(h³), O(h²) accurate for smooth data.
export interface PointValue {
  value: number;
  dx: number;
  dxx: number;
}

export function interpolateAt(x: Float64Array, v: Float64Array, x0: number): PointValue {
  const n = x.length;
  let i = 0;
  let hi = n - 1;
  while (hi - i > 1) {
    const mid = (i + hi) >> 1;
    if (x[mid]! <= x0) i = mid;
    else hi = mid;
  }
  const start = Math.min(Math.max(i - 1, 0), n - 4);
  const xs = [x[start]!, x[start + 1]!, x[start + 2]!, x[start + 3]!];
  const vs = [v[start]!, v[start + 1]!, v[start + 2]!, v[start + 3]!];
  let value = 0;
  let dx = 0;
  let dxx = 0;
  for (let j = 0; j < 4; j++) {
    const others = [0, 1, 2, 3].filter((k) => k !== j).map((k) => xs[k]!);
    let denom = 1;
    for (const o of others) denom *= xs[j]! - o;
    const [a, b, c] = others.map((o) => x0 - o) as [number, number, number];
    value += (vs[j]! * (a * b * c)) / denom;
    dx += (vs[j]! * (a * b + a * c + b * c)) / denom;
    dxx += (vs[j]! * 2 * (a + b + c)) / denom;
  }
  return { value, dx, dxx };
}
