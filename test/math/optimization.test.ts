// @test nelderMead, levenbergMarquardt, solveLinearSystem (internal optimisers of src/math/optimization)
import { describe, expect, it } from 'vitest';
import { differentialEvolution } from '../../src/math/optimization/differentialEvolution.js';
import { levenbergMarquardt } from '../../src/math/optimization/levenbergMarquardt.js';
import { nelderMead } from '../../src/math/optimization/nelderMead.js';
import { solveLinearSystem } from '../../src/math/optimization/_lib/solveLinearSystem.js';

describe('solveLinearSystem', () => {
  it('solves a pivoting-sensitive system exactly and reports a singular one', () => {
    // [[0, 2, 1], [1, 1, 1], [2, 1, 0]]·x = [5, 4, 4] has x = (1, 2, 1) (checked by hand).
    const x = solveLinearSystem([0, 2, 1, 1, 1, 1, 2, 1, 0], [5, 4, 4])!;
    expect(Array.from(x).map((v) => Math.round(v * 1e12) / 1e12)).toEqual([1, 2, 1]);
    expect(solveLinearSystem([1, 2, 2, 4], [1, 2])).toBeUndefined();
  });
});

describe('levenbergMarquardt with a parameter the residuals ignore', () => {
  it('still steps the others (a zero Jacobian column used to make every system singular)', () => {
    // r = (x0 − 3)·100, x1 has no effect: the minimum is x0 = 3 whatever x1 (by inspection).
    const r = levenbergMarquardt((x, out) => {
      out[0] = 100 * (x[0]! - 3);
      out[1] = 50 * (x[0]! - 3);
    }, [0, 0.5], { residualCount: 2, lower: [-10, 0], upper: [10, 1] });
    expect(Math.abs(r.x[0]! - 3)).toBeLessThan(1e-9);
    expect(r.x[1]).toBe(0.5);
  });
});

describe('nelderMead', () => {
  it("finds Rosenbrock's minimum (1, 1) from (−1.2, 1)", () => {
    const r = nelderMead((x) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2, [-1.2, 1], { steps: [0.5, 0.5], maxEvaluations: 2000, tolerance: 1e-14 });
    // Known minimum (Rosenbrock 1960): f(1, 1) = 0; 1e-4 on x for a simplex tolerance of 1e-14 on f.
    expect(Math.abs(r.x[0]! - 1)).toBeLessThan(1e-4);
    expect(Math.abs(r.x[1]! - 1)).toBeLessThan(1e-4);
    expect(r.converged).toBe(true);
  });

  it('stops on an active bound: min (x − 3)² over x ≤ 2 is x = 2', () => {
    const r = nelderMead((x) => (x[0]! - 3) ** 2, [0], { steps: [0.5], upper: [2], tolerance: 1e-14 });
    expect(r.x[0]).toBeCloseTo(2, 10);
  });
});

describe('levenbergMarquardt', () => {
  it('fits y = 2·e^(−0.7t) + 0.5 exactly from a distant start', () => {
    const t = Array.from({ length: 20 }, (_, i) => i * 0.25);
    const y = t.map((s) => 2 * Math.exp(-0.7 * s) + 0.5);
    const r = levenbergMarquardt((x, out) => t.forEach((s, i) => { out[i] = x[0]! * Math.exp(-x[1]! * s) + x[2]! - y[i]!; }), [1, 0.1, 0], { residualCount: t.length, tolerance: 1e-15, maxIterations: 500 });
    expect(r.x[0]).toBeCloseTo(2, 7);
    expect(r.x[1]).toBeCloseTo(0.7, 7);
    expect(r.x[2]).toBeCloseTo(0.5, 7);
  });

  it("minimises Rosenbrock's residuals (10(y − x²), 1 − x) and never leaves a feasible set it starts in", () => {
    const res = (x: Float64Array, out: Float64Array) => { out[0] = 10 * (x[1]! - x[0]! ** 2); out[1] = 1 - x[0]!; };
    const free = levenbergMarquardt(res, [-1.2, 1], { residualCount: 2, tolerance: 1e-16, maxIterations: 500 });
    expect(free.x[0]).toBeCloseTo(1, 6);
    expect(free.x[1]).toBeCloseTo(1, 6);
    const kept = levenbergMarquardt(res, [-1.2, 1], { residualCount: 2, maxIterations: 500, feasible: (x) => x[0]! <= 0.5 });
    expect(kept.x[0]!).toBeLessThanOrEqual(0.5);
  });
});

describe('differentialEvolution', () => {
  it('finds the global minimum of Rastrigin (many local minima) and gets near Rosenbrock’s, deterministically', () => {
    // Rastrigin: 10n + Σ(x² − 10 cos 2πx), global minimum 0 at the origin, local minima at every integer point.
    const rastrigin = (x: Float64Array) => 20 + x.reduce((s, v) => s + v * v - 10 * Math.cos(2 * Math.PI * v), 0);
    const r = differentialEvolution(rastrigin, { lower: [-5.12, -5.12], upper: [5.12, 5.12], generations: 200, seed: 7 });
    expect(r.cost).toBeLessThan(1e-6);
    expect(Math.hypot(r.x[0]!, r.x[1]!)).toBeLessThan(1e-3);
    const again = differentialEvolution(rastrigin, { lower: [-5.12, -5.12], upper: [5.12, 5.12], generations: 200, seed: 7 });
    expect(Array.from(again.x)).toEqual(Array.from(r.x));
    const rosenbrock = (x: Float64Array) => 100 * (x[1]! - x[0]! ** 2) ** 2 + (1 - x[0]!) ** 2;
    const q = differentialEvolution(rosenbrock, { lower: [-2, -2], upper: [2, 2], generations: 150 });
    expect(Math.hypot(q.x[0]! - 1, q.x[1]! - 1)).toBeLessThan(0.05);
    expect(q.evaluations).toBe(20 * 151);
  });

  it('stays in the box, treats non-finite costs as +∞, and refuses bad options by name', () => {
    const r = differentialEvolution((x) => (x[0]! > 0.5 ? Number.NaN : -x[0]!), { lower: [0], upper: [1], generations: 40 });
    expect(r.x[0]).toBeGreaterThanOrEqual(0);
    expect(r.x[0]).toBeLessThanOrEqual(0.5);
    expect(r.x[0]).toBeGreaterThan(0.45);
    expect(() => differentialEvolution(() => 0, { lower: [0], upper: [0] })).toThrow(/upper\[0\]/);
    expect(() => differentialEvolution(() => 0, { lower: [0], upper: [1], populationSize: 3 })).toThrow(/populationSize/);
    expect(() => differentialEvolution(() => 0, { lower: [0], upper: [1], crossover: 2 })).toThrow(/crossover/);
  });
});
