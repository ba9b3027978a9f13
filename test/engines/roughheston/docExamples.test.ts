// Twin tests of the docstring examples of the rough Heston and fractional-solver area: each `//=>`
// value in a public docstring is asserted here exactly as printed there.
import { afterAll, describe, expect, it } from 'vitest';
import {
  Complex, Date, EuropeanExercise, FlatForward, Handle, OptionType, PlainVanillaPayoff, RoughHestonEngine, RoughHestonModel,
  Settings, SimpleQuote, VanillaOption, cosRoughHestonBatch, mittagLeffler, mittagLefflerComplex, solveFractionalRiccati, solveVolterra,
} from '../../../src/index.js';

afterAll(() => Settings.instance.evaluationDate.reset());

describe('docstring examples (rough Heston, fractional solvers)', () => {
  it('RoughHestonModel', () => {
    const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: Date.fromISO('2025-01-02') }));
    const model = new RoughHestonModel(curve(0.03), curve(0), new Handle(new SimpleQuote(100)), { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 });
    expect(model.alpha).toBe(0.6);
  });

  it('mittagLefflerComplex', () => {
    expect(mittagLefflerComplex(1, 1, new Complex(0, Math.PI)).re.toFixed(12)).toBe('-1.000000000000');
  });

  it('solveFractionalRiccati', () => {
    const s = solveFractionalRiccati({ alpha: 0.6, nodes: 1, aRe: 0, aIm: 0, bRe: -1, bIm: 0, cRe: 0, cIm: 0, y0Re: 1, grid: { horizon: 1, steps: 400 } });
    expect(Math.abs(s.psi[2 * 400]! - mittagLeffler(0.6, 1, -1)) < 1e-4).toBe(true);
  });

  it('solveVolterra', () => {
    const s = solveVolterra({ alpha: 0.7, x0: 0, drift: () => 2, horizon: 1, steps: 50 });
    expect(s.re[50]!.toFixed(6)).toBe('2.201095');
  });

  it('cosRoughHestonBatch', () => {
    const { calls } = cosRoughHestonBatch({ spot: 100, strikes: [100], expiries: [1], riskFreeRates: 0.03, dividendYields: 0, params: { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 } });
    expect(calls[0]!.toFixed(4)).toBe('8.3366');
  });

  it('RoughHestonEngine', () => {
    const today = Date.fromISO('2025-01-02');
    Settings.instance.evaluationDate.set(today);
    const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
    const model = new RoughHestonModel(curve(0.03), curve(0), new Handle(new SimpleQuote(100)), { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 });
    const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
    option.setPricingEngine(new RoughHestonEngine(model));
    expect(option.NPV().toFixed(3)).toBe('8.337');
  });
});
