// Twin of the @example in McLocalVolEngine's docstring: the `//=>` values asserted as printed there.
import { expect, it } from 'vitest';
import {
  Date, EuropeanExercise, FlatForward, Handle, LocalVolTermStructure, McLocalVolEngine, OptionType, PlainVanillaPayoff,
  Settings, SimpleQuote, VanillaOption,
} from '../../../src/index.js';

it('McLocalVolEngine docstring example', () => {
  const today = Date.fromISO('2025-01-02');
  Settings.instance.evaluationDate.set(today);
  class Skew extends LocalVolTermStructure {
    constructor() { super({ referenceDate: today }); }
    protected localVolImpl(_t: number, s: number): number { return Math.max(0.05, 0.2 - 0.1 * Math.log(s / 100)); }
  }
  const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
  const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Put, 90), new EuropeanExercise(today.addDays(365)));
  option.setPricingEngine(new McLocalVolEngine(new Handle(new SimpleQuote(100)), curve(0.01), curve(0.03), new Handle(new Skew()), { samples: 32768, seed: 1, antithetic: true }));
  expect(option.NPV().toFixed(4)).toBe('3.1499');
  expect(option.errorEstimate()!.toFixed(4)).toBe('0.0231');
  expect(option.result('timeSteps')).toBe(200);
});
