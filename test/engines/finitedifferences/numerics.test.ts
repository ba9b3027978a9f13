import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brennanSchwartz } from '../../../engines/finitedifferences/brennanSchwartz.js';
import { concentratedGrid } from '../../../engines/finitedifferences/concentratedGrid.js';
import { psor } from '../../../engines/finitedifferences/psor.js';
import { solveTridiagonal } from '../../../engines/finitedifferences/solveTridiagonal.js';
import { ConvergenceError } from '../../../src/errors.js';

/** A diffusion-like M-matrix (I − θΔt·L with L a discrete second derivative plus drift). */
function system(n: number, c: number, drift: number) {
  const lower = new Float64Array(n).fill(-c - drift);
  const upper = new Float64Array(n).fill(-c + drift);
  const diag = new Float64Array(n).fill(1 + 2 * c);
  return { lower, diag, upper };
}

describe('finite-difference numerics', () => {
  it('concentratedGrid: ends exact, centre on a node, increasing, denser at the centre', () => {
    const x = concentratedGrid(-1, 2, 101, 0.3, 0.1);
    expect(x[0]).toBe(-1);
    expect(x[100]).toBe(2);
    expect(x.includes(0.3)).toBe(true);
    for (let i = 1; i < x.length; i++) expect(x[i]!).toBeGreaterThan(x[i - 1]!);
    const k = x.indexOf(0.3);
    expect(x[k + 1]! - x[k]!).toBeLessThan((x[100]! - x[99]!) / 3);
    // Neighbouring spacings across the pinned node differ by O(1/size) only.
    expect(Math.abs((x[k + 1]! - x[k]!) / (x[k]! - x[k - 1]!) - 1)).toBeLessThan(0.05);
    expect(() => concentratedGrid(1, 1, 10, 1, 0.1)).toThrow(/xMax = 1/);
  });

  it('solveTridiagonal: residual of A·v = d at round-off level (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.double({ min: 0, max: 50, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }), (n, c, drift) => {
        const { lower, diag, upper } = system(n, c, drift * c);
        const d = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
        const v = solveTridiagonal(lower, diag, upper, d, new Float64Array(n));
        for (let i = 0; i < n; i++) {
          const r = (i > 0 ? lower[i]! * v[i - 1]! : 0) + diag[i]! * v[i]! + (i < n - 1 ? upper[i]! * v[i + 1]! : 0) - d[i]!;
          expect(Math.abs(r)).toBeLessThan(1e-12 * (1 + 4 * c));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('Brennan–Schwartz and PSOR solve the same put-like LCP', () => {
    const n = 80;
    const { lower, diag, upper } = system(n, 20, 2);
    const obstacle = Float64Array.from({ length: n }, (_, i) => Math.max(1 - i / 40, 0));
    const rhs = Float64Array.from({ length: n }, (_, i) => 0.9 * Math.max(1 - i / 40, 0) + 0.01);
    const a = brennanSchwartz(lower, diag, upper, rhs, obstacle, true, new Float64Array(n));
    const b = Float64Array.from(obstacle);
    const sweeps = psor(lower, diag, upper, rhs, obstacle, b, 1.5, 1e-14);
    expect(sweeps).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) {
      // Complementarity: v ≥ g, A·v ≥ d, and equality in one of them at every node.
      expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-11);
      expect(a[i]!).toBeGreaterThanOrEqual(obstacle[i]!);
      const r = (i > 0 ? lower[i]! * a[i - 1]! : 0) + diag[i]! * a[i]! + (i < n - 1 ? upper[i]! * a[i + 1]! : 0) - rhs[i]!;
      expect(r).toBeGreaterThan(-1e-12);
      expect(Math.min(r, a[i]! - obstacle[i]!)).toBeLessThan(1e-11);
    }
    // Without an active obstacle, Brennan–Schwartz is the plain tridiagonal solve.
    const none = new Float64Array(n).fill(-1e9);
    const plain = solveTridiagonal(lower, diag, upper, rhs, new Float64Array(n));
    const call = brennanSchwartz(lower, diag, upper, rhs, none, false, new Float64Array(n));
    for (let i = 0; i < n; i++) expect(Math.abs(call[i]! - plain[i]!)).toBeLessThan(1e-12);
  });

  it('PSOR reports non-convergence as a ConvergenceError', () => {
    const { lower, diag, upper } = system(50, 1000, 0);
    const obstacle = new Float64Array(50);
    const rhs = new Float64Array(50).fill(1);
    expect(() => psor(lower, diag, upper, rhs, obstacle, new Float64Array(50), 1.0, 1e-15, 3)).toThrow(ConvergenceError);
  });
});
