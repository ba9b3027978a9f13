// Greek functions against bump-and-reprice: central differences of the price functions they
// differentiate, on a grid of moneyness, vol and expiry; and the per-1 %/per-day helpers.
import { describe, expect, it } from 'vitest';
import { blackFormula } from '../../../../engines/blackscholes/formulas/blackFormula.js';
import { blackFormulaForwardDerivative } from '../../../../engines/blackscholes/formulas/blackFormulaForwardDerivative.js';
import { blackFormulaStdDevDerivative } from '../../../../engines/blackscholes/formulas/blackFormulaStdDevDerivative.js';
import { blackFormulaStdDevSecondDerivative } from '../../../../engines/blackscholes/formulas/blackFormulaStdDevSecondDerivative.js';
import { blackFormulaVolDerivative } from '../../../../engines/blackscholes/formulas/blackFormulaVolDerivative.js';
import { bachelierBlackFormula } from '../../../../engines/blackscholes/formulas/bachelierBlackFormula.js';
import { bachelierBlackFormulaForwardDerivative } from '../../../../engines/blackscholes/formulas/bachelierBlackFormulaForwardDerivative.js';
import { bachelierBlackFormulaStdDevDerivative } from '../../../../engines/blackscholes/formulas/bachelierBlackFormulaStdDevDerivative.js';
import { blackScholesCharm } from '../../../../engines/blackscholes/formulas/blackScholesCharm.js';
import { blackScholesSpeed } from '../../../../engines/blackscholes/formulas/blackScholesSpeed.js';
import { blackScholesVanna } from '../../../../engines/blackscholes/formulas/blackScholesVanna.js';
import { blackScholesVolga } from '../../../../engines/blackscholes/formulas/blackScholesVolga.js';
import { perDay } from '../../../../engines/blackscholes/formulas/perDay.js';
import { perOnePercent } from '../../../../engines/blackscholes/formulas/perOnePercent.js';
import { OptionType } from '../../../../instruments/OptionType.js';

const TYPES = [OptionType.Call, OptionType.Put] as const;

/** Central difference (f(x+h) − f(x−h))/(2h): truncation O(h²·f‴), round-off O(ε·|f|/h). */
const d1 = (f: (x: number) => number, x: number, h: number) => (f(x + h) - f(x - h)) / (2 * h);

/** Expect got ≈ expected within rel·|expected| + abs, printing every input on failure. */
function close(got: number, expected: number, rel: number, abs: number, what: string): void {
  expect(Math.abs(got - expected), `${what}: got ${got}, bump-and-reprice ${expected}, tolerance ${rel}·|x| + ${abs}`).toBeLessThanOrEqual(rel * Math.abs(expected) + abs);
}

// Bumps of 1e-4 of the natural scale (F·s for the forward, s for the standard deviation):
// truncation ≈ 1e-8 relative and round-off ≈ 1e-12·V/h: tolerance 1e-6 relative plus 1e-8 of the
// natural scale of each Greek.
const GRID: Array<{ F: number; K: number; s: number; D: number; d: number }> = [];
for (const K of [70, 95, 100, 105, 140]) for (const s of [0.05, 0.2, 0.6]) for (const d of [0, 20]) GRID.push({ F: 100, K, s, D: 0.97, d });

describe('Black-76 Greeks vs bump-and-reprice of blackFormula', () => {
  it.each(GRID.map((g) => [`K=${g.K} s=${g.s} d=${g.d}`, g] as const))('%s', (_label, { F, K, s, D, d }) => {
    for (const w of TYPES) {
      const label = `F=${F} K=${K} s=${s} D=${D} d=${d} type=${w}`;
      const hF = 1e-4 * (F + d) * s;
      const hs = 1e-4 * s;
      close(blackFormulaForwardDerivative(w, K, F, s, D, d), d1((f) => blackFormula(w, K, f, s, D, d), F, hF), 1e-6, 1e-8, `∂V/∂F ${label}`);
      close(blackFormulaStdDevDerivative(K, F, s, D, d), d1((x) => blackFormula(w, K, F, x, D, d), s, hs), 1e-6, 1e-8 * F, `∂V/∂s ${label}`);
      close(blackFormulaVolDerivative(K, F, s, 2, D, d), d1((v) => blackFormula(w, K, F, v * Math.sqrt(2), D, d), s / Math.sqrt(2), hs), 1e-6, 1e-8 * F, `vega ${label}`);
      close(blackFormulaStdDevSecondDerivative(K, F, s, D, d), d1((x) => blackFormulaStdDevDerivative(K, F, x, D, d), s, hs), 1e-6, 1e-8 * F / s, `∂²V/∂s² ${label}`);
    }
  });
  it('zero stdDev limits: forward delta D·ω in the money, 0 out of it; stdDev derivative 0 away from the money', () => {
    expect(blackFormulaForwardDerivative(OptionType.Call, 90, 100, 0, 0.9)).toBe(0.9);
    expect(blackFormulaForwardDerivative(OptionType.Put, 90, 100, 0, 0.9)).toBe(0);
    expect(blackFormulaForwardDerivative(OptionType.Put, 110, 100, 0, 0.9)).toBe(-0.9);
    expect(blackFormulaStdDevDerivative(90, 100, 0)).toBe(0);
    expect(() => blackFormulaStdDevSecondDerivative(100, 100, 0)).toThrow(/stdDev = 0/);
  });
});

