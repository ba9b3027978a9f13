// @test AnalyticSabrEuropeanEngine (method 'hagan-2014-pde')
import { describe, expect, it } from 'vitest';
import { AnalyticSabrEuropeanEngine, type SabrEuropeanEngineOptions } from '../../../engines/sabr/AnalyticSabrEuropeanEngine.js';
import { sabrArbitrageFreeDensity } from '../../../engines/sabr/sabrArbitrageFreeDensity.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { VanillaOptionArguments } from '../../../instruments/VanillaOption.js';
import { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import type { SabrParameters } from '../../../termstructures/volatility/sabr/SabrParameters.js';
import { SabrSmileSection, type SabrSmileSectionOptions } from '../../../termstructures/volatility/sabr/SabrSmileSection.js';
import { FlatForward } from '../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';
import { setToday, today } from '../../_lib/market.js';

const args = (type: OptionType, strike: number, days: number): VanillaOptionArguments => ({ payoff: new PlainVanillaPayoff(type, strike), exercise: new EuropeanExercise(today.addDays(days)) });

function market(days: number, F: number, p: SabrParameters, options: SabrSmileSectionOptions = {}, engine: SabrEuropeanEngineOptions = { method: 'hagan-2014-pde' }) {
  setToday();
  const fwd = new SimpleQuote(F);
  const curve = new Handle<YieldTermStructure>(new FlatForward(new Handle<Quote>(new SimpleQuote(0.03)), { referenceDate: today }));
  const section = new SabrSmileSection(days / 365, new Handle<Quote>(fwd), p, options);
  return { fwd, curve, section, engine: new AnalyticSabrEuropeanEngine(section, curve, engine), hagan: new AnalyticSabrEuropeanEngine(section, curve) };
}

describe("AnalyticSabrEuropeanEngine, method 'hagan-2014-pde'", () => {
  const p = { alpha: 0.035, beta: 0.5, nu: 0.4, rho: -0.3 };

  it('value = D·E[payoff] under the density; put–call parity D(F − K); within 1 bp of vol of Hagan at the money, 12 bp at K = 2F/3 (T = 1, Tν² = 0.16)', () => {
    const m = market(365, 0.03, p);
    const D = Math.exp(-0.03);
    const d = sabrArbitrageFreeDensity(1, 0.03, p);
    const diffs: number[] = [];
    for (const K of [0.02, 0.025, 0.03, 0.035, 0.045]) {
      const call = m.engine.calculate(args(OptionType.Call, K, 365));
      const put = m.engine.calculate(args(OptionType.Put, K, 365));
      expect(call.value).toBe(D * d.price(1, K));
      expect(Math.abs(call.value - put.value - D * (0.03 - K))).toBeLessThan(1e-15);
      const h = m.hagan.calculate(args(OptionType.Call, K, 365));
      diffs.push(call.additionalResults['volatility']! - h.additionalResults['volatility']!);
      expect(call.greeks).toEqual({});
      expect(call.additionalResults['lowerBoundary']).toBe(0);
    }
    // Measured PDE − Hagan: −9.8, −4.7, −0.4, +1.9, +1.6 bp of vol (the expansions differ at O(ε⁴)).
    expect(Math.abs(diffs[2]!)).toBeLessThan(1e-4);
    diffs.forEach((x) => expect(Math.abs(x)).toBeLessThan(1.2e-3));
  });

  it('Bachelier quoting: the normal implied vol of the PDE price is close to Hagan’s normal vol; the price does not depend on the quoting', () => {
    const ln = market(730, 0.03, p);
    const nm = market(730, 0.03, p, { volatilityType: 'normal' });
    for (const K of [0.02, 0.03, 0.04]) {
      const a = ln.engine.calculate(args(OptionType.Put, K, 730));
      const b = nm.engine.calculate(args(OptionType.Put, K, 730));
      expect(b.value).toBe(a.value);
      const h = nm.hagan.calculate(args(OptionType.Put, K, 730));
      // Normal vols ~ 60 bp/year: agree to 1 bp/year (the two expansions differ by O(ε⁴)).
      expect(Math.abs(b.additionalResults['volatility']! - h.additionalResults['volatility']!), `K = ${K}`).toBeLessThan(1e-4);
    }
  });

  it('shifted SABR: the floor moves to −s and negative strikes price; parity holds', () => {
    const m = market(1825, 0.002, { alpha: 0.01, beta: 0.5, nu: 0.5, rho: 0 }, { shift: 0.02 });
    const D = Math.exp(-0.03 * 5);
    for (const K of [-0.01, 0, 0.002, 0.01]) {
      const c = m.engine.calculate(args(OptionType.Call, K, 1825)).value;
      const q = m.engine.calculate(args(OptionType.Put, K, 1825)).value;
      expect(Math.abs(c - q - D * (0.002 - K))).toBeLessThan(1e-15);
    }
    expect(m.engine.calculate(args(OptionType.Call, 0, 1825)).additionalResults['lowerBoundary']).toBeCloseTo(-0.02, 15);
  });

  it('re-solves after a forward tick (and notifies); the default method is unchanged', () => {
    const m = market(365, 0.03, p);
    let n = 0;
    m.engine.registerObserver({ update: () => n++ });
    const before = m.engine.calculate(args(OptionType.Call, 0.03, 365)).value;
    m.fwd.setValue(0.031);
    expect(n).toBe(1);
    const after = m.engine.calculate(args(OptionType.Call, 0.03, 365)).value;
    expect(after).toBe(Math.exp(-0.03) * sabrArbitrageFreeDensity(1, 0.031, p).price(1, 0.03));
    expect(after).toBeGreaterThan(before);
    const explicit = new AnalyticSabrEuropeanEngine(m.section, m.curve, { method: 'hagan-expansion' });
    expect(explicit.calculate(args(OptionType.Call, 0.03, 365))).toEqual(m.hagan.calculate(args(OptionType.Call, 0.03, 365)));
  });

  it('refuses an unknown method and bad PDE options, naming them', () => {
    const m = market(365, 0.03, p);
    expect(() => new AnalyticSabrEuropeanEngine(m.section, m.curve, { method: 'pde' as never })).toThrow(/options.method/);
    expect(() => new AnalyticSabrEuropeanEngine(m.section, m.curve, { method: 'hagan-2014-pde', pde: { gridPoints: 3 } })).toThrow(/options.pde.gridPoints/);
  });
});
