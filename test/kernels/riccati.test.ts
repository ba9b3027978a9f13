import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { adamsRiccatiRun } from '../../src/kernels/riccati.js';
import { adamsRiccatiReference } from '../../src/kernels/riccati.reference.js';
import { adamsWeights } from '../../src/math/fractional/adamsWeights.js';

// A random batch: m nodes of rough-Heston-like coefficients on a random increasing grid.
function batch(seed: number, m: number, n: number) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const grid = [0];
  for (let k = 1; k <= n; k++) grid.push(grid[k - 1]! + 0.001 + rnd() * 0.02);
  const coef = new Float64Array(8 * m);
  for (let i = 0; i < m; i++) {
    const u = rnd() * 40;
    coef[i] = -0.5 * u * u;
    coef[m + i] = -0.5 * u;
    coef[2 * m + i] = -rnd();
    coef[3 * m + i] = -0.7 * 0.4 * u * rnd();
    coef[4 * m + i] = 0.08 * rnd();
    coef[5 * m + i] = 0.01 * (rnd() - 0.5);
    coef[6 * m + i] = rnd() - 0.5;
    coef[7 * m + i] = rnd() - 0.5;
  }
  return { grid, coef, alpha: 0.51 + 0.49 * rnd() };
}

describe('adams Riccati kernel: WebAssembly SIMD, scalar and TypeScript give the same bits', () => {
  it.each([
    ['pece', false],
    ['implicit', true],
  ] as const)('%s corrector, random grids and nodes (odd and even step counts)', (_, implicit) => {
    for (const [seed, m, n] of [[1, 7, 33], [2, 16, 64], [3, 1, 1], [4, 3, 2]] as const) {
      const { grid, coef, alpha } = batch(seed, m, n);
      const w = adamsWeights(alpha, grid);
      const outs = (['typescript', 'scalar', 'simd'] as const).map((backend) => {
        const psi = new Float64Array(2 * m * (n + 1));
        const f = new Float64Array(2 * m * (n + 1));
        const bad = adamsRiccatiRun(m, n, w.predictor, w.corrector, coef, psi, f, backend, implicit);
        return { psi, f, bad };
      });
      for (const o of outs.slice(1)) {
        expect(o.bad).toBe(outs[0]!.bad);
        expect(Array.from(o.psi)).toEqual(Array.from(outs[0]!.psi));
        expect(Array.from(o.f)).toEqual(Array.from(outs[0]!.f));
      }
    }
  });

  it('property: the reference and the SIMD kernel agree bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 40 }), fc.boolean(), (seed, m, n, implicit) => {
        const { grid, coef, alpha } = batch(seed, m, n);
        const w = adamsWeights(alpha, grid);
        const a = new Float64Array(2 * m * (n + 1));
        const fa = new Float64Array(2 * m * (n + 1));
        const b = new Float64Array(2 * m * (n + 1));
        const fb = new Float64Array(2 * m * (n + 1));
        adamsRiccatiReference(m, n, w.predictor, w.corrector, coef, a, fa, implicit ? 1 : 0);
        adamsRiccatiRun(m, n, w.predictor, w.corrector, coef, b, fb, 'simd', implicit);
        expect(Array.from(b)).toEqual(Array.from(a));
      }),
      { numRuns: 40 },
    );
  });

  it('flags a blow-up (ψ′ = ψ², ψ(0) = 1 explodes at t = 1) on every backend', () => {
    const grid = Array.from({ length: 41 }, (_, k) => (k * 2) / 40);
    const w = adamsWeights(1, grid);
    const coef = Float64Array.of(0, 0, 0, 0, 1, 0, 1, 0);
    for (const backend of ['typescript', 'scalar', 'simd'] as const) {
      const psi = new Float64Array(2 * 41);
      expect(adamsRiccatiRun(1, 40, w.predictor, w.corrector, coef, psi, new Float64Array(2 * 41), backend)).toBe(1);
    }
  });

  it('refuses an unknown backend', () => {
    const w = adamsWeights(0.6, [0, 1]);
    expect(() => adamsRiccatiRun(1, 1, w.predictor, w.corrector, new Float64Array(8), new Float64Array(4), new Float64Array(4), 'gpu' as never)).toThrow(InvalidInputError);
  });
});
