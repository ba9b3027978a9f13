import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HullWhiteTrinomialTree } from '../../../src/math/lattices/HullWhiteTrinomialTree.js';
import { timeGridWithMandatoryTimes, gridIndexOf } from '../../../src/math/lattices/timeGridWithMandatoryTimes.js';
import { InvalidInputError } from '../../../src/errors.js';

// A humped, non-flat curve: f(t) = 0.02 + 0.01 t e^{−t/3}; P(0,t) = exp(−∫f).
const P = (t: number) => Math.exp(-(0.02 * t + 0.01 * (9 - 3 * (t + 3) * Math.exp(-t / 3))));

/** Rolls a unit paid at t_n back to 0. */
function zeroBond(tree: HullWhiteTrinomialTree, n: number): number {
  let v = new Float64Array(tree.size(n)).fill(1);
  for (let i = n - 1; i >= 0; i--) {
    const out = new Float64Array(tree.size(i));
    tree.stepBack(i, v, out);
    v = out;
  }
  return v[0] as number;
}

describe('timeGridWithMandatoryTimes', () => {
  it('puts every mandatory time on the grid, starts at 0 and increases', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 30, noNaN: true }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 300 }), (ts, steps) => {
        const g = timeGridWithMandatoryTimes(ts, steps);
        expect(g[0]).toBe(0);
        for (let i = 1; i < g.length; i++) expect(g[i]).toBeGreaterThan(g[i - 1] as number);
        for (const t of ts) expect(gridIndexOf(g, t)).toBeGreaterThanOrEqual(0);
        // each interval gets max(1, round(Δ/Δt_max)) steps: the total is within the number of intervals of the target
        expect(g.length - 1).toBeLessThanOrEqual(steps + ts.length);
      }),
      { numRuns: 100 },
    );
  });

  it('refuses negative times, no positive time and bad step counts, naming the argument', () => {
    expect(() => timeGridWithMandatoryTimes([-1, 2], 10)).toThrow(/mandatoryTimes\[0\]/);
    expect(() => timeGridWithMandatoryTimes([0], 10)).toThrow(InvalidInputError);
    expect(() => timeGridWithMandatoryTimes([1], 0)).toThrow(/steps/);
  });
});

describe('HullWhiteTrinomialTree (Hull & White 1994)', () => {
  it('reprices every discount factor of the grid exactly (forward induction on Arrow–Debreu prices)', () => {
    // Tolerance 1e-13 relative: α is fitted so that Σ Q e^{−rΔt} = P(0, t_{i+1}); only rounding remains.
    const grid = timeGridWithMandatoryTimes([0.25, 1, 2.5, 7, 10], 200);
    const tree = new HullWhiteTrinomialTree(0.08, 0.012, P, grid);
    for (const n of [1, 7, 40, 111, grid.length - 1]) {
      const t = grid[n] as number;
      expect(Math.abs(zeroBond(tree, n) / P(t) - 1), `t=${t}`).toBeLessThan(1e-13);
    }
    const lastQ = tree.lastStatePrices.reduce((s, q) => s + q, 0);
    expect(Math.abs(lastQ / P(grid[grid.length - 1] as number) - 1)).toBeLessThan(1e-13);
  });

  it('branch probabilities are in [0, 1], sum to 1 and match the mean and variance of x over the step', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1, noNaN: true }), fc.double({ min: 0.001, max: 0.05, noNaN: true }), fc.integer({ min: 5, max: 150 }), (a, sigma, steps) => {
        const grid = timeGridWithMandatoryTimes([0.3, 1.7, 5], steps);
        const tree = new HullWhiteTrinomialTree(a, sigma, P, grid);
        for (let i = 0; i < tree.steps; i += Math.max(1, Math.floor(tree.steps / 7))) {
          const dt = (grid[i + 1] as number) - (grid[i] as number);
          const mean = Math.exp(-a * dt);
          const variance = (sigma * sigma * -Math.expm1(-2 * a * dt)) / (2 * a);
          const J = tree.halfWidths[i] as number;
          const Jn = tree.halfWidths[i + 1] as number;
          const dxn = tree.dx[i + 1] as number;
          for (const jj of [0, J, 2 * J]) {
            const b = tree.branch(i, jj);
            for (const p of [b.pu, b.pm, b.pd]) {
              expect(p).toBeGreaterThanOrEqual(-1e-15);
              expect(p).toBeLessThanOrEqual(1);
            }
            expect(Math.abs(b.pu + b.pm + b.pd - 1)).toBeLessThan(1e-14);
            const x = tree.state(i, jj);
            const xk = (b.middle - Jn) * dxn;
            const m1 = b.pu * (xk + dxn) + b.pm * xk + b.pd * (xk - dxn);
            const m2 = b.pu * (xk + dxn) ** 2 + b.pm * xk ** 2 + b.pd * (xk - dxn) ** 2;
            expect(Math.abs(m1 - x * mean)).toBeLessThan(1e-14 + 1e-12 * Math.abs(x));
            // m2 − m1² cancels: rounding scales with x² + variance
            expect(Math.abs(m2 - m1 * m1 - variance)).toBeLessThan(1e-12 * (variance + x * x));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('switches branching at j_max = ⌈0.184/(1 − e^{−aΔt})⌉ (uniform steps), so the width stops growing', () => {
    const a = 0.1;
    const grid = timeGridWithMandatoryTimes([10], 1000);
    const tree = new HullWhiteTrinomialTree(a, 0.01, P, grid);
    const jmax = Math.ceil(0.184 / -Math.expm1(-a * 0.01));
    expect(Math.max(...tree.halfWidths)).toBe(jmax);
    // at the top node the middle branch is j_max − 1: "down" branching (j_max, j_max − 1, j_max − 2)
    const i = 900;
    const top = tree.branch(i, 2 * jmax);
    expect(top.middle - jmax).toBe(jmax - 1);
    const bottom = tree.branch(i, 0);
    expect(bottom.middle - jmax).toBe(-(jmax - 1));
  });

  it('works without mean reversion (a = 0, Ho–Lee: the tree keeps growing)', () => {
    const grid = timeGridWithMandatoryTimes([2], 50);
    const tree = new HullWhiteTrinomialTree(0, 0.01, P, grid);
    expect(tree.halfWidths[50]).toBe(50);
    expect(Math.abs(zeroBond(tree, 50) / P(2) - 1)).toBeLessThan(1e-13);
  });

  it('refuses bad parameters, grids and discount factors with a message naming them', () => {
    const g = timeGridWithMandatoryTimes([1], 10);
    expect(() => new HullWhiteTrinomialTree(-0.1, 0.01, P, g)).toThrow(/\ba\b/);
    expect(() => new HullWhiteTrinomialTree(0.1, 0, P, g)).toThrow(/sigma/);
    expect(() => new HullWhiteTrinomialTree(0.1, 0.01, P, Float64Array.from([0, 1, 1]))).toThrow(/times\[2\]/);
    expect(() => new HullWhiteTrinomialTree(0.1, 0.01, () => Number.NaN, g)).toThrow(InvalidInputError);
  });
});
