import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BackwardFlatInterpolation } from '../../src/math/interpolation/BackwardFlatInterpolation.js';
import { CubicNaturalSpline } from '../../src/math/interpolation/CubicNaturalSpline.js';
import { LinearInterpolation } from '../../src/math/interpolation/LinearInterpolation.js';
import { MonotoneConvexInterpolation } from '../../src/math/interpolation/MonotoneConvexInterpolation.js';

/** Strictly increasing nodes from positive gaps. */
const gridFrom = (gaps: number[], start = 0): number[] => gaps.reduce<number[]>((xs, g) => [...xs, xs[xs.length - 1]! + g], [start]);
const gaps = (min: number, max: number) => fc.array(fc.double({ min: 0.05, max: 3, noNaN: true }), { minLength: min, maxLength: max });

describe('LinearInterpolation.primitive', () => {
  it('integrates linear data in closed form: a(x − x0) + b(x² − x0²)/2, inside and outside the nodes', () => {
    const xs = [1, 2, 4, 7];
    const f = new LinearInterpolation(xs, xs.map((x) => 3 - 0.5 * x));
    for (const x of [0, 1, 1.5, 4, 6.9, 9]) {
      expect(f.primitive(x, true)).toBeCloseTo(3 * (x - 1) - 0.25 * (x * x - 1), 13);
    }
    expect(() => f.primitive(8)).toThrow(/x = 8/);
  });
});

describe('BackwardFlatInterpolation', () => {
  it('takes the right-hand node value on each interval and integrates the steps exactly', () => {
    const f = new BackwardFlatInterpolation([0, 1, 3], [5, 10, 30]);
    expect([f.value(0), f.value(0.5), f.value(1), f.value(1.000001), f.value(3), f.value(4, true)]).toEqual([5, 10, 10, 30, 30, 30]);
    expect(f.primitive(1.5)).toBe(25); // 10·1 + 30·0.5, the docstring's example on another grid
    expect(new BackwardFlatInterpolation([0, 1, 2], [5, 10, 30]).primitive(1.5)).toBe(25);
    expect(f.primitive(3)).toBe(70);
    expect(f.primitive(4, true)).toBe(100);
    expect(f.primitive(-1, true)).toBe(-5);
    expect(() => f.value(3.5)).toThrow(/extrapolation not allowed/);
  });
});

