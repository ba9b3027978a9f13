// @test SviSurface and fitSviSurface: interpolation in T at fixed k, analytic derivatives, calendar condition inside the fit
import { describe, expect, it } from 'vitest';
import { fitSviSmile } from '../../../../termstructures/volatility/svi/fitSviSmile.js';
import { fitSviSurface } from '../../../../termstructures/volatility/svi/fitSviSurface.js';
import { SviSurface } from '../../../../termstructures/volatility/svi/SviSurface.js';
import type { SviRawParameters } from '../../../../termstructures/volatility/svi/SviRawParameters.js';
import { expectDerivativesMatch } from '../ssvi/_lib/expectDerivativesMatch.js';

const raw = (p: SviRawParameters, k: number) => p.a + p.b * (p.rho * (k - p.m) + Math.sqrt((k - p.m) ** 2 + p.sigma ** 2));
const S1 = { a: 0.01, b: 0.08, rho: -0.5, m: 0.02, sigma: 0.15 };
const S2 = { a: 0.03, b: 0.1, rho: -0.45, m: 0.03, sigma: 0.2 };
const SLICES = [
  { time: 0.25, forward: 100, parameters: S1 },
  { time: 1, forward: 103, parameters: S2 },
];

describe('SviSurface', () => {
  const s = new SviSurface(SLICES);

  it('reproduces the slices, interpolates w linearly in T at fixed k, w ∝ T before the first slice and beyond the last', () => {
    for (const k of [-0.7, 0, 0.3]) {
      expect(s.totalVarianceDerivatives(k, 0.25).w).toBeCloseTo(raw(S1, k), 15);
      expect(s.totalVarianceDerivatives(k, 1).w).toBeCloseTo(raw(S2, k), 15);
      expect(s.totalVarianceDerivatives(k, 0.5).w).toBeCloseTo(raw(S1, k) + (raw(S2, k) - raw(S1, k)) / 3, 15);
      expect(s.totalVarianceDerivatives(k, 0.1).w).toBeCloseTo(0.4 * raw(S1, k), 15);
      expect(s.totalVarianceDerivatives(k, 2).w).toBeCloseTo(2 * raw(S2, k), 15);
      expect(s.totalVarianceDerivatives(k, 0.5).dwdt).toBeCloseTo((raw(S2, k) - raw(S1, k)) / 0.75, 14);
    }
  });

  it('gives analytic k-derivatives and ∂w/∂T equal to finite differences inside segments', () => {
    for (const t of [0.1, 0.6, 1.5]) for (const k of [-0.5, 0, 0.25]) expectDerivativesMatch(s, k, t);
  });

  it('is a BlackVolTermStructure through the forward; diagnostics catch crossing slices (they can fail)', () => {
    const f = s.forward(0.5);
    expect(f).toBeCloseTo(100 * Math.exp((Math.log(1.03) * 0.25) / 0.75), 12);
    expect(s.blackVol(0.5, 110)).toBeCloseTo(Math.sqrt(s.totalVarianceDerivatives(Math.log(110 / f), 0.5).w / 0.5), 14);
    expect(s.arbitrageDiagnostics().arbitrageFree).toBe(true);
    const crossing = new SviSurface([SLICES[0]!, { time: 1, forward: 100, parameters: { ...S1, b: 0.02, a: 0.02 } }]);
    const d = crossing.arbitrageDiagnostics();
    expect(d.minDwdtOverall).toBeLessThan(0);
    expect(d.arbitrageFree).toBe(false);
    expect(() => new SviSurface([SLICES[1]!, SLICES[0]!])).toThrow(/slices\[1\]\.time/);
  });
});

describe('fitSviSurface', () => {
  const strikes = [60, 70, 80, 90, 95, 100, 105, 110, 120, 130];
  const quote = (time: number, vols: number[]) => ({ time, forward: 100, strikes, bidVols: vols.map((v) => v - 0.004), askVols: vols.map((v) => v + 0.004) });
  // Short expiry steep; the next expiry's quoted smile dips below it in the left wing.
  const first = quote(0.2, [0.55, 0.46, 0.37, 0.28, 0.24, 0.21, 0.19, 0.18, 0.19, 0.21]);
  const second = quote(0.25, [0.42, 0.38, 0.33, 0.27, 0.24, 0.215, 0.2, 0.19, 0.185, 0.19]);

  it('enforces w_2(k) ≥ w_1(k) inside the fit where separate slice fits cross', () => {
    const a = fitSviSmile(first).parameters;
    const b = fitSviSmile(second).parameters;
    const grid = Array.from({ length: 241 }, (_x, i) => -3 + (4.5 * i) / 240);
    expect(grid.some((k) => raw(b, k) < raw(a, k))).toBe(true);
    const fit = fitSviSurface([first, second], { throwOnArbitrage: true });
    expect(fit.diagnostics.arbitrageFree).toBe(true);
    for (const k of grid) expect(raw(fit.parameters[1]!.parameters, k)).toBeGreaterThanOrEqual(raw(fit.parameters[0]!.parameters, k));
    expect(fit.sliceDiagnostics.every((d) => d.arbitrageFree)).toBe(true);
    // The quotes themselves hold a calendar arbitrage, so the constraint costs fit quality.
    const alone = fitSviSurface([second]).slices[0]!;
    expect(fit.slices[1]!.rmseVolPoints).toBeGreaterThan(alone.rmseVolPoints);
    expect(fit.slices[1]!.rmseBandVolPoints).toBeLessThan(3);
  }, 60_000);
});
