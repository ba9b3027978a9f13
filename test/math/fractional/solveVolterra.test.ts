import { describe, expect, it } from 'vitest';
import { InvalidInputError, QuantflowError } from '../../../src/errors.js';
import { Complex } from '../../../src/math/complex/Complex.js';
import { solveVolterra } from '../../../src/math/fractional/solveVolterra.js';
import { gamma, mittagLeffler, mittagLefflerComplex } from '../../../src/math/special/mittagLeffler.js';

describe('solveVolterra', () => {
  it('free fractional Fokker–Planck second moment: D^α m = 2, m = 2t^α/Γ(α+1)', () => {
    const alpha = 0.7;
    const s = solveVolterra({ alpha, x0: 0, drift: () => 2, horizon: 2, steps: 40 });
    for (let k = 0; k <= 40; k++) expect(Math.abs(s.re[k]! - (2 * Math.pow(s.grid[k]!, alpha)) / gamma(alpha + 1))).toBeLessThan(1e-12);
  });

  it('fractional Ornstein–Uhlenbeck second moment (Metzler, Barkai & Klafter 1999): D^α m = 2K − 2γm, m = (K/γ)(1 − E_α(−2γt^α)), to 1e-3', () => {
    const alpha = 0.6;
    const K = 1;
    const g = 0.8;
    const s = solveVolterra({ alpha, x0: 0, drift: (_t, m) => 2 * K - 2 * g * m, horizon: 3, steps: 120 });
    for (const k of [20, 60, 120]) {
      const exact = (K / g) * (1 - mittagLeffler(alpha, 1, -2 * g * Math.pow(s.grid[k]!, alpha)));
      expect(Math.abs(s.re[k]! - exact)).toBeLessThan(1e-3);
    }
  });

  it('complex state: D^α x = (−1 + i)x, x(0) = 1 − i against E_α((−1 + i)t^α)(1 − i)', () => {
    const alpha = 0.8;
    const lam = new Complex(-1, 1);
    const s = solveVolterra({ alpha, x0: new Complex(1, -1), drift: (_t, x) => lam.mul(x), horizon: 1, steps: 400 });
    const exact = mittagLefflerComplex(alpha, 1, lam).mul(new Complex(1, -1));
    expect(Math.hypot(s.re[400]! - exact.re, s.im[400]! - exact.im)).toBeLessThan(1e-5);
  });

  it('noise: D^α x = σξ has Var x_t = σ²t^{2α−1}/((2α−1)Γ(α)²) (Monte Carlo, 4 standard errors)', () => {
    const alpha = 0.75;
    const sigma = 0.5;
    const paths = 4000;
    const n = 32;
    const s = solveVolterra({ alpha, x0: 0, drift: () => 0, horizon: 1, steps: n, sigma, paths, seed: 7 });
    let m2 = 0;
    for (let p = 0; p < paths; p++) m2 += s.re[p * (n + 1) + n]! ** 2;
    m2 /= paths;
    const exact = (sigma * sigma) / ((2 * alpha - 1) * gamma(alpha) ** 2);
    expect(Math.abs(m2 / exact - 1)).toBeLessThan(4 * Math.sqrt(2 / paths));
  });

  it('refuses bad input and a non-finite drift', () => {
    const ok = { alpha: 0.7, x0: 0, drift: () => 1, horizon: 1, steps: 10 };
    expect(() => solveVolterra({ ...ok, alpha: 0 })).toThrow('alpha = 0 is outside the allowed range (0, 1]');
    expect(() => solveVolterra({ ...ok, steps: 0 })).toThrow(InvalidInputError);
    expect(() => solveVolterra({ ...ok, alpha: 0.4, sigma: 1 })).toThrow('(0.5, 1] with noise');
    expect(() => solveVolterra({ ...ok, drift: () => Number.NaN })).toThrow(QuantflowError);
  });
});
