// The COS strike-sum kernels (kernels/heston.ts) against their TypeScript reference.
import { describe, expect, it } from 'vitest';
import { cosHestonBatch } from '../../engines/heston/cosHestonBatch.js';
import { hestonCosStrikeSums } from '../../src/kernels/heston.js';
import { hestonCosReference } from '../../src/kernels/heston.reference.js';

function lcg(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296;
}

describe('hestonCos kernels', () => {
  it('SIMD, scalar and TypeScript strike sums give the same bits on random coefficients (odd and even m)', () => {
    const u = lcg(42);
    for (const [terms, m] of [[1, 1], [2, 3], [64, 2], [257, 101], [1000, 256]] as const) {
      const col = (n: number, f: () => number) => Float64Array.from({ length: n }, f);
      const a = col(terms, () => u() - 0.5);
      const b = col(terms, () => u() - 0.5);
      const c = col(terms, () => u() - 0.5);
      const theta = col(m, () => Math.PI * u());
      const strikes = col(m, () => 50 + 100 * u());
      const dMinusAlpha = col(m, () => 3 * u());
      const expD = col(m, () => Math.exp(u() - 0.5));
      const cosTheta = theta.map(Math.cos);
      const sinTheta = theta.map(Math.sin);
      const out = { ts: new Float64Array(m), ref: new Float64Array(m), simd: new Float64Array(m), scalar: new Float64Array(m) };
      hestonCosReference(terms, a, b, c, m, strikes, dMinusAlpha, expD, cosTheta, sinTheta, 100, 0.3, 0.97, out.ref);
      for (const backend of ['typescript', 'simd', 'scalar'] as const) {
        const target = backend === 'typescript' ? out.ts : out[backend];
        hestonCosStrikeSums(terms, a, b, c, m, strikes, dMinusAlpha, expD, cosTheta, sinTheta, 100, 0.3, 0.97, target, backend);
        // No fused multiply–add in either language, same operation order: bit-identical.
        expect(Array.from(target), `${backend} N=${terms} m=${m}`).toEqual(Array.from(out.ref));
      }
    }
  });

  it('the bench surface (256 strikes × 8 maturities) priced on the three backends agrees bit for bit', () => {
    const strikes = Float64Array.from({ length: 256 }, (_, i) => 50 + (100 * i) / 255);
    const expiries = Float64Array.from([7, 30, 60, 91, 182, 365, 730, 1095], (d) => d / 365);
    const inputs = { spot: 100, strikes, expiries, riskFreeRates: 0.03, dividendYields: 0.01, params: { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 } };
    const ts = cosHestonBatch(inputs, { backend: 'typescript' });
    for (const backend of ['simd', 'scalar', 'auto'] as const) {
      const w = cosHestonBatch(inputs, { backend });
      expect(Array.from(w.calls), backend).toEqual(Array.from(ts.calls));
      expect(Array.from(w.puts), backend).toEqual(Array.from(ts.puts));
    }
  });
});
