import { describe, expect, it } from 'vitest';
import { InvalidInputError, QuantflowError } from '../../../src/errors.js';
import { adamsWeights } from '../../../src/math/fractional/adamsWeights.js';
import { solveFractionalRiccati } from '../../../src/math/fractional/solveFractionalRiccati.js';
import { gamma, mittagLeffler } from '../../../src/math/special/mittagLeffler.js';

const relax = (alpha: number, n: number, extra: object = {}) =>
  solveFractionalRiccati({ alpha, nodes: 1, aRe: 0, aIm: 0, bRe: -1, bIm: 0, cRe: 0, cIm: 0, y0Re: 1, grid: { horizon: 1, steps: n } }, extra);

describe('adamsWeights', () => {
  it('equal Diethelm–Ford–Freed’s uniform closed forms, eq. (2.6) and (2.8)', () => {
    const alpha = 0.61;
    const n = 12;
    const h = 0.1;
    const w = adamsWeights(alpha, Array.from({ length: n + 1 }, (_, k) => k * h));
    const c = Math.pow(h, alpha) / gamma(alpha + 2);
    for (let r = 1; r <= n; r++) {
      const po = (r * (r - 1)) / 2;
      const co = ((r - 1) * (r + 2)) / 2;
      const k = r - 1;
      expect(w.corrector[co]!).toBeCloseTo(c * (Math.pow(k, alpha + 1) - (k - alpha) * Math.pow(k + 1, alpha)), 13);
      expect(w.corrector[co + r]!).toBeCloseTo(c, 14);
      for (let j = 1; j < r; j++) {
        expect(w.corrector[co + j]! / (c * (Math.pow(k - j + 2, alpha + 1) + Math.pow(k - j, alpha + 1) - 2 * Math.pow(k - j + 1, alpha + 1))) - 1).toBeLessThan(1e-11);
      }
      for (let j = 0; j < r; j++) {
        expect(w.predictor[po + j]!).toBeCloseTo((Math.pow(h, alpha) / gamma(alpha + 1)) * (Math.pow(k + 1 - j, alpha) - Math.pow(k - j, alpha)), 14);
      }
    }
  });

  it('integrate 1 and t exactly on a non-uniform grid: I^α1 = t^α/Γ(α+1), I^α t = t^{α+1}/Γ(α+2)', () => {
    const alpha = 0.7;
    const grid = [0, 0.01, 0.05, 0.2, 0.21, 0.6, 1];
    const w = adamsWeights(alpha, grid);
    for (let r = 1; r < grid.length; r++) {
      const co = ((r - 1) * (r + 2)) / 2;
      let one = 0;
      let lin = 0;
      for (let j = 0; j <= r; j++) {
        one += w.corrector[co + j]!;
        lin += w.corrector[co + j]! * grid[j]!;
      }
      expect(one).toBeCloseTo(Math.pow(grid[r]!, alpha) / gamma(alpha + 1), 13);
      expect(lin).toBeCloseTo(Math.pow(grid[r]!, alpha + 1) / gamma(alpha + 2), 13);
    }
  });
});

