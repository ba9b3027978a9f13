import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { fractionalBrownianMotion } from '../../src/timeseries/fractionalBrownianMotion.js';
import { variogramHurst } from '../../src/timeseries/variogramHurst.js';
import { spxLogVol, vixLogVol } from './_lib/readLogVol.js';

describe('variogramHurst on simulated fractional Brownian motion (exact, Davies–Harte)', () => {
  it.each([0.1, 0.3])('H = %s, ν = 0.3: the 95 %% bootstrap intervals cover H and ν in ≥ 15 of 20 paths', (H) => {
    let coverH = 0;
    let coverNu = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const x = fractionalBrownianMotion(H, 3000, seed).map((b) => 0.3 * b - 2.5);
      const e = variogramHurst(x, { bootstrap: 100, seed });
      if (e.HInterval[0] <= H && H <= e.HInterval[1]) coverH++;
      if (e.nuInterval[0] <= 0.3 && 0.3 <= e.nuInterval[1]) coverNu++;
      expect(Math.abs(e.H - H)).toBeLessThan(0.04);
      // ζ_q = qH: each moment's own slope.
      for (let i = 0; i < e.qs.length; i++) expect(Math.abs(e.zeta[i]! / e.qs[i]! - H)).toBeLessThan(0.05);
    }
    // Measured coverage of the nominal 95 % interval on exact fBM is ~90 % (docs/models/hurst.md);
    // Binomial(20, 0.9): P(≤ 14) ≈ 1.1 %.
    expect(coverH).toBeGreaterThanOrEqual(15);
    expect(coverNu).toBeGreaterThanOrEqual(15);
  });

  it('Brownian motion (H = ½) gives ½; the OLS errors are much smaller than the bootstrap error', () => {
    const e = variogramHurst(fractionalBrownianMotion(0.5, 4000, 9), { bootstrap: 100 });
    expect(e.HInterval[0]).toBeLessThan(0.5);
    expect(e.HInterval[1]).toBeGreaterThan(0.5);
    expect(e.HRegressionStdError).toBeLessThan(e.HStdError);
  });

  it('property: x → a·x + b leaves H unchanged and scales ν by |a|', () => {
    const x = fractionalBrownianMotion(0.15, 600, 2);
    const e0 = variogramHurst(x, { bootstrap: 0, lags: [1, 2, 4, 8, 16] });
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.boolean(), fc.double({ min: -10, max: 10, noNaN: true }), (a, neg, b) => {
        const s = neg ? -a : a;
        const e = variogramHurst(x.map((v) => s * v + b), { bootstrap: 0, lags: [1, 2, 4, 8, 16] });
        expect(Math.abs(e.H - e0.H)).toBeLessThan(1e-9);
        expect(Math.abs(e.nu / (a * e0.nu) - 1)).toBeLessThan(1e-9);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses bad input, naming the argument', () => {
    const x = fractionalBrownianMotion(0.2, 200, 1);
    expect(() => variogramHurst(x.subarray(0, 30))).toThrow(InvalidInputError);
    expect(() => variogramHurst(x, { qs: [0] })).toThrow(/options\.qs\[0\] = 0/);
    expect(() => variogramHurst(x, { lags: [1.5, 2] })).toThrow(/options\.lags\[0\]/);
    expect(() => variogramHurst(x, { lags: [3, 3] })).toThrow(/at least two distinct lags/);
    expect(() => variogramHurst(x, { level: 1 })).toThrow(/options\.level/);
    expect(() => variogramHurst(x, { lags: [1, 2], blockLength: 0 })).toThrow(/options\.blockLength/);
  });
});

describe('variogramHurst on real data (figures in docs/models/hurst.md)', () => {
  it('SPX 5-minute realized variance 2000–2016: H ≈ 0.13 (Gatheral, Jaisson & Rosenbaum: 0.1–0.14)', () => {
    const e = variogramHurst(spxLogVol());
    expect(e.observations).toBe(4189);
    // Measured H = 0.1295 ± 0.011 (block bootstrap), ν = 0.345.
    expect(e.H).toBeGreaterThan(0.12);
    expect(e.H).toBeLessThan(0.14);
    expect(e.HInterval[0]).toBeGreaterThan(0.08);
    expect(e.HInterval[1]).toBeLessThan(0.18);
    expect(e.nu).toBeGreaterThan(0.3);
    expect(e.nu).toBeLessThan(0.4);
  });

  it('VIX 1990–2026: rough too, but less (H ≈ 0.34)', () => {
    const e = variogramHurst(vixLogVol());
    expect(e.observations).toBe(9152);
    expect(e.H).toBeGreaterThan(0.3);
    expect(e.H).toBeLessThan(0.38);
    expect(e.HInterval[1]).toBeLessThan(0.5);
  });
});

describe('docstring examples (twins)', () => {
  it('fractionalBrownianMotion and variogramHurst', () => {
    const b = fractionalBrownianMotion(0.1, 1000, 7);
    expect([b.length, b[0]]).toEqual([1001, 0]);
    const x = fractionalBrownianMotion(0.12, 4000, 3).map((v) => 0.3 * v);
    const e = variogramHurst(x, { bootstrap: 0 });
    expect(Math.abs(e.H - 0.12) < 0.02).toBe(true);
  });
});
