import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BilinearInterpolation } from '../../src/math/interpolation/BilinearInterpolation.js';
import { LinearInterpolation } from '../../src/math/interpolation/LinearInterpolation.js';

describe('LinearInterpolation', () => {
  it('reproduces linear functions exactly, inside and (when allowed) outside the nodes', () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -2, max: 12, noNaN: true }), (a, b, x) => {
        const xs = [0, 1, 2.5, 7, 10];
        const f = new LinearInterpolation(xs, xs.map((v) => a + b * v));
        expect(f.value(x, true)).toBeCloseTo(a + b * x, 10);
        expect(f.derivative(x, true)).toBeCloseTo(b, 10);
      }),
    );
  });

  it('refuses unordered nodes, mismatched lengths and extrapolation when not allowed', () => {
    expect(() => new LinearInterpolation([0, 0], [1, 2])).toThrow(/xs\[1\] = 0/);
    expect(() => new LinearInterpolation([0, 1], [1])).toThrow(/ys.length = 1/);
    expect(() => new LinearInterpolation([0, 1], [1, 2]).value(2)).toThrow(/x = 2/);
  });
});

describe('BilinearInterpolation', () => {
  it('reproduces bilinear functions a + bx + cy + dxy exactly', () => {
    const xs = [0, 1, 3];
    const ys = [-1, 0, 2, 5];
    fc.assert(
      fc.property(fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: -1, max: 5, noNaN: true }), ([a, b, c, d], x, y) => {
        const f = (u: number, v: number) => a + b * u + c * v + d * u * v;
        const g = new BilinearInterpolation(xs, ys, ys.map((v) => xs.map((u) => f(u, v))));
        expect(g.value(x, y)).toBeCloseTo(f(x, y), 9);
      }),
    );
  });
});
