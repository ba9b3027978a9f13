// @test hestonCfGradient and cosHestonPutGradient: ∂ψ/∂(v0, κ, θ, σ, ρ) and the COS price gradient against central finite differences
import { describe, expect, it } from 'vitest';
import { hestonCfExponentsInto } from '../../../engines/heston/_lib/hestonCfExponents.js';
import { hestonCfGradient } from '../../../engines/heston/_lib/hestonCfGradient.js';
import { cosHestonPutGradient } from '../../../engines/heston/_lib/cosHestonGradient.js';
import { cosHestonBatch } from '../../../engines/heston/cosHestonBatch.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';

const KEYS = ['v0', 'kappa', 'theta', 'sigma', 'rho'] as const;
const SETS: HestonParameters[] = [
  { v0: 0.04, kappa: 1.5, theta: 0.06, sigma: 0.3, rho: -0.7 },
  { v0: 0.05, kappa: 0.8, theta: 0.04, sigma: 1, rho: -0.8 },
  { v0: 0.0183, kappa: 8.01, theta: 0.0507, sigma: 2.26, rho: -0.681 },
];

describe('hestonCfGradient (Cui, del Baño Rollin & Germano 2017)', () => {
  it('ψ matches hestonCfExponentsInto and the gradient matches central differences to 1e-6 relative', () => {
    const out = new Float64Array(4);
    for (const p of SETS) {
      for (const t of [1 / 52, 0.5, 2]) {
        for (const u of [0.3, 1, 5, 20]) {
          const { psi, gradient } = hestonCfGradient(u, t, p);
          hestonCfExponentsInto(u, 0, t, p, out);
          expect(Math.abs(psi.re - (out[0]! + out[2]! * p.v0))).toBeLessThan(1e-10 * Math.max(1, Math.abs(psi.re)));
          KEYS.forEach((k, j) => {
            const h = 1e-6 * Math.max(Math.abs(p[k]), 1e-2);
            const plus = hestonCfGradient(u, t, { ...p, [k]: p[k] + h }).psi;
            const minus = hestonCfGradient(u, t, { ...p, [k]: p[k] - h }).psi;
            const fdRe = (plus.re - minus.re) / (2 * h);
            const fdIm = (plus.im - minus.im) / (2 * h);
            const g = gradient[j]!;
            const scale = Math.max(1e-3, Math.hypot(fdRe, fdIm));
            expect(Math.hypot(g.re - fdRe, g.im - fdIm) / scale, `${k} u=${u} t=${t}`).toBeLessThan(1e-6);
          });
        }
      }
    }
  });
});

describe('cosHestonPutGradient (the COS expansion of φ·∂ψ/∂p)', () => {
  it('matches central differences of cosHestonBatch puts on a 5 × 7 unit-forward grid to 1e-5 relative', () => {
    const strikes = Float64Array.of(0.8, 0.9, 1, 1.1, 1.2);
    const expiries = Float64Array.of(1 / 12, 0.25, 0.5, 0.75, 1, 1.5, 2);
    for (const p of SETS) {
      const grad = cosHestonPutGradient(strikes, expiries, p, 40, 'auto', 'auto');
      KEYS.forEach((k, j) => {
        const h = 1e-5 * Math.max(Math.abs(p[k]), 1e-2);
        const up = cosHestonBatch({ spot: 1, strikes, expiries, riskFreeRates: 0, dividendYields: 0, params: { ...p, [k]: p[k] + h } }).puts;
        const dn = cosHestonBatch({ spot: 1, strikes, expiries, riskFreeRates: 0, dividendYields: 0, params: { ...p, [k]: p[k] - h } }).puts;
        let worst = 0;
        let size = 0;
        for (let i = 0; i < 35; i++) size = Math.max(size, Math.abs((up[i]! - dn[i]!) / (2 * h)));
        for (let i = 0; i < 35; i++) worst = Math.max(worst, Math.abs(grad[j * 35 + i]! - (up[i]! - dn[i]!) / (2 * h)));
        expect(worst / size, k).toBeLessThan(1e-5);
      });
    }
  });
});
