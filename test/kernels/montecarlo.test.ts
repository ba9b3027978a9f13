import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BrownianBridge } from '../../engines/montecarlo/BrownianBridge.js';
import { MersenneTwister } from '../../engines/montecarlo/MersenneTwister.js';
import { mcGbmRun, philoxNormals } from '../../src/kernels/montecarlo.js';
import type { GbmKernelInputs } from '../../src/kernels/montecarlo.reference.js';

/** A flat-parameter step layout on n equal steps to T (log drift, σ, √Δt, discount, fixing flag). */
function stepData(n: number, T: number, r: number, q: number, sigma: number, fixEvery = 1): { times: Float64Array; sd: Float64Array } {
  const times = Float64Array.from({ length: n }, (_, j) => (T * (j + 1)) / n);
  const sd = new Float64Array(5 * n);
  const dt = T / n;
  for (let j = 0; j < n; j++) {
    sd[j] = (r - q - 0.5 * sigma * sigma) * dt;
    sd[n + j] = sigma;
    sd[2 * n + j] = Math.sqrt(dt);
    sd[3 * n + j] = Math.exp(-r * times[j]!);
    sd[4 * n + j] = (j + 1) % fixEvery === 0 ? 1 : 0;
  }
  return { times, sd };
}

function relDiff(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(1e-300, Math.abs(b[i]!)));
  return worst;
}

describe('Monte Carlo kernels: WebAssembly vs TypeScript reference', () => {
  it('the fused GBM kernel agrees with the reference (≤ 1e-12 relative) for every payoff kind, rng source, bridge and antithetic setting', () => {
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>,
          n: fc.integer({ min: 1, max: 24 }),
          T: fc.double({ min: 0.01, max: 5, noNaN: true }),
          sigma: fc.double({ min: 0.01, max: 1.5, noNaN: true }),
          r: fc.double({ min: -0.05, max: 0.1, noNaN: true }),
          barrierType: fc.integer({ min: 0, max: 3 }),
          antithetic: fc.boolean(),
          bridge: fc.boolean(),
          uniforms: fc.boolean(),
          seed: fc.integer({ min: 0, max: 2 ** 31 }),
          omega: fc.constantFrom(1, -1),
        }),
        (c) => {
          const { times, sd } = stepData(c.n, c.T, c.r, 0.01, c.sigma, 2);
          const samples = 300;
          const S0 = 100;
          const B = c.barrierType % 2 === 0 ? 85 : 118;
          const params = Float64Array.of(Math.log(S0), 100, c.omega, Math.log(B), c.barrierType, 2.5, 0, 0, 0, Math.floor(c.n / 2) || 1, Math.exp(-c.r * c.T));
          const uni = c.uniforms ? new MersenneTwister(c.seed).fillUniforms(new Float64Array(samples * c.n)) : undefined;
          const inp: GbmKernelInputs = {
            kind: c.kind, samples, firstPath: 17, key0: c.seed, key1: 3, steps: c.n, antithetic: c.antithetic,
            uniforms: uni, bridge: c.bridge ? new BrownianBridge(times).packed : undefined, stepData: sd, params,
          };
          const rows = samples * c.n * (c.antithetic ? 2 : 1);
          const accW = new Float64Array(5), accS = new Float64Array(5), accT = new Float64Array(5);
          const pw = new Float64Array(rows), ps = new Float64Array(rows), pt = new Float64Array(rows);
          mcGbmRun(inp, accW, pw, 'simd');
          mcGbmRun(inp, accS, ps, 'scalar');
          mcGbmRun(inp, accT, pt, 'typescript');
          expect(relDiff(accS, accT)).toBeLessThanOrEqual(1e-12);
          // Same operations in the same order, no fused multiply–add in either: bitwise in practice; 1e-12 allows for nothing more than reassociation.
          expect(relDiff(accW, accT)).toBeLessThanOrEqual(1e-12);
          if (c.kind === 3) expect(relDiff(pw, pt)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 60, seed: 20251124 },
    );
  });

  it('large batches cross the scratch chunk boundary and still agree (MT19937 uniforms, 4096 samples × 200 steps)', () => {
    const n = 200;
    const { sd } = stepData(n, 1, 0.03, 0, 0.3);
    const params = Float64Array.of(Math.log(100), 100, 1, 0, 0, 0, 0, 0, 0, 1, Math.exp(-0.03));
    const uni = new MersenneTwister(1).fillUniforms(new Float64Array(4096 * n));
    const inp: GbmKernelInputs = { kind: 0, samples: 4096, firstPath: 0, key0: 1, key1: 0, steps: n, antithetic: false, uniforms: uni, stepData: sd, params };
    const a = new Float64Array(5), b = new Float64Array(5);
    mcGbmRun(inp, a, undefined, 'simd');
    mcGbmRun(inp, b, undefined, 'typescript');
    expect(relDiff(a, b)).toBeLessThanOrEqual(1e-12);
  });

  it('Philox normals: WASM (i64x2/f64x2 and scalar) and TypeScript identical for 10^5 draws, odd dimensions included', () => {
    for (const dims of [100, 7]) {
      const a = philoxNormals(987654321, 5, 1000, dims, { backend: 'simd' });
      const s = philoxNormals(987654321, 5, 1000, dims, { backend: 'scalar' });
      const b = philoxNormals(987654321, 5, 1000, dims, { backend: 'typescript' });
      expect(relDiff(a, b)).toBe(0);
      expect(relDiff(s, b)).toBe(0);
    }
  });

  it('the European kernel with one exact step reproduces the Black–Scholes call within 4 se (Philox, 2^16 samples)', () => {
    const { sd } = stepData(1, 1, 0.05, 0.01, 0.2);
    const params = Float64Array.of(Math.log(100), 100, 1, 0, 0, 0, 0, 0, 0, 1, Math.exp(-0.05));
    const acc = new Float64Array(5);
    const N = 65536;
    mcGbmRun({ kind: 0, samples: N, firstPath: 0, key0: 77, key1: 0, steps: 1, antithetic: false, stepData: sd, params }, acc);
    const mean = acc[0]! / N;
    const se = Math.sqrt((acc[1]! / N - mean * mean) / (N - 1));
    // Black–Scholes–Merton call, S=K=100, r=5 %, q=1 %, σ=20 %, T=1 (Haug 2007 §1.1.6), evaluated with Python's math.erfc.
    const bs = 9.826297782739111;
    expect(Math.abs(mean - bs)).toBeLessThan(4 * se);
  });
});