describe('solveFractionalRiccati', () => {
  it('D^α h = −h, h(0) = 1 gives E_α(−t^α) (α = 0.61, 0.75, 0.9), error O(h^{1+α})', () => {
    for (const alpha of [0.61, 0.75, 0.9]) {
      const exact = mittagLeffler(alpha, 1, -1);
      const e1 = Math.abs(relax(alpha, 200).psi[400]! - exact);
      const e2 = Math.abs(relax(alpha, 400).psi[800]! - exact);
      expect(e2).toBeLessThan(1e-5);
      // Observed order log2(e1/e2) within 0.15 of 1 + α.
      expect(Math.abs(Math.log2(e1 / e2) - (1 + alpha))).toBeLessThan(0.15);
      // And along the path.
      const s = relax(alpha, 400);
      for (const k of [40, 100, 250]) expect(Math.abs(s.psi[2 * k]! - mittagLeffler(alpha, 1, -Math.pow(k / 400, alpha)))).toBeLessThan(2e-5);
    }
  });

  it('α = 1 is the classical Riccati ψ′ = 1 − ψ², ψ = tanh t (PECE and implicit, order 2)', () => {
    for (const corrector of ['pece', 'implicit'] as const) {
      const run = (n: number) => solveFractionalRiccati({ alpha: 1, nodes: 1, aRe: 1, aIm: 0, bRe: 0, bIm: 0, cRe: -1, cIm: 0, grid: { horizon: 2, steps: n } }, { corrector }).psi[2 * n]!;
      const e1 = Math.abs(run(100) - Math.tanh(2));
      const e2 = Math.abs(run(200) - Math.tanh(2));
      expect(e2).toBeLessThan(2e-5);
      expect(Math.abs(Math.log2(e1 / e2) - 2)).toBeLessThan(0.2);
    }
  });

  it('complex state: D^α ψ = iψ, ψ(0) = 1 gives E_α(i t^α); many nodes at once', () => {
    const alpha = 0.7;
    const lambdas = [-1, -0.5, 0.3];
    const s = solveFractionalRiccati({ alpha, nodes: 3, aRe: 0, aIm: 0, bRe: lambdas, bIm: [1, 0, 0], cRe: 0, cIm: 0, y0Re: 1, grid: { horizon: 1, steps: 400 } });
    const n = 400;
    expect(Math.abs(s.psi[2 * (1 * (n + 1) + n)]! - mittagLeffler(alpha, 1, -0.5))).toBeLessThan(2e-5);
    expect(Math.abs(s.psi[2 * (2 * (n + 1) + n)]! - mittagLeffler(alpha, 1, 0.3))).toBeLessThan(2e-5);
  });

  it('the FFT method equals the direct one to 1e-11 (PECE and implicit, n not a power of two)', () => {
    for (const corrector of ['pece', 'implicit'] as const) {
      const p = { alpha: 0.61, nodes: 2, aRe: [-0.5, -50], aIm: [-0.5, -5], bRe: -0.3, bIm: [0.28, 2.8], cRe: 0.08, cIm: 0, grid: { horizon: 1, steps: 777 } };
      const d = solveFractionalRiccati(p, { corrector });
      const q = solveFractionalRiccati(p, { corrector, method: 'fft' });
      let worst = 0;
      for (let k = 0; k < d.psi.length; k++) worst = Math.max(worst, Math.abs(q.psi[k]! - d.psi[k]!) / (1 + Math.abs(d.psi[k]!)));
      expect(worst).toBeLessThan(1e-11);
    }
  });

  it('PECE and the implicit corrector converge to the same solution', () => {
    const run = (corrector: 'pece' | 'implicit') => solveFractionalRiccati({ alpha: 0.6, nodes: 1, aRe: -2, aIm: -1, bRe: -0.3, bIm: 0.56, cRe: 0.08, cIm: 0, grid: { horizon: 1, steps: 800 } }, { corrector }).psi;
    const a = run('pece');
    const b = run('implicit');
    expect(Math.abs(a[1600]! - b[1600]!)).toBeLessThan(1e-5);
  });

  it('refuses bad input with the argument named, and reports a blow-up', () => {
    const ok = { alpha: 0.6, nodes: 1, aRe: 0, aIm: 0, bRe: 0, bIm: 0, cRe: 0, cIm: 0, grid: { horizon: 1, steps: 10 } };
    expect(() => solveFractionalRiccati({ ...ok, alpha: 1.2 })).toThrow('alpha = 1.2 is outside the allowed range (0, 1]');
    expect(() => solveFractionalRiccati({ ...ok, nodes: 0 })).toThrow(InvalidInputError);
    expect(() => solveFractionalRiccati({ ...ok, aRe: [1, 2] })).toThrow('aRe.length = 2');
    expect(() => solveFractionalRiccati({ ...ok, bIm: Number.NaN })).toThrow('bIm = NaN');
    expect(() => solveFractionalRiccati({ ...ok, grid: [0, 0.5, 0.4] })).toThrow('grid[2] = 0.4');
    expect(() => solveFractionalRiccati({ ...ok, grid: [0, 0.5, 1] }, { method: 'fft' })).toThrow(InvalidInputError);
    expect(() => solveFractionalRiccati({ ...ok, cRe: 1, y0Re: 1, alpha: 1, grid: { horizon: 3, steps: 30 } })).toThrow(QuantflowError);
  });
});
