import { describe, expect, it } from 'vitest';
import { hybridSchemeCoefficients, hybridSchemeCovariance, volterraCovariance } from '../../../engines/roughbergomi/_lib/hybridScheme.js';
import { roughBergomiVolterraPaths } from '../../../engines/roughbergomi/roughBergomiSmile.js';
import { InvalidInputError } from '../../../src/errors.js';

/** Cov(Y_s, Y_t) by quadrature, independent of the hypergeometric series: with w = r^(1/(α+1)), 2H/(α+1)·∫₀^{s^(α+1)} (t − s + r^(1/(α+1)))^α dr (smooth for s < t). */
function covQuadrature(H: number, s: number, t: number): number {
  const a = H - 0.5;
  const R = Math.pow(s, a + 1);
  const n = 20000;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const r = (R * i) / n;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * Math.pow(t - s + Math.pow(r, 1 / (a + 1)), a);
  }
  return ((2 * H) / (a + 1)) * (sum * R) / (3 * n);
}

describe('the Volterra process Y_t = √(2H)∫₀ᵗ (t − s)^(H−½) dW_s', () => {
  it('exact covariance: the hypergeometric series equals quadrature, and Var Y_t = t^(2H)', () => {
    for (const H of [0.07, 0.2, 0.4]) {
      for (const [s, t] of [[0.1, 1], [0.5, 1], [0.9, 1], [0.3, 2.5]] as const) {
        expect(Math.abs(volterraCovariance(H, s, t) / covQuadrature(H, s, t) - 1), `${H} ${s} ${t}`).toBeLessThan(1e-7);
      }
      expect(volterraCovariance(H, 0.7, 0.7)).toBe(Math.pow(0.7, 2 * H));
    }
  });

  it('hybrid scheme (κ = 1) covariance vs the exact one: within 0.9 % of √(Var Y_s Var Y_t), Var Y_T within 0.1 %', () => {
    for (const H of [0.07, 0.2]) {
      for (const n of [16, 64]) {
        const c = hybridSchemeCovariance(H, 1, n);
        expect(Math.abs(c[n * n - 1]! - 1)).toBeLessThan(1e-3);
        for (let i = 1; i <= n; i++) {
          for (let j = i; j <= n; j++) {
            if (i !== j && i / j > 0.99) continue; // the series converges too slowly there
            const e = volterraCovariance(H, i / n, j / n);
            const scale = Math.sqrt(Math.pow(i / n, 2 * H) * Math.pow(j / n, 2 * H));
            expect(Math.abs(c[(i - 1) * n + j - 1]! - e) / scale).toBeLessThan(0.009);
          }
        }
      }
    }
  });

  it('H = ½: Γ_k = 1, c2 = 0, Y is Brownian motion exactly (scheme covariance min(s, t))', () => {
    const { gamma, c1, c2, dt } = hybridSchemeCoefficients(0.5, 2, 8);
    expect(c2).toBe(0);
    expect(c1).toBeCloseTo(Math.sqrt(dt), 15);
    for (let k = 2; k <= 8; k++) expect(gamma[k]).toBeCloseTo(1, 15);
    const c = hybridSchemeCovariance(0.5, 2, 8);
    for (let i = 1; i <= 8; i++) for (let j = 1; j <= 8; j++) expect(c[(i - 1) * 8 + j - 1]).toBeCloseTo(Math.min(i, j) * dt, 14);
  });

  it('simulated paths (WASM) reproduce the scheme covariance within 4.5 standard errors; WASM = TypeScript bitwise', () => {
    const H = 0.1;
    const n = 12;
    const N = 20000;
    const y = roughBergomiVolterraPaths(H, 0.5, { samples: N, steps: n, seed: 5 });
    const c = hybridSchemeCovariance(H, 0.5, n);
    for (const [i, j] of [[0, 0], [0, 1], [2, 3], [5, 11], [11, 11], [0, 11]] as const) {
      let s = 0;
      let mean = 0;
      for (let p = 0; p < N; p++) {
        s += y[p * n + i]! * y[p * n + j]!;
        mean += y[p * n + i]!;
      }
      const exact = c[i * n + j]!;
      // Var(Y_i Y_j) = C_ii C_jj + C_ij² for a Gaussian pair.
      const se = Math.sqrt((c[i * n + i]! * c[j * n + j]! + exact * exact) / N);
      expect(Math.abs(s / N - exact), `(${i}, ${j})`).toBeLessThan(4.5 * se);
      expect(Math.abs(mean / N)).toBeLessThan(4.5 * Math.sqrt(c[i * n + i]! / N));
    }
    const small = { samples: 300, steps: 13, seed: 9 };
    const ts = roughBergomiVolterraPaths(0.23, 1.3, { ...small, backend: 'typescript' });
    expect(roughBergomiVolterraPaths(0.23, 1.3, { ...small, backend: 'simd' })).toEqual(ts);
    expect(roughBergomiVolterraPaths(0.23, 1.3, { ...small, backend: 'scalar' })).toEqual(ts);
  });

  it('FFT convolution = direct convolution to 1e-14 (steps 1 … 300), WASM = TypeScript bitwise for each', () => {
    for (const steps of [1, 2, 5, 64, 127, 300]) {
      const o = { samples: 20, steps, seed: 4 };
      const d = roughBergomiVolterraPaths(0.07, 0.8, { ...o, convolution: 'direct' });
      const f = roughBergomiVolterraPaths(0.07, 0.8, { ...o, convolution: 'fft' });
      let worst = 0;
      for (let i = 0; i < d.length; i++) worst = Math.max(worst, Math.abs(d[i]! - f[i]!));
      expect(worst, `steps ${steps}`).toBeLessThan(1e-14);
      expect(roughBergomiVolterraPaths(0.07, 0.8, { ...o, convolution: 'fft', backend: 'typescript' })).toEqual(f);
    }
  });

  it('refuses bad input', () => {
    expect(() => roughBergomiVolterraPaths(0.1, 1, { convolution: 'fast' as 'fft' })).toThrow(/options\.convolution/);
    expect(() => roughBergomiVolterraPaths(0, 1)).toThrow(InvalidInputError);
    expect(() => roughBergomiVolterraPaths(0.6, 1)).toThrow(/H = 0.6/);
    expect(() => roughBergomiVolterraPaths(0.1, 0)).toThrow(/T = 0 is outside/);
    expect(() => roughBergomiVolterraPaths(0.1, 1, { steps: 0 })).toThrow(/options\.steps/);
  });
});
