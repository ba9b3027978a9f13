// Twin tests of the Heston docstring examples: each `//=>` value asserted exactly as printed.
import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalyticHestonEngine, Complex, cosHestonBatch, CosHestonEngine, Date, EuropeanExercise, FlatForward, Handle, HestonModel, HestonProcess,
  hestonCharacteristicFunction, McHestonEngine, OptionType, PlainVanillaPayoff, Settings, SimpleQuote, VanillaOption,
} from '../../../src/index.js';

afterAll(() => Settings.instance.evaluationDate.reset());

describe('Heston docstring examples', () => {
  it('HestonProcess, HestonModel, AnalyticHestonEngine, CosHestonEngine, hestonCharacteristicFunction, cosHestonBatch', () => {
    const today = Date.fromISO('2025-01-02');
    Settings.instance.evaluationDate.set(today);
    const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
    const std = new HestonProcess(curve(0.03), curve(0.01), new Handle(new SimpleQuote(100)), 0.04, 1.5, 0.04, 0.3, -0.7);
    expect(std.parameters.rho).toBe(-0.7);
    expect(new HestonModel(std).fellerRatio()).toBe(1.3333333333333333);
    const process = new HestonProcess(curve(0.01), curve(0.02), new Handle(new SimpleQuote(100)), 0.04, 4, 0.25, 1, -0.5);
    const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
    option.setPricingEngine(new AnalyticHestonEngine(new HestonModel(process)));
    expect(option.NPV().toFixed(8)).toBe('16.07015492');
    const put = new VanillaOption(new PlainVanillaPayoff(OptionType.Put, 90), new EuropeanExercise(today.addDays(365)));
    put.setPricingEngine(new CosHestonEngine(new HestonModel(process)));
    expect(put.NPV().toFixed(8)).toBe('12.01796671');
    const p = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
    expect(hestonCharacteristicFunction(new Complex(0, -1), 1, p, 0.02).re).toBe(1.0202013400267558);
    const { calls } = cosHestonBatch({ spot: 100, strikes: [100, 110, 120], expiries: [1], riskFreeRates: 0.01,
      dividendYields: 0.02, params: { v0: 0.04, kappa: 4, theta: 0.25, sigma: 1, rho: -0.5 } });
    expect(calls[0]!.toFixed(8)).toBe('16.07015492');
  });

  it('McHestonEngine', () => {
    const today = Date.fromISO('2025-01-02');
    Settings.instance.evaluationDate.set(today);
    const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
    const process = new HestonProcess(curve(0.03), curve(0.01), new Handle(new SimpleQuote(100)), 0.04, 1.5, 0.04, 0.3, -0.7);
    const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
    option.setPricingEngine(new McHestonEngine(new HestonModel(process), { samples: 65536, seed: 1 }));
    expect(option.NPV().toFixed(4)).toBe('8.5100');
    expect(option.errorEstimate()?.toFixed(4)).toBe('0.0424');
    option.setPricingEngine(new AnalyticHestonEngine(new HestonModel(process)));
    expect(option.NPV().toFixed(4)).toBe('8.5423');
  });
});
