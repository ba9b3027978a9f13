// @test minimumNormSolve (rank-deficient normal equations of the LMM Bermudan regression)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimumNormSolve } from '../../../engines/lmm/_lib/minimumNormSolve.js';
import { solveLinearSystem } from '../../../src/math/optimization/_lib/solveLinearSystem.js';

/** AᵀA and Aᵀy of a rows × n design. */
function normal(design: number[][], y: number[]): { ata: Float64Array; atb: Float64Array } {
  const n = design[0]!.length;
  const ata = new Float64Array(n * n);
  const atb = new Float64Array(n);
  design.forEach((row, r) => {
    for (let i = 0; i < n; i++) {
      atb[i] += row[i]! * y[r]!;
      for (let j = 0; j < n; j++) ata[i * n + j] += row[i]! * row[j]!;
    }
  });
  return { ata, atb };
}

describe('minimumNormSolve', () => {
  it('equals Gaussian elimination on well-posed systems (random full-rank designs)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), { minLength: 12, maxLength: 30 }), fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }), (rows, y) => {
        const design = rows.map((r, i) => [1, r[0]! + 0.1 * i, r[1]!, r[2]! * r[3]!]);
        const { ata, atb } = normal(design, y);
        const exact = solveLinearSystem(ata, atb);
        fc.pre(exact !== undefined && exact.every((v) => Math.abs(v) < 1e6));
        const x = minimumNormSolve(ata, atb, 4);
        for (let i = 0; i < 4; i++) expect(Math.abs(x[i]! - exact![i]!)).toBeLessThan(1e-7 * (1 + Math.abs(exact![i]!)));
      }),
      { numRuns: 40, seed: 7 },
    );
  });

  it('on a design with a repeated column gives the least-squares fit with equal weights (the minimum-norm split)', () => {
    const xs = Array.from({ length: 40 }, (_, i) => -1 + i / 20);
    const design = xs.map((x) => [1, x, x, x * x]);
    const y = xs.map((x) => 0.3 - 2 * x + 0.5 * x * x + 0.01 * Math.sin(7 * x));
    const { ata, atb } = normal(design, y);
    expect(solveLinearSystem(ata, atb)).toBeUndefined();
    const b = minimumNormSolve(ata, atb, 4);
    expect(b[1]).toBeCloseTo(b[2]!, 10);
    // Normal equations hold: Aᵀ(y − Ab) = 0.
    for (let i = 0; i < 4; i++) {
      let g = 0;
      design.forEach((row, r) => {
        g += row[i]! * (y[r]! - row.reduce((s, v, j) => s + v * b[j]!, 0));
      });
      expect(Math.abs(g)).toBeLessThan(1e-10);
    }
    // The fit is the 3-regressor least squares (1, x, x²).
    const { ata: a3, atb: b3 } = normal(xs.map((x) => [1, x, x * x]), y);
    const ref = solveLinearSystem(a3, b3)!;
    expect(b[0]).toBeCloseTo(ref[0]!, 10);
    expect(b[1]! + b[2]!).toBeCloseTo(ref[1]!, 10);
    expect(b[3]).toBeCloseTo(ref[2]!, 10);
  });

  it('gives 0 for an all-zero column', () => {
    const design = Array.from({ length: 10 }, (_, i) => [1, i, 0]);
    const { ata, atb } = normal(design, design.map((r) => 2 + 3 * r[1]!));
    const b = minimumNormSolve(ata, atb, 3);
    expect(b[0]).toBeCloseTo(2, 10);
    expect(b[1]).toBeCloseTo(3, 10);
    expect(b[2]).toBe(0);
  });
});
