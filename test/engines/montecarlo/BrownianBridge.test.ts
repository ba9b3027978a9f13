import { describe, expect, it } from 'vitest';
import { BrownianBridge } from '../../../engines/montecarlo/BrownianBridge.js';

describe('BrownianBridge', () => {
  it('maps independent normals to a path with covariance min(t_i, t_j) (exact, non-uniform times)', () => {
    for (const times of [[1], [0.5, 1], [0.1, 0.15, 0.4, 0.9, 1.0, 2.5, 2.6], Array.from({ length: 13 }, (_, i) => (i + 1) ** 1.5 / 10)]) {
      const b = new BrownianBridge(times);
      const n = times.length;
      // Column k of the linear map: the path W built from the unit vector e_k.
      const cols = Array.from({ length: n }, (_, k) => {
        const e = new Float64Array(n);
        e[k] = 1;
        const dw = b.increments(e);
        const w = new Float64Array(n);
        let s = 0;
        for (let j = 0; j < n; j++) w[j] = s += dw[j]!;
        return w;
      });
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let c = 0;
          for (let k = 0; k < n; k++) c += cols[k]![i]! * cols[k]![j]!;
          // Rounding only: 1e-12 absolute on covariances of order 1.
          expect(Math.abs(c - Math.min(times[i]!, times[j]!)), `times=${times} i=${i} j=${j}`).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('the first normal alone fixes the terminal value W(t_n) = √t_n · z_0', () => {
    const b = new BrownianBridge([0.25, 0.5, 0.75, 1]);
    const dw = b.increments([2, 0, 0, 0]);
    expect(dw.reduce((s, x) => s + x, 0)).toBeCloseTo(2, 14);
  });

  it('refuses non-increasing or non-positive times', () => {
    expect(() => new BrownianBridge([0.5, 0.5])).toThrow(/times\[1\] = 0.5/);
    expect(() => new BrownianBridge([0])).toThrow(/times\[0\] = 0/);
    expect(() => new BrownianBridge([])).toThrow(/times.length = 0/);
  });
});
