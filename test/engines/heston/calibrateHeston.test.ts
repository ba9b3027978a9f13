// @test calibrateHeston: recovery of known parameters from their own COS prices, a Feller-violating set, CalibrationError on impossible targets
import { describe, expect, it } from 'vitest';
import { CalibrationError, InvalidInputError } from '../../../src/errors.js';
import { impliedBlackVolatilityBatch } from '../../../src/kernels/impliedVol.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';
import { calibrateHeston, type HestonCalibrationSlice } from '../../../engines/heston/calibrateHeston.js';
import { cosHestonBatch } from '../../../engines/heston/cosHestonBatch.js';

const STRIKES = [80, 90, 100, 110, 120];
const TIMES = [1 / 12, 0.25, 0.5, 0.75, 1, 1.5, 2];
const S = 100;
const R = 0.02;
const Q = 0.01;

/** The 5 × 7 grid of OTM prices of `truth` (COS, L = 40), as calibration slices. */
function syntheticSlices(truth: HestonParameters): HestonCalibrationSlice[] {
  const { calls, puts } = cosHestonBatch({ spot: S, strikes: STRIKES, expiries: TIMES, riskFreeRates: R, dividendYields: Q, params: truth }, { truncation: 40 });
  return TIMES.map((t, j) => {
    const F = S * Math.exp((R - Q) * t);
    return { time: t, forward: F, discount: Math.exp(-R * t), strikes: STRIKES, prices: STRIKES.map((K, i) => (K < F ? puts[j * 5 + i]! : calls[j * 5 + i]!)) };
  });
}

function expectClose(got: HestonParameters, want: HestonParameters, tol: number): void {
  for (const k of ['v0', 'kappa', 'theta', 'sigma', 'rho'] as const) expect(Math.abs(got[k] - want[k]) / Math.max(Math.abs(want[k]), 1e-3), k).toBeLessThan(tol);
}

describe('calibrateHeston on a synthetic 5 × 7 grid (strikes 80–120, maturities 1M–2Y)', () => {
  it('recovers a Feller-satisfying set (2κθ/σ² = 2) from its own prices to 1e-8 relative, with either Jacobian', () => {
    const truth = { v0: 0.04, kappa: 1.5, theta: 0.06, sigma: 0.3, rho: -0.7 };
    const fit = calibrateHeston(syntheticSlices(truth), {});
    expectClose(fit.parameters, truth, 1e-8);
    expect(fit.volRmse).toBeLessThan(1e-10);
    expect(fit.priceRmse).toBeLessThan(1e-9);
    const fd = calibrateHeston(syntheticSlices(truth), { jacobian: 'finite-difference' });
    expectClose(fd.parameters, truth, 1e-8);
  });

  it('recovers a Feller-violating set (2κθ/σ² = 0.064) to 1e-8 relative', () => {
    const truth = { v0: 0.05, kappa: 0.8, theta: 0.04, sigma: 1, rho: -0.8 };
    const fit = calibrateHeston(syntheticSlices(truth), {});
    expectClose(fit.parameters, truth, 1e-8);
    expect(fit.volRmse).toBeLessThan(1e-10);
  });

  it('recovers from implied vols too, to 1e-5 relative', () => {
    const truth = { v0: 0.03, kappa: 2.5, theta: 0.05, sigma: 0.6, rho: -0.6 };
    const slices = syntheticSlices(truth).map((s) => {
      const m = s.strikes.length;
      const vols = impliedBlackVolatilityBatch({ prices: Float64Array.from(s.prices!), forwards: s.forward, strikes: Float64Array.from(s.strikes), expiries: s.time, discounts: s.discount!, optionTypes: Float64Array.from(s.strikes, (K) => (K < s.forward ? -1 : 1)) });
      expect(vols).toHaveLength(m);
      return { time: s.time, forward: s.forward, discount: s.discount!, strikes: s.strikes, vols };
    });
    const fit = calibrateHeston(slices);
    expectClose(fit.parameters, truth, 1e-5);
    expect(fit.volRmse).toBeLessThan(1e-6);
  });

  it('with a differential-evolution seed from a distant start: recovers the set to 1e-8, and the same seed gives the same fit', () => {
    const truth = { v0: 0.03, kappa: 1.2, theta: 0.05, sigma: 0.6, rho: -0.65 };
    const options = { initial: { v0: 0.5, kappa: 30, theta: 0.5, sigma: 0.05, rho: 0.9 }, globalSeed: { populationSize: 10, generations: 4, seed: 3 } };
    const fit = calibrateHeston(syntheticSlices(truth), options);
    expectClose(fit.parameters, truth, 1e-8);
    expect(calibrateHeston(syntheticSlices(truth), options).parameters).toEqual(fit.parameters);
  });

  it('throws CalibrationError with the residuals on an impossible target (a smile with a kink)', () => {
    const slices = TIMES.map((t) => ({ time: t, forward: 100, strikes: STRIKES, vols: [0.2, 0.6, 0.2, 0.6, 0.2] }));
    let error: unknown;
    try {
      calibrateHeston(slices, { maxVolRmse: 0.01 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalibrationError);
    const details = (error as CalibrationError).details as { volRmse: number; volResiduals: number[] };
    expect(details.volRmse).toBeGreaterThan(0.01);
    expect(details.volResiduals).toHaveLength(35);
  });

  it('throws CalibrationError when the iteration budget runs out', () => {
    expect(() => calibrateHeston(syntheticSlices({ v0: 0.04, kappa: 1.5, theta: 0.06, sigma: 0.5, rho: -0.7 }), { maxIterations: 2 })).toThrow(CalibrationError);
  });

  it('names the argument of bad input', () => {
    expect(() => calibrateHeston([])).toThrow(InvalidInputError);
    expect(() => calibrateHeston([{ time: -1, forward: 100, strikes: [100], vols: [0.2] }])).toThrow(/slices\[0\]\.time/);
    expect(() => calibrateHeston([{ time: 1, forward: 100, strikes: [100], vols: [0.2], prices: [8] }])).toThrow(/exactly one/);
    expect(() => calibrateHeston([{ time: 1, forward: 100, strikes: [100, 110], vols: [0.2] }])).toThrow(/vols\.length/);
    expect(() => calibrateHeston([{ time: 1, forward: 100, strikes: [100], vols: [0.2] }], { jacobian: 'exact' as 'analytic' })).toThrow(/options\.jacobian/);
    expect(() => calibrateHeston([{ time: 1, forward: 100, strikes: [100], vols: [0.2] }], { jacobian: 'exact' as 'analytic' })).toThrow(/options\.jacobian/);
  });
});
