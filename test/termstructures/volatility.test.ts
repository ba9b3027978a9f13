import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { BlackConstantVol } from '../../termstructures/volatility/BlackConstantVol.js';
import { BlackVarianceSurface } from '../../termstructures/volatility/BlackVarianceSurface.js';
import { quantlib } from '../_lib/reference.js';
import { setToday, today } from '../_lib/market.js';

beforeEach(setToday);

const lv = quantlib['local_vol'];
const days: number[] = lv.inputs.expiry_days;
const strikes: number[] = lv.inputs.strikes;
const rowsByExpiry: number[][] = lv.inputs.implied_vols_rows_by_expiry;
// BlackVarianceSurface takes QuantLib's strikes × dates matrix.
const volMatrix = strikes.map((_k, i) => rowsByExpiry.map((row) => row[i]!));
const surface = () => new BlackVarianceSurface(days.map((d) => today.addDays(d)), strikes, volMatrix, { referenceDate: today });

describe('BlackVarianceSurface', () => {
  it('matches QuantLib 1.29 bilinear total-variance interpolation off the nodes', () => {
    const s = surface();
    const points: { K: number; T: number; implied_vol_interpolated: number }[] = lv.smile_surface.bilinear.local_vol_points;
    expect(points.length).toBeGreaterThan(5);
    for (const p of points) {
      // Same scheme both sides (bilinear in (t, K) on w with a t = 0 row): 1e-12 on the vol.
      expect(Math.abs(s.blackVol(p.T, p.K) - p.implied_vol_interpolated), `K=${p.K} T=${p.T}`).toBeLessThan(1e-12);
    }
  });

  it('reproduces every node', () => {
    const s = surface();
    days.forEach((d, j) => strikes.forEach((k, i) => expect(s.blackVol(today.addDays(d), k)).toBeCloseTo(volMatrix[i]![j]!, 14)));
  });

  it('total variance is non-decreasing in time when the nodes are (calendar no-arbitrage is kept)', () => {
    const s = surface();
    s.enableExtrapolation();
    fc.assert(
      fc.property(fc.double({ min: 40, max: 250, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (k, t, dt) => {
        expect(s.blackVariance(t + dt, k)).toBeGreaterThanOrEqual(s.blackVariance(t, k) - 1e-15);
      }),
    );
  });

  it('a flat surface equals BlackConstantVol', () => {
    const flat = new BlackVarianceSurface(days.map((d) => today.addDays(d)), [80, 120], [days.map(() => 0.25), days.map(() => 0.25)], { referenceDate: today });
    const constant = new BlackConstantVol(0.25, { referenceDate: today });
    flat.enableExtrapolation();
    for (const t of [0.01, 0.3, 1, 1.7, 2, 5]) for (const k of [50, 100, 130]) expect(flat.blackVariance(t, k)).toBeCloseTo(constant.blackVariance(t, k), 14);
  });

  it('extrapolates flat in strike and at constant vol beyond the last expiry, only when enabled', () => {
    const s = surface();
    expect(() => s.blackVol(1, 300)).toThrow(/strike = 300/);
    expect(() => s.blackVol(3, 100)).toThrow(/extrapolation not enabled/);
    s.enableExtrapolation();
    expect(s.blackVol(1, 300)).toBeCloseTo(s.blackVol(1, 200), 15);
    expect(s.blackVol(4, 100)).toBeCloseTo(s.blackVol(2, 100), 15);
  });

  it('refuses bad shapes and negative vols', () => {
    const dates = days.map((d) => today.addDays(d));
    expect(() => new BlackVarianceSurface(dates, strikes, volMatrix.slice(1), { referenceDate: today })).toThrow(/volatilities.length = 10/);
    const bad = volMatrix.map((r) => [...r]);
    bad[3]![2] = -0.1;
    expect(() => new BlackVarianceSurface(dates, strikes, bad, { referenceDate: today })).toThrow(InvalidInputError);
    expect(() => new BlackVarianceSurface(dates, strikes, bad, { referenceDate: today })).toThrow(/volatilities\[3\]\[2\] = -0.1/);
  });
});
