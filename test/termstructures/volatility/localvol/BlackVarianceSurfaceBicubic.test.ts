import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';
import { CubicNaturalSpline } from '../../../../src/math/interpolation/CubicNaturalSpline.js';
import { BlackVarianceSurface } from '../../../../termstructures/volatility/BlackVarianceSurface.js';
import { setToday, today } from '../../../_lib/market.js';
import { localVolReference as ref, smileSurface } from './_lib/referenceSurface.js';

beforeEach(setToday);

const times = [0, ...ref.inputs.expiry_days.map((d) => d / 365)];
const strikes = ref.inputs.strikes;
const w = (j: number, i: number) => (j === 0 ? 0 : ref.inputs.implied_vols_rows_by_expiry[j - 1]![i]! ** 2 * times[j]!);

/** The tensor-product natural spline built from the library's CubicNaturalSpline, K first. */
function tensorSpline(t: number, K: number): number {
  const rowAtK = times.map((_t, j) => new CubicNaturalSpline(strikes, strikes.map((_k, i) => w(j, i))).value(K, true));
  return new CubicNaturalSpline(times, rowAtK).value(t, true);
}

describe("BlackVarianceSurface interpolation: 'bicubic'", () => {
  it('QuantLib 1.29 interpolated implied vols at the 25 local-vol points', () => {
    const surface = smileSurface('bicubic');
    for (const p of ref.smile_surface.bicubic.local_vol_points) {
      // Same spline, same order of evaluation: measured worst 5.6e-17; tolerance 1e-14.
      expect(Math.abs(surface.blackVol(p.T, p.K, true) - p.implied_vol_interpolated!), `K=${p.K} T=${p.T}`).toBeLessThan(1e-14);
    }
  });

  it('equals the tensor-product spline evaluated in the other order (strike first), inside the grid', () => {
    const surface = smileSurface('bicubic');
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 2, noNaN: true }), fc.double({ min: 50, max: 200, noNaN: true }), (t, K) => {
        // The tensor-product interpolant does not depend on the order; rounding: tolerance 1e-13.
        expect(Math.abs(surface.blackVariance(t, K, true) - tensorSpline(t, K))).toBeLessThan(1e-13);
      }),
      { numRuns: 200 },
    );
  });

  it('reproduces the nodes; is C² across a node strike where the bilinear surface has a kink', () => {
    const bicubic = smileSurface('bicubic');
    const bilinear = smileSurface('bilinear');
    for (let j = 1; j < times.length; j++) {
      for (let i = 0; i < strikes.length; i++) expect(bicubic.blackVariance(times[j]!, strikes[i]!)).toBeCloseTo(w(j, i), 15);
    }
    const slopeJump = (s: BlackVarianceSurface) => {
      const h = 1e-3;
      const [t, K] = [0.6, 100];
      const left = (s.blackVariance(t, K) - s.blackVariance(t, K - h)) / h;
      const right = (s.blackVariance(t, K + h) - s.blackVariance(t, K)) / h;
      return Math.abs(right - left);
    };
    expect(slopeJump(bicubic)).toBeLessThan(1e-7);
    expect(slopeJump(bilinear)).toBeGreaterThan(1e-5);
  });

  it('flat vol beyond the strike range, linear variance growth beyond the last expiry, w(0, K) = 0', () => {
    const s = smileSurface('bicubic');
    expect(s.blackVariance(0.7, 30, true)).toBe(s.blackVariance(0.7, 50, true));
    expect(s.blackVariance(0.7, 300, true)).toBe(s.blackVariance(0.7, 200, true));
    expect(s.blackVariance(3, 100, true)).toBeCloseTo((s.blackVariance(2, 100) * 3) / 2, 14);
    expect(s.blackVariance(0, 100)).toBe(0);
  });

  it('an unknown interpolation is refused', () => {
    expect(() => new BlackVarianceSurface([today.addDays(30)], [90, 110], [[0.2], [0.2]], { referenceDate: today, interpolation: 'cubic' as never })).toThrow(InvalidInputError);
    expect(() => new BlackVarianceSurface([today.addDays(30)], [90, 110], [[0.2], [0.2]], { referenceDate: today, interpolation: 'cubic' as never })).toThrow(/interpolation/);
  });

  it('a single expiry works (spline in t through two nodes is linear)', () => {
    const s = new BlackVarianceSurface([today.addDays(365)], [90, 100, 110], [[0.25], [0.2], [0.18]], { referenceDate: today, interpolation: 'bicubic' });
    expect(s.blackVariance(0.5, 100)).toBeCloseTo(0.02, 15);
  });
});
