// @test AnalyticSabrEuropeanEngine
import { describe, expect, it } from 'vitest';
import { AnalyticSabrEuropeanEngine } from '../../../engines/sabr/AnalyticSabrEuropeanEngine.js';
import { bachelierBlackFormula } from '../../../engines/blackscholes/formulas/bachelierBlackFormula.js';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { VanillaOptionArguments } from '../../../instruments/VanillaOption.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { InvalidInputError } from '../../../src/errors.js';
import { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import { SabrSmileSection, type SabrSmileSectionOptions } from '../../../termstructures/volatility/sabr/SabrSmileSection.js';
import type { SabrParameters } from '../../../termstructures/volatility/sabr/SabrParameters.js';
import { FlatForward } from '../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';
import { setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';

interface SabrCase { id: string; inputs: SabrParameters & { F: number; T: number; shift?: number }; points: { K: number; lognormal_vol?: number; shifted_lognormal_vol?: number; normal_vol: number }[] }

/** The arguments record of a European vanilla expiring in `days`. */
const args = (type: OptionType, strike: number, days: number): VanillaOptionArguments => ({ payoff: new PlainVanillaPayoff(type, strike), exercise: new EuropeanExercise(today.addDays(days)) });

/** A market of `days` to expiry (T = days/365, Act/365F) with a flat 3 % curve. */
function market(days: number, F: number, p: SabrParameters, options: SabrSmileSectionOptions = {}) {
  setToday();
  const fwd = new SimpleQuote(F);
  const curve = new Handle<YieldTermStructure>(new FlatForward(new Handle<Quote>(new SimpleQuote(0.03)), { referenceDate: today }));
  const section = new SabrSmileSection(days / 365, new Handle<Quote>(fwd), p, options);
  return { fwd, curve, section, engine: new AnalyticSabrEuropeanEngine(section, curve) };
}

describe('AnalyticSabrEuropeanEngine', () => {
  const cases: SabrCase[] = quantlib['sabr'].cases;
  const shifted: SabrCase[] = quantlib['sabr'].shifted_cases;

  it('prices with Black-76 at the QuantLib 1.29 SABR vols (and Bachelier at the normal vols, shifted Black at the shifted ones) to 1e-12', () => {
    for (const [c, convention] of [...cases.map((x) => [x, 'lognormal'] as const), ...cases.map((x) => [x, 'normal'] as const), ...shifted.map((x) => [x, 'shifted'] as const)]) {
      const { F, T, shift, ...p } = c.inputs;
      const days = Math.round(T * 365);
      const m = market(days, F, p, convention === 'normal' ? { volatilityType: 'normal' } : convention === 'shifted' ? { shift } : {});
      const D = Math.exp(-0.03 * T);
      for (const pt of c.points) {
        for (const type of [OptionType.Call, OptionType.Put]) {
          const r = m.engine.calculate(args(type, pt.K, days));
          const expected =
            convention === 'normal'
              ? bachelierBlackFormula(type, pt.K, F, pt.normal_vol * Math.sqrt(T), D)
              : convention === 'shifted'
                ? blackFormula(type, pt.K, F, (pt.shifted_lognormal_vol as number) * Math.sqrt(T), D, shift)
                : blackFormula(type, pt.K, F, (pt.lognormal_vol as number) * Math.sqrt(T), D);
          expect(Math.abs(r.value - expected), `${c.id} ${convention} K=${pt.K} type=${type}: ${r.value} vs ${expected}`).toBeLessThan(1e-12 * Math.max(1, F));
        }
      }
    }
  });

  it('put–call parity C − P = D(F − K), and vega, deltaForward against bump-and-reprice', () => {
    const p = { alpha: 0.035, beta: 0.5, nu: 0.4, rho: -0.3 };
    const m = market(365, 0.03, p);
    const D = Math.exp(-0.03);
    for (const K of [0.01, 0.02, 0.03, 0.045]) {
      const call = m.engine.calculate(args(OptionType.Call, K, 365));
      const put = m.engine.calculate(args(OptionType.Put, K, 365));
      expect(Math.abs(call.value - put.value - D * (0.03 - K))).toBeLessThan(1e-15);
      // deltaForward: reprice with the forward quote bumped (the whole SABR smile moves); central
      // difference, step 1e-6 → error ~1e-12 · V‴, tolerance 1e-7.
      const h = 1e-6;
      m.fwd.setValue(0.03 + h);
      const up = m.engine.calculate(args(OptionType.Call, K, 365)).value;
      m.fwd.setValue(0.03 - h);
      const down = m.engine.calculate(args(OptionType.Call, K, 365)).value;
      m.fwd.setValue(0.03);
      expect(Math.abs((call.greeks.deltaForward as number) - (up - down) / (2 * h)), `K=${K}`).toBeLessThan(1e-7);
      // vega: Black-76 at σ ± 1e-6.
      const s = call.additionalResults['volatility'] as number;
      const bump = (blackFormula(OptionType.Call, K, 0.03, (s + 1e-6), D) - blackFormula(OptionType.Call, K, 0.03, (s - 1e-6), D)) / 2e-6;
      expect(Math.abs((call.greeks.vega as number) - bump)).toBeLessThan(1e-7);
    }
  });

  it('notifies on a forward tick, and rejects non-European exercise, a mismatched expiry and bad strikes', () => {
    const m = market(365, 100, { alpha: 0.2, beta: 1, nu: 0.5, rho: -0.4 });
    let n = 0;
    m.engine.registerObserver({ update: () => n++ });
    const before = m.engine.calculate(args(OptionType.Call, 100, 365)).value;
    m.fwd.setValue(101);
    expect(n).toBe(1);
    expect(m.engine.calculate(args(OptionType.Call, 100, 365)).value).toBeGreaterThan(before);
    expect(() => m.engine.calculate({ payoff: new PlainVanillaPayoff(OptionType.Call, 100), exercise: new AmericanExercise(today, today.addDays(365)) })).toThrow(InvalidInputError);
    expect(() => m.engine.calculate(args(OptionType.Call, 100, 200))).toThrow(/exercise\.lastDate/);
    expect(() => m.engine.calculate(args(OptionType.Call, -1, 365))).toThrow(InvalidInputError);
  });
});
