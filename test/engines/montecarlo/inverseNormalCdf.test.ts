import { describe, expect, it } from 'vitest';
import { inverseNormalCdf } from '../../../engines/montecarlo/inverseNormalCdf.js';
import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../../src/math/distributions/normalPdf.js';
import { inverseNormalBatchWasm } from '../../../src/kernels/montecarlo.js';

/** Error in x implied by the forward map: |Φ(x) − p| / φ(x) (first order), Φ by Cody's erfc (independent of AS241). */
function xError(p: number, x: number): number {
  return Math.abs(normalCdf(x) - p) / normalPdf(x);
}

/** Probabilities 1e-300 … ½: log-spaced tail plus a uniform grid of the centre. */
function grid(): Float64Array {
  const ps: number[] = [];
  for (let e = -300; e < -1; e += 0.01) ps.push(10 ** e);
  for (let i = 1; i <= 50000; i++) ps.push((0.5 * i) / 50000);
  return Float64Array.from(ps);
}

describe('inverseNormalCdf (Wichura AS241)', () => {
  it('maximum error in x ≤ 2e-15·max(1, |x|) over p ∈ [1e-300, ½] (and by symmetry the upper half), against Cody Φ', () => {
    // AS241 is accurate to about 1e-16 relative; the forward check itself (Φ, φ in double) adds a few ulp.
    let worst = 0;
    for (const p of grid()) {
      const x = inverseNormalCdf(p);
      worst = Math.max(worst, xError(p, x) / Math.max(1, Math.abs(x)));
    }
    if (process.env.MC_DIAG) console.log('AS241 worst x error / max(1,|x|):', worst);
    expect(worst).toBeLessThan(2e-15);
  });

  it('is odd about ½ where 1 − p is exact, and monotone', () => {
    let odd = true;
    for (let k = 1; k < 2000; k++) odd &&= inverseNormalCdf(1 - k / 4096) === -inverseNormalCdf(k / 4096);
    expect(odd).toBe(true);
    let prev = -Infinity;
    let monotone = true;
    for (let i = 1; i < 100000; i++) {
      const x = inverseNormalCdf(i / 100000);
      monotone &&= x > prev;
      prev = x;
    }
    expect(monotone).toBe(true);
    expect(inverseNormalCdf(0.5)).toBe(0);
  });

  it('the WASM kernel version agrees with the TypeScript reference to 1 ulp-level (1e-15 relative) over the same grid', () => {
    const ps = grid();
    const w = inverseNormalBatchWasm(ps);
    let worst = 0;
    ps.forEach((p, i) => {
      const r = inverseNormalCdf(p);
      worst = Math.max(worst, Math.abs(w[i]! - r) / Math.max(1e-300, Math.abs(r)));
    });
    expect(worst).toBeLessThanOrEqual(1e-15);
  });

  it('docstring example: inverseNormalCdf(0.975) = 1.9599639845400536, within 3 ulp of the true quantile 1.95996398454005423552', () => {
    expect(inverseNormalCdf(0.975)).toBe(1.9599639845400536);
    expect(Math.abs(inverseNormalCdf(0.975) - 1.95996398454005423552)).toBeLessThan(7e-16);
  });

  it('refuses p outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, NaN]) expect(() => inverseNormalCdf(p)).toThrow(/p = /);
  });
});
