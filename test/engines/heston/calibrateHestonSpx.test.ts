// @test calibrateHeston on real SPX data: Gatheral's 2023-02-15 mid vols, 10 maturities 1 week–2 years, 9 strikes each within |ln K/F| ≤ 0.4
import { describe, expect, it } from 'vitest';
import { calibrateHeston } from '../../../engines/heston/calibrateHeston.js';
import { spxCalibrationSlices } from '../../../bench/_lib/spxData.js';

describe('calibrateHeston on SPX, 2023-02-15 (Gatheral; 90 mid vols, 1 week–2 years)', () => {
  it('reaches the measured fit (RMSE 3.34 vol points; thresholds a little looser) from two starts, analytic and finite-difference Jacobians', () => {
    const slices = spxCalibrationSlices();
    expect(slices.reduce((a, s) => a + s.strikes.length, 0)).toBe(90);
    const fit = calibrateHeston(slices, { initial: { v0: 0.04, kappa: 2, theta: 0.05, sigma: 1, rho: -0.7 } });
    const p = fit.parameters;
    console.info(`SPX 2023-02-15 Heston: ${JSON.stringify(p)}, vol RMSE ${(100 * fit.volRmse).toFixed(3)} points, ${fit.iterations} iterations, ${fit.timeMs.toFixed(0)} ms`);
    expect(fit.volRmse).toBeLessThan(0.035);
    expect(fit.volRmse).toBeGreaterThan(0.03); // Heston cannot fit the 1-week skew: the error is the model's
    // Measured (analytic Jacobian): v0 ≈ 0.0183, κ ≈ 8.02, θ ≈ 0.0507, σ ≈ 2.26, ρ ≈ −0.681 (2κθ/σ² ≈ 0.16).
    expect(p.v0).toBeGreaterThan(0.015);
    expect(p.v0).toBeLessThan(0.022);
    expect(p.theta).toBeGreaterThan(0.045);
    expect(p.theta).toBeLessThan(0.056);
    expect(p.rho).toBeGreaterThan(-0.72);
    expect(p.rho).toBeLessThan(-0.64);
    expect(p.sigma).toBeGreaterThan(1.8);
    expect(p.sigma).toBeLessThan(2.7);
    // Beyond 6 months the surface is fitted to under one vol point.
    let sq = 0;
    let n = 0;
    let q = 0;
    for (const s of slices) {
      for (let i = 0; i < s.strikes.length; i++, q++) {
        if (s.time < 0.5) continue;
        sq += fit.volResiduals[q]! ** 2;
        n++;
      }
    }
    console.info(`  T ≥ 0.5: RMSE ${(100 * Math.sqrt(sq / n)).toFixed(3)} vol points over ${n} quotes`);
    expect(Math.sqrt(sq / n)).toBeLessThan(0.01);
    const other = calibrateHeston(slices, { jacobian: 'finite-difference', initial: { v0: 0.02, kappa: 1, theta: 0.06, sigma: 0.5, rho: -0.9 } });
    expect(Math.abs(other.volRmse - fit.volRmse)).toBeLessThan(1e-3);
  });
});
