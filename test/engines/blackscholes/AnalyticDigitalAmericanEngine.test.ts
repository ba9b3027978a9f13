import { beforeEach, describe, expect, it } from 'vitest';
import { AnalyticDigitalAmericanEngine } from '../../../engines/blackscholes/AnalyticDigitalAmericanEngine.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { AssetOrNothingPayoff } from '../../../instruments/payoffs/AssetOrNothingPayoff.js';
import { CashOrNothingPayoff } from '../../../instruments/payoffs/CashOrNothingPayoff.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { StrikedTypePayoff } from '../../../instruments/payoffs/StrikedTypePayoff.js';
import { VanillaOption } from '../../../instruments/VanillaOption.js';
import type { GeneralizedBlackScholesProcess } from '../../../src/processes/GeneralizedBlackScholesProcess.js';
import { flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { act360Market, exotics } from './_lib/exoticsMarket.js';

beforeEach(setToday);

function touch(process: GeneralizedBlackScholesProcess, payoff: StrikedTypePayoff, days: number, atExpiry = false) {
  const o = new VanillaOption(payoff, new AmericanExercise(today, today.addDays(days), atExpiry));
  o.setPricingEngine(new AnalyticDigitalAmericanEngine(process));
  return o;
}

const typeOf = (t: 'call' | 'put') => (t === 'call' ? OptionType.Call : OptionType.Put);

describe('AnalyticDigitalAmericanEngine', () => {
  for (const c of exotics['american_digital'].cases as { id: string; inputs: Record<string, never>; outputs: Record<string, number> }[]) {
    it(`QuantLib 1.29 ${c.id}`, () => {
      const i = c.inputs as unknown as { kind: string; payoffAtExpiry: boolean; type: 'call' | 'put'; S: number; K: number; cash: number; N_days: number; r: number; q: number; vol: number };
      const payoff = i.kind === 'cash' ? new CashOrNothingPayoff(typeOf(i.type), i.K, i.cash) : new AssetOrNothingPayoff(typeOf(i.type), i.K);
      const o = touch(flatMarket(i.S, i.r, i.q, i.vol).process, payoff, i.N_days, i.payoffAtExpiry);
      // Same closed forms: 1e-12 relative on the value (measured ≤ 1e-15), 1e-10 relative + 1e-14 on delta/gamma.
      expect(Math.abs(o.NPV() - c.outputs['npv']!)).toBeLessThan(1e-12 * c.outputs['npv']!);
      for (const g of ['delta', 'gamma'] as const) {
        if (c.outputs[g] !== undefined) expect(Math.abs(o.result(g) - c.outputs[g]!)).toBeLessThan(1e-10 * Math.abs(c.outputs[g]!) + 1e-14);
      }
    });
  }

  it('Haug (1998) p. 95, cases 1–4 (as in QuantLib’s test suite): K = 100, T = 0.5, r = 0.10, q = 0, σ = 0.20', () => {
    // Act/360 so that T = 0.5 is 180 days. Published to 4 decimals: tolerance 1e-4.
    // Cash 15 at hit: put S = 105 → 9.7264, call S = 95 → 11.6553.
    // Asset at hit: put 64.8426, call 77.7017 (QuantLib notes the book's printed values are wrong and uses Haug's VBA values).
    const put = act360Market(105, 0.1, 0, 0.2).process;
    const call = act360Market(95, 0.1, 0, 0.2).process;
    expect(Math.abs(touch(put, new CashOrNothingPayoff(OptionType.Put, 100, 15), 180).NPV() - 9.7264)).toBeLessThan(1e-4);
    expect(Math.abs(touch(call, new CashOrNothingPayoff(OptionType.Call, 100, 15), 180).NPV() - 11.6553)).toBeLessThan(1e-4);
    expect(Math.abs(touch(put, new AssetOrNothingPayoff(OptionType.Put, 100), 180).NPV() - 64.8426)).toBeLessThan(1e-4);
    expect(Math.abs(touch(call, new AssetOrNothingPayoff(OptionType.Call, 100), 180).NPV() - 77.7017)).toBeLessThan(1e-4);
  });

  it('already in the money: pays at once (cash or spot), or the discounted amount at expiry', () => {
    const m = flatMarket(105, 0.05, 0.02, 0.2);
    expect(touch(m.process, new CashOrNothingPayoff(OptionType.Call, 100, 15), 200).NPV()).toBe(15);
    expect(touch(m.process, new AssetOrNothingPayoff(OptionType.Call, 100), 200).NPV()).toBe(105);
    expect(touch(m.process, new CashOrNothingPayoff(OptionType.Call, 100, 15), 365, true).NPV()).toBeCloseTo(15 * Math.exp(-0.05), 13);
    expect(touch(m.process, new AssetOrNothingPayoff(OptionType.Call, 100), 365, true).NPV()).toBeCloseTo(105 * Math.exp(-0.02), 12);
  });

  it('one-touch ≥ European digital; at hit ≥ at expiry when r > 0; r = 0 makes them equal', () => {
    for (const [r, q] of [[0.05, 0.01], [0, 0.03]] as const) {
      const m = flatMarket(100, r, q, 0.3);
      const hit = touch(m.process, new CashOrNothingPayoff(OptionType.Put, 90, 10), 300).NPV();
      const expiry = touch(m.process, new CashOrNothingPayoff(OptionType.Put, 90, 10), 300, true).NPV();
      const euro = new VanillaOption(new CashOrNothingPayoff(OptionType.Put, 90, 10), new EuropeanExercise(today.addDays(300)));
      euro.setPricingEngine(m.engine);
      expect(expiry).toBeGreaterThan(euro.NPV());
      if (r > 0) expect(hit).toBeGreaterThan(expiry);
      else expect(Math.abs(hit - expiry)).toBeLessThan(1e-13); // no discounting: same hit probability
      // Reflection principle for a driftless log-spot is not exact here (q ≠ 0), so only ordering is asserted.
    }
  });

  it('delta and gamma agree with bump-and-reprice', () => {
    for (const [payoff, S] of [[new CashOrNothingPayoff(OptionType.Put, 100, 15), 108], [new AssetOrNothingPayoff(OptionType.Call, 100), 93]] as const) {
      const m = flatMarket(S, 0.04, 0.02, 0.25);
      const o = touch(m.process, payoff, 250);
      const h = 0.01;
      m.spot.setValue(S + h);
      const up = o.NPV();
      m.spot.setValue(S - h);
      const down = o.NPV();
      m.spot.setValue(S);
      const mid = o.NPV();
      // Central differences with h = 0.01: truncation ~h²·V''' ≈ 1e-7; gamma's h² division leaves ~1e-6.
      expect(Math.abs(o.result('delta') - (up - down) / (2 * h))).toBeLessThan(1e-6 * Math.max(1, Math.abs(o.result('delta'))));
      expect(Math.abs(o.result('gamma') - (up - 2 * mid + down) / (h * h))).toBeLessThan(1e-5);
    }
  });

  it('refuses European exercise and vanilla payoffs naming them', () => {
    const m = flatMarket();
    const euro = new VanillaOption(new CashOrNothingPayoff(OptionType.Put, 90, 10), new EuropeanExercise(today.addDays(30)));
    euro.setPricingEngine(new AnalyticDigitalAmericanEngine(m.process));
    expect(() => euro.NPV()).toThrow(/exercise.type/);
    expect(() => touch(m.process, new PlainVanillaPayoff(OptionType.Put, 90), 30).NPV()).toThrow(/payoff = "?Vanilla"?/);
  });
});
