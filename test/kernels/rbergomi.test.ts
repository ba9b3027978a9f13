import { describe, expect, it } from 'vitest';
import { roughBergomiSmile } from '../../engines/roughbergomi/roughBergomiSmile.js';
import { RoughBergomiModel } from '../../src/models/RoughBergomiModel.js';
import { lcg } from '../_lib/lcg.js';

describe('rough Bergomi kernel (kernels/rbergomi.ts): f64x2, scalar WASM and TypeScript reference', () => {
  it('bitwise equal on 120 random parameter sets (odd and even step counts, antithetic on/off, mixed and plain estimators, direct and FFT convolution, curves, many strikes)', () => {
    const rnd = lcg(77);
    for (let i = 0; i < 120; i++) {
      const a = 0.01 + 0.1 * rnd();
      const b = 0.1 * rnd();
      const m = new RoughBergomiModel({
        xi0: i % 3 === 0 ? (t: number) => a + b * t : a,
        eta: 3 * rnd(), rho: i === 2 ? -1 : -1 + 2 * rnd(), H: i === 0 ? 0.5 : 0.01 + 0.49 * rnd(),
      });
      const T = 0.01 + 3 * rnd();
      const ks = Array.from({ length: 1 + Math.floor(9 * rnd()) }, () => -0.5 + rnd());
      const o = { samples: 60, steps: 1 + Math.floor(40 * rnd()), seed: i, antithetic: rnd() < 0.5, mixed: i % 2 === 0, convolution: i % 3 === 1 ? ('fft' as const) : ('direct' as const) };
      const t = roughBergomiSmile(m, T, ks, { ...o, backend: 'typescript' });
      for (const backend of ['simd', 'scalar'] as const) {
        const w = roughBergomiSmile(m, T, ks, { ...o, backend });
        expect([w.prices, w.priceErrors, w.forwardBias], `${backend} ${i} ${JSON.stringify(o)}`).toEqual([t.prices, t.priceErrors, t.forwardBias]);
      }
    }
  });
});
