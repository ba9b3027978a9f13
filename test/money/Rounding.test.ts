import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { Rounding } from '../../src/money/Rounding.js';
import { RoundingType as RT } from '../../src/money/RoundingType.js';
import { InvalidInputError } from '../../src/errors.js';

// The twenty cases of QuantLib's test-suite/rounding.cpp ("known good results"):
// x, precision, Closest, Up, Down, Floor, Ceiling.
const QUANTLIB_CASES: Array<[number, number, number, number, number, number, number]> = [
  [0.86313513, 5, 0.86314, 0.86314, 0.86313, 0.86314, 0.86313],
  [-7.64555346, 1, -7.6, -7.7, -7.6, -7.6, -7.6],
  [0.13961605, 2, 0.14, 0.14, 0.13, 0.14, 0.13],
  [0.14344179, 4, 0.1434, 0.1435, 0.1434, 0.1434, 0.1434],
  [-4.74315016, 2, -4.74, -4.75, -4.74, -4.74, -4.74],
  [-7.82772074, 5, -7.82772, -7.82773, -7.82772, -7.82772, -7.82772],
  [2.74137947, 3, 2.741, 2.742, 2.741, 2.741, 2.741],
  [2.13056714, 1, 2.1, 2.2, 2.1, 2.1, 2.1],
  [-1.0622867, 1, -1.1, -1.1, -1.0, -1.0, -1.1],
  [8.29234094, 4, 8.2923, 8.2924, 8.2923, 8.2923, 8.2923],
  [7.90185598, 2, 7.9, 7.91, 7.9, 7.9, 7.9],
  [-0.26738058, 1, -0.3, -0.3, -0.2, -0.2, -0.3],
  [1.78128713, 1, 1.8, 1.8, 1.7, 1.8, 1.7],
  [4.2353726, 1, 4.2, 4.3, 4.2, 4.2, 4.2],
  [3.64369953, 4, 3.6437, 3.6437, 3.6436, 3.6437, 3.6436],
  [6.3454247, 2, 6.35, 6.35, 6.34, 6.35, 6.34],
  [-0.84754962, 4, -0.8475, -0.8476, -0.8475, -0.8475, -0.8475],
  [4.60998652, 1, 4.6, 4.7, 4.6, 4.6, 4.6],
  [6.28794223, 3, 6.288, 6.288, 6.287, 6.288, 6.287],
  [7.89428221, 2, 7.89, 7.9, 7.89, 7.89, 7.89],
];

describe('Rounding against QuantLib test-suite/rounding.cpp', () => {
  const types: Array<[RT, number]> = [[RT.Closest, 2], [RT.Up, 3], [RT.Down, 4], [RT.Floor, 5], [RT.Ceiling, 6]];
  it.each(QUANTLIB_CASES)('x = %d at %i places', (...row) => {
    const [x, precision] = row;
    for (const [type, column] of types) {
      // Exact: the result is the decimal literal, so number and Decimal paths must match it exactly.
      expect(new Rounding(precision, type).round(x), `${RT[type]}`).toBe(row[column]);
      expect(new Rounding(precision, type).round(new Decimal(String(x))).toString(), `${RT[type]} Decimal`).toBe(new Decimal(row[column]).toString());
    }
  });
});

describe('Rounding semantics (QuantLib rounding.hpp, OMG Currency spec)', () => {
  it('rounds the decimal value: Closest(2) of 1.005 is 1.01', () => {
    // QuantLib works on the binary double (1.005·100 = 100.4999…) and returns 1.00; quantflow
    // rounds the decimal 1.005, as a person reading the number would.
    expect(new Rounding(2).round(1.005)).toBe(1.01);
    expect(new Rounding(2).round(-1.005)).toBe(-1.01);
    expect(new Rounding(2).round(new Decimal('1.0049999999999999'))).toEqual(new Decimal('1'));
  });
  it('half-way cases at zero places (OMG examples with rounding digit 5)', () => {
    const r = (t: RT) => new Rounding(0, t);
    expect([4.5, -4.5].map((x) => r(RT.Closest).round(x))).toEqual([5, -5]);
    expect([4.5, -4.5].map((x) => r(RT.Up).round(x))).toEqual([5, -5]);
    expect([4.5, -4.5].map((x) => r(RT.Down).round(x))).toEqual([4, -4]);
    expect([4.5, -4.5].map((x) => r(RT.Floor).round(x))).toEqual([5, -4]);
    expect([4.5, -4.5].map((x) => r(RT.Ceiling).round(x))).toEqual([4, -5]);
  });
  it('the rounding digit sets the threshold', () => {
    expect(new Rounding(2, RT.Closest, 7).round(1.236)).toBe(1.23);
    expect(new Rounding(2, RT.Closest, 7).round(1.237)).toBe(1.24);
    expect(new Rounding(2, RT.Up).round(1.2300000001)).toBe(1.24);
    expect(new Rounding(2, RT.Up).round(1.23)).toBe(1.23);
  });
  it('None returns its input; negative precision rounds to hundreds', () => {
    expect(Rounding.none().round(1.23456789)).toBe(1.23456789);
    expect(new Rounding(-2).round(1250)).toBe(1300);
    expect(new Rounding(-2).round(1249.99)).toBe(1200);
  });
  it('Closest, Up and Down are odd; Floor(x) = −Ceiling(−x) (property)', () => {
    const decimals = fc.tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 8 })).map(([n, k]) => new Decimal(n).dividedBy(new Decimal(10).pow(k)));
    fc.assert(
      fc.property(decimals, fc.integer({ min: 0, max: 6 }), (x, p) => {
        for (const t of [RT.Closest, RT.Up, RT.Down]) {
          const r = new Rounding(p, t);
          expect(r.round(x.negated()).equals(r.round(x).negated())).toBe(true);
        }
        expect(new Rounding(p, RT.Floor).round(x).equals(new Rounding(p, RT.Ceiling).round(x.negated()).negated())).toBe(true);
        // Results carry at most p decimals and move by less than one unit in the last place.
        const closest = new Rounding(p, RT.Closest).round(x);
        expect(closest.decimalPlaces()).toBeLessThanOrEqual(p);
        expect(closest.minus(x).abs().lte(new Decimal(10).pow(-p).dividedBy(2))).toBe(true);
      }),
    );
  });
  it('refuses bad input', () => {
    expect(() => new Rounding(1.5)).toThrow(InvalidInputError);
    expect(() => new Rounding(2, RT.Closest, 0)).toThrow(InvalidInputError);
    expect(() => new Rounding(2, 42 as RT)).toThrow(InvalidInputError);
    expect(() => new Rounding(2).round(Number.NaN)).toThrow(InvalidInputError);
    expect(() => new Rounding(2).round(new Decimal(Infinity))).toThrow(InvalidInputError);
  });
});