describe('Bachelier Greeks vs bump-and-reprice of bachelierBlackFormula', () => {
  it.each([[-0.01, 0.005], [0.02, 0.01], [0.03, 0.002], [0.05, 0.02]] as const)('K = %s, s = %s (F = 0.025)', (K, s) => {
    const F = 0.025;
    for (const w of TYPES) {
      close(bachelierBlackFormulaForwardDerivative(w, K, F, s, 0.98), d1((f) => bachelierBlackFormula(w, K, f, s, 0.98), F, 1e-6), 1e-6, 1e-9, `∂V/∂F type=${w}`);
      close(bachelierBlackFormulaStdDevDerivative(K, F, s, 0.98), d1((x) => bachelierBlackFormula(w, K, F, x, 0.98), s, 1e-4 * s), 1e-6, 1e-9, `∂V/∂s type=${w}`);
    }
  });
});

describe('Black–Scholes–Merton vanna, volga, charm, speed vs bump-and-reprice', () => {
  // V(S, σ, T) through blackFormula with F = S·e^((r−q)T), D = e^(−rT); Δ and Γ by the same route.
  const price = (w: OptionType, S: number, K: number, r: number, q: number, v: number, T: number) =>
    blackFormula(w, K, S * Math.exp((r - q) * T), v * Math.sqrt(T), Math.exp(-r * T));
  const delta = (w: OptionType, S: number, K: number, r: number, q: number, v: number, T: number) =>
    Math.exp(-q * T) * blackFormulaForwardDerivative(w, K, S * Math.exp((r - q) * T), v * Math.sqrt(T));
  const gamma = (S: number, K: number, r: number, q: number, v: number, T: number) =>
    d1((x) => delta(OptionType.Call, x, K, r, q, v, T), S, 1e-4 * S * v * Math.sqrt(T));
  const cases: Array<[number, number, number, number, number, number]> = [];
  for (const K of [80, 100, 125]) for (const v of [0.15, 0.4]) for (const T of [0.1, 1.5]) cases.push([100, K, 0.04, 0.015, v, T]);
  it.each(cases)('S=%s K=%s r=%s q=%s σ=%s T=%s', (S, K, r, q, v, T) => {
    const label = `S=${S} K=${K} r=${r} q=${q} σ=${v} T=${T}`;
    close(blackScholesVanna(S, K, r, q, v, T), d1((x) => delta(OptionType.Call, S, K, r, q, x, T), v, 1e-4 * v), 1e-6, 1e-8, `vanna ${label}`);
    const vega = (x: number) => d1((y) => price(OptionType.Put, S, K, r, q, y, T), x, 1e-5 * v);
    close(blackScholesVolga(S, K, r, q, v, T), d1(vega, v, 1e-3 * v), 1e-5, 1e-5 * S, `volga ${label}`);
    for (const w of TYPES) {
      // dΔ/dt = −∂Δ/∂T (calendar time passing).
      close(blackScholesCharm(w, S, K, r, q, v, T), -d1((t) => delta(w, S, K, r, q, v, t), T, 1e-5 * T), 1e-5, 1e-8, `charm type=${w} ${label}`);
    }
    // Speed is a difference of differences (Γ itself by bumping Δ): bumps of 1e-4 and 1e-3 of
    // S·σ√T, tolerance 1e-4 relative plus 1e-9.
    close(blackScholesSpeed(S, K, r, q, v, T), d1((x) => gamma(x, K, r, q, v, T), S, 1e-3 * S * v * Math.sqrt(T)), 1e-4, 1e-9, `speed ${label}`);
  });
  it('rejects bad input', () => {
    expect(() => blackScholesVanna(100, 100, 0.01, 0, 0, 1)).toThrow(/volatility = 0/);
    expect(() => blackScholesCharm(OptionType.Call, 100, 100, 0.01, 0, 0.2, 0)).toThrow(/expiry = 0/);
  });
});

describe('per-1 % and per-day helpers', () => {
  it('divide by 100 and by 365 (or the given days)', () => {
    expect(perOnePercent(39.695254747701185)).toBe(0.39695254747701185);
    expect(perDay(-3.65)).toBe(-0.01);
    expect(perDay(-2.52, 252)).toBeCloseTo(-0.01, 17);
    expect(() => perDay(1, 0)).toThrow(/daysPerYear = 0/);
  });
});