describe('CubicNaturalSpline', () => {
  it('the docstring example: through (0,0), (1,1), (2,0) the natural spline is 1.5x − 0.5x³ on [0, 1]', () => {
    const s = new CubicNaturalSpline([0, 1, 2], [0, 1, 0]);
    expect(s.value(0.5)).toBe(0.6875);
    expect(s.derivative(0)).toBeCloseTo(1.5, 15);
  });

  it('matches Burden & Faires, Numerical Analysis (9th ed.), §3.5 Example 2: natural spline of e^x at 0, 1, 2, 3 (5 decimals printed)', () => {
    const s = new CubicNaturalSpline([0, 1, 2, 3], [1, Math.E, Math.E ** 2, Math.E ** 3]);
    // S0(x) = 1 + 1.46600x + 0.25228x³; S1'(1) = 2.22285, S1''(1)/2 = 0.75685; S2'(2) = 8.80977.
    expect(Math.abs(s.derivative(0) - 1.466)).toBeLessThan(1e-5);
    expect(Math.abs(s.value(0.5) - (1 + 1.466 * 0.5 + 0.25228 * 0.125))).toBeLessThan(1e-5);
    expect(Math.abs(s.derivative(1) - 2.22285)).toBeLessThan(1e-5);
    expect(Math.abs(s.secondDerivative(1) / 2 - 0.75685)).toBeLessThan(1e-5);
    expect(Math.abs(s.derivative(2) - 8.80977)).toBeLessThan(1e-5);
  });

  it('passes through the nodes, reproduces linear data, is C² with zero end curvature (property)', () => {
    fc.assert(
      fc.property(gaps(2, 8), fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 9, maxLength: 9 }), fc.double({ min: -2, max: 2, noNaN: true }), (g, ys, b) => {
        const xs = gridFrom(g);
        const s = new CubicNaturalSpline(xs, ys.slice(0, xs.length));
        xs.forEach((x, i) => expect(s.value(x)).toBeCloseTo(ys[i]!, 10));
        expect(s.secondDerivative(xs[0]!)).toBeCloseTo(0, 8);
        expect(s.secondDerivative(xs[xs.length - 1]!)).toBeCloseTo(0, 8);
        for (let i = 1; i < xs.length - 1; i++) {
          const e = 1e-10;
          // Left and right limits of y' and y'' agree at inner nodes: the gap is e·|y''| ≤ 1e-6
          // and e·|y'''| ≤ 1e-4 for these grids (gaps ≥ 0.05, |y| ≤ 5), plus rounding.
          expect(Math.abs(s.derivative(xs[i]! - e) - s.derivative(xs[i]!))).toBeLessThan(1e-5);
          expect(Math.abs(s.secondDerivative(xs[i]! - e) - s.secondDerivative(xs[i]!))).toBeLessThan(1e-3);
        }
        const line = new CubicNaturalSpline(xs, xs.map((x) => 1 + b * x));
        for (const x of [xs[0]!, (xs[0]! + xs[1]!) / 2, xs[xs.length - 1]! + 1]) expect(line.value(x, true)).toBeCloseTo(1 + b * x, 10);
      }),
      { numRuns: 100 },
    );
  });

  it('the monotonic variant keeps monotone data monotone; the plain spline overshoots a step (limit case)', () => {
    const xs = [0, 1, 2, 3, 4, 5];
    const step = [0, 0, 0, 1, 1, 1];
    const plain = new CubicNaturalSpline(xs, step);
    const mono = new CubicNaturalSpline(xs, step, { monotonic: true });
    let plainMin = Infinity;
    let monoMin = Infinity;
    let monoMax = -Infinity;
    for (let x = 0; x <= 5; x += 0.01) {
      plainMin = Math.min(plainMin, plain.value(x));
      monoMin = Math.min(monoMin, mono.value(x));
      monoMax = Math.max(monoMax, mono.value(x));
    }
    expect(plainMin).toBeLessThan(-0.01);
    expect(monoMin).toBeGreaterThanOrEqual(0);
    expect(monoMax).toBeLessThanOrEqual(1);
    fc.assert(
      fc.property(gaps(2, 8), fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 9, maxLength: 9 }), (g, rises) => {
        const nodes = gridFrom(g);
        const ys = gridFrom(rises.slice(0, nodes.length - 1));
        const s = new CubicNaturalSpline(nodes, ys, { monotonic: true });
        let previous = -Infinity;
        for (let k = 0; k <= 400; k++) {
          const x = Math.min(nodes[0]! + ((nodes[nodes.length - 1]! - nodes[0]!) * k) / 400, nodes[nodes.length - 1]!);
          const y = s.value(x);
          expect(y).toBeGreaterThanOrEqual(previous - 1e-12);
          previous = y;
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('MonotoneConvexInterpolation (Hagan & West 2006)', () => {
  const averagesToPrimitives = (xs: number[], averages: number[]): number[] => xs.map((_, i) => averages.slice(0, i).reduce((s, a, k) => s + a * (xs[k + 1]! - xs[k]!), 0));

  it('the docstring example and constant averages give a constant function', () => {
    expect(new MonotoneConvexInterpolation([0, 1, 2], [0, 0.02, 0.05]).primitive(2)).toBe(0.05);
    const flat = new MonotoneConvexInterpolation([0, 0.5, 2, 5], [0, 0.015, 0.06, 0.15]);
    for (const x of [0, 0.3, 1, 4.9, 7]) expect(flat.value(x, true)).toBeCloseTo(0.03, 15);
  });

  it('reproduces the node integrals, is continuous at the nodes, F′ = f, and keeps f ≥ 0 for positive averages (property)', () => {
    fc.assert(
      // Averages on a 1 bp lattice: neighbours are equal or ≥ 1 bp apart. (Neighbours 1e-20 apart
      // make Hagan–West's breakpoint η fall within 1e-11 of a node: continuous, but a ramp too
      // steep for a finite-difference test to tell from a jump.)
      fc.property(gaps(1, 10), fc.array(fc.integer({ min: 1, max: 1500 }), { minLength: 10, maxLength: 10 }), (g, bps) => {
        const xs = gridFrom(g);
        const averages = bps.slice(0, xs.length - 1).map((b) => b * 1e-4);
        const F = averagesToPrimitives(xs, averages);
        const mc = new MonotoneConvexInterpolation(xs, F);
        xs.forEach((x, i) => expect(mc.primitive(x)).toBeCloseTo(F[i]!, 13));
        for (let i = 1; i < xs.length - 1; i++) {
          // Continuity: the gap to the left limit shrinks with the step (a jump would not); f′ can be
          // large near a breakpoint, so the test is the ratio, with a 1e-12 floor for rounding.
          const gap = (e: number) => Math.abs(mc.value(xs[i]! - e) - mc.value(xs[i]!));
          expect(gap(1e-13)).toBeLessThanOrEqual(0.1 * gap(1e-11) + 1e-12);
        }
        const lo = xs[0]!;
        const hi = xs[xs.length - 1]!;
        for (let k = 0; k <= 200; k++) {
          const x = Math.min(lo + ((hi - lo) * k) / 200, hi);
          expect(mc.value(x)).toBeGreaterThanOrEqual(0);
          if (x - 1e-7 > lo && x + 1e-7 < hi) {
            // Central difference of F: exact on a quadratic piece, off by ≤ 1e-7·|jump of f′| across a node.
            const slope = (mc.primitive(x + 1e-7) - mc.primitive(x - 1e-7)) / 2e-7;
            expect(Math.abs(slope - mc.value(x))).toBeLessThan(1e-4);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('strictly increasing averages give an increasing function (property)', () => {
    fc.assert(
      fc.property(gaps(2, 8), fc.array(fc.double({ min: 1e-5, max: 0.02, noNaN: true }), { minLength: 9, maxLength: 9 }), (g, rises) => {
        const xs = gridFrom(g);
        const averages = gridFrom(rises.slice(0, xs.length - 2), 0.01);
        const mc = new MonotoneConvexInterpolation(xs, averagesToPrimitives(xs, averages));
        let previous = -Infinity;
        for (let k = 0; k <= 400; k++) {
          const v = mc.value(Math.min(xs[0]! + ((xs[xs.length - 1]! - xs[0]!) * k) / 400, xs[xs.length - 1]!));
          expect(v).toBeGreaterThanOrEqual(previous - 1e-12);
          previous = v;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('negative averages are interpolated without positivity bounds, and bad input is refused', () => {
    const xs = [0, 1, 2, 3];
    const averages = [-0.01, 0.02, -0.005];
    const mc = new MonotoneConvexInterpolation(xs, averagesToPrimitives(xs, averages));
    expect(mc.primitive(3)).toBeCloseTo(0.005, 15);
    expect(() => new MonotoneConvexInterpolation([0, 1], [0])).toThrow(/primitives.length = 1/);
    expect(() => new MonotoneConvexInterpolation([0, 0], [0, 1])).toThrow(/xs\[1\] = 0/);
    expect(() => mc.value(3.5)).toThrow(/x = 3.5 is outside the allowed range \[0, 3\]/);
  });

  it('an average equal to its neighbour next to a change (g0 = 0, a degenerate sector boundary) stays continuous: the quadratic, dipping by g1/3', () => {
    const xs = [0, 1, 2, 3];
    const mc = new MonotoneConvexInterpolation(xs, averagesToPrimitives(xs, [0.01, 0.01, 0.02]));
    // f1 = 0.01 = f^d_2, so g0 = 0 on [1, 2] and g1 = f2 − 0.01 = 0.005: g(u) = g1 (3u² − 2u).
    expect(mc.value(2)).toBeCloseTo(0.015, 15);
    expect(mc.value(1 + 1 / 3)).toBeCloseTo(0.01 - 0.005 / 3, 15);
    expect(mc.primitive(2)).toBeCloseTo(0.02, 15);
  });
});
