import { beforeEach, describe, expect, it } from 'vitest';
import { AnalyticContinuousGeometricAveragePriceAsianEngine } from '../../../engines/blackscholes/AnalyticContinuousGeometricAveragePriceAsianEngine.js';
import { AnalyticDiscreteGeometricAveragePriceAsianEngine } from '../../../engines/blackscholes/AnalyticDiscreteGeometricAveragePriceAsianEngine.js';
import { discreteGeometricAsian } from '../../../engines/blackscholes/_lib/discreteGeometricAsian.js';
import { AverageType } from '../../../instruments/AverageType.js';
import { ContinuousAveragingAsianOption } from '../../../instruments/ContinuousAveragingAsianOption.js';
import { DiscreteAveragingAsianOption } from '../../../instruments/DiscreteAveragingAsianOption.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { CashOrNothingPayoff } from '../../../instruments/payoffs/CashOrNothingPayoff.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { StrikedTypePayoff } from '../../../instruments/payoffs/StrikedTypePayoff.js';
import { InvalidInputError } from '../../../src/errors.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';

interface Case {
  id: string;
  inputs: { S: number; K: number; r: number; q: number; vol: number; type: 'call' | 'put'; fixing_days: number[]; fixing_times: number[]; N_days: number; T: number };
  outputs: { geometric_npv: number };
}
const cases: Case[] = quantlib['asian']['discrete'].cases;

beforeEach(setToday);

function discreteOption(payoff: StrikedTypePayoff, fixingDays: number[], accumulator = 1, past = 0, expiryDays = fixingDays[fixingDays.length - 1]!) {
  return new DiscreteAveragingAsianOption(
    AverageType.Geometric,
    accumulator,
    past,
    fixingDays.map((d) => today.addDays(d)),
    payoff,
    new EuropeanExercise(today.addDays(expiryDays)),
  );
}

const typeOf = (t: 'call' | 'put') => (t === 'call' ? OptionType.Call : OptionType.Put);

describe('discreteGeometricAsian (pure closed form, MC control variate)', () => {
  for (const c of cases) {
    it(`QuantLib 1.29 ${c.id}`, () => {
      const i = c.inputs;
      const v = discreteGeometricAsian({
        spot: i.S,
        fixingTimes: i.fixing_times,
        strike: i.K,
        optionType: typeOf(i.type),
        riskFreeRate: i.r,
        dividendYield: i.q,
        volatility: i.vol,
        maturity: i.T,
      });
      // Same closed form on both sides: 1e-10 relative (the suggested "exact" tolerance).
      expect(Math.abs(v - c.outputs.geometric_npv), `${v} vs ${c.outputs.geometric_npv}`).toBeLessThan(1e-10 * c.outputs.geometric_npv);
    });
  }

  it('refuses bad input naming the argument', () => {
    const base = { spot: 100, fixingTimes: [0.5, 1], strike: 100, optionType: OptionType.Call, riskFreeRate: 0.01, dividendYield: 0, volatility: 0.2, maturity: 1 };
    expect(() => discreteGeometricAsian({ ...base, volatility: -0.1 })).toThrow(/volatility = -0.1/);
    expect(() => discreteGeometricAsian({ ...base, fixingTimes: [1, 0.5] })).toThrow(/fixingTimes\[1\]/);
    expect(() => discreteGeometricAsian({ ...base, spot: Number.NaN })).toThrow(InvalidInputError);
    expect(() => discreteGeometricAsian({ ...base, fixingTimes: [] })).toThrow(/pastFixings \+ fixings = 0/);
  });
});

describe('AnalyticDiscreteGeometricAveragePriceAsianEngine', () => {
  for (const c of cases) {
    it(`QuantLib 1.29 ${c.id} through the instrument`, () => {
      const i = c.inputs;
      const m = flatMarket(i.S, i.r, i.q, i.vol);
      const option = discreteOption(new PlainVanillaPayoff(typeOf(i.type), i.K), i.fixing_days, 1, 0, i.N_days);
      option.setPricingEngine(new AnalyticDiscreteGeometricAveragePriceAsianEngine(m.process));
      // Closed form: 1e-10 relative.
      expect(Math.abs(option.NPV() - c.outputs.geometric_npv)).toBeLessThan(1e-10 * c.outputs.geometric_npv);
    });
  }

  it('one fixing at expiry is the European option', () => {
    const m = flatMarket(100, 0.04, 0.01, 0.3);
    for (const type of [OptionType.Call, OptionType.Put]) {
      const asian = discreteOption(new PlainVanillaPayoff(type, 95), [200]);
      asian.setPricingEngine(new AnalyticDiscreteGeometricAveragePriceAsianEngine(m.process));
      const euro = europeanOption(type, 95, 200);
      euro.setPricingEngine(m.engine);
      // Both are Black's formula on the same F, s, D: round-off only.
      expect(Math.abs(asian.NPV() - euro.NPV())).toBeLessThan(1e-12 * 100);
      expect(Math.abs(asian.result('delta') - euro.result('delta'))).toBeLessThan(1e-12);
      expect(Math.abs(asian.result('vega') - euro.result('vega'))).toBeLessThan(1e-10);
    }
  });

  it('n equally spaced fixings converge to the continuous (Kemna–Vorst) price at order 1/n', () => {
    const m = flatMarket(100, 0.05, 0.02, 0.2);
    const cont = new ContinuousAveragingAsianOption(AverageType.Geometric, new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(730)));
    cont.setPricingEngine(new AnalyticContinuousGeometricAveragePriceAsianEngine(m.process));
    const discrete = (step: number) => {
      const days = Array.from({ length: 730 / step }, (_, k) => (k + 1) * step);
      const o = discreteOption(new PlainVanillaPayoff(OptionType.Call, 100), days);
      o.setPricingEngine(new AnalyticDiscreteGeometricAveragePriceAsianEngine(m.process));
      return o.NPV();
    };
    const coarse = discrete(2); // 365 fixings
    const fine = discrete(1); // 730 fixings
    const errCoarse = coarse - cont.NPV();
    const errFine = fine - cont.NPV();
    // First-order discretisation of the average: halving the step halves the error (ratio 2 ± 2 %).
    expect(errCoarse / errFine).toBeGreaterThan(1.96);
    expect(errCoarse / errFine).toBeLessThan(2.04);
    // Richardson extrapolation removes the O(1/n) term; what is left is O(1/n²) ~ 1e-5 here.
    expect(Math.abs(2 * fine - coarse - cont.NPV())).toBeLessThan(1e-4);
  });

  it('past fixings: a fully fixed average is the discounted payoff', () => {
    const m = flatMarket(100, 0.05, 0.02, 0.2);
    // Three past fixings 90, 100, 110 and expiry in 30 days, no future fixings left (dates before today are ignored).
    const option = new DiscreteAveragingAsianOption(
      AverageType.Geometric,
      90 * 100 * 110,
      3,
      [today.addDays(-20), today.addDays(-10), today.addDays(-1)],
      new PlainVanillaPayoff(OptionType.Call, 95),
      new EuropeanExercise(today.addDays(30)),
    );
    option.setPricingEngine(new AnalyticDiscreteGeometricAveragePriceAsianEngine(m.process));
    const G = Math.cbrt(90 * 100 * 110);
    expect(option.NPV()).toBeCloseTo(Math.exp((-0.05 * 30) / 365) * (G - 95), 12);
    expect(option.result('delta')).toBe(0);
  });

  it('past fixings shift the average as their weight says (same as fixing at those values)', () => {
    // 2 past fixings at S·e^{x}, then 2 future ones: equals the closed form with past accumulator.
    const m = flatMarket(100, 0.03, 0.0, 0.25);
    const acc = 104 * 97;
    const option = discreteOption(new PlainVanillaPayoff(OptionType.Put, 100), [91, 182], acc, 2);
    option.setPricingEngine(new AnalyticDiscreteGeometricAveragePriceAsianEngine(m.process));
    // Independent: the law of ln G by hand. ln G = (ln acc + 2 ln S + μ1 + μ2 + noise)/4.
    const t1 = 91 / 365;
    const t2 = 182 / 365;
    const mean = (Math.log(acc) + 2 * Math.log(100) + (0.03 - 0.03125) * (t1 + t2)) / 4;
    const variance = (0.0625 * (t1 + t2 + 2 * t1)) / 16;
    const F = Math.exp(mean + variance / 2);
    const s = Math.sqrt(variance);
    const d1 = Math.log(F / 100) / s + s / 2;
    const Ncdf = (x: number) => 0.5 * erfcApprox(-x / Math.SQRT2);
    const expected = Math.exp(-0.03 * t2) * (100 * Ncdf(-(d1 - s)) - F * Ncdf(-d1));
    // erfc by a 1e-14 accurate series below; tolerance 1e-11 absolute.
    expect(Math.abs(option.NPV() - expected)).toBeLessThan(1e-11);
  });

  it('Greeks agree with bump-and-reprice (vanilla and cash-or-nothing)', () => {
    for (const payoff of [new PlainVanillaPayoff(OptionType.Call, 102), new CashOrNothingPayoff(OptionType.Put, 98, 10)]) {
      const m = flatMarket(100, 0.04, 0.015, 0.3);
      const option = discreteOption(payoff, [30, 90, 150, 210, 270]);
      option.setPricingEngine(new AnalyticDiscreteGeometricAveragePriceAsianEngine(m.process));
      const bump = (q: { value(): number; setValue(x: number): number }, h: number) => {
        const x = q.value();
        q.setValue(x + h);
        const up = option.NPV();
        q.setValue(x - h);
        const down = option.NPV();
        q.setValue(x);
        return { d1: (up - down) / (2 * h), d2: (up - 2 * option.NPV() + down) / (h * h) };
      };
      // Central differences, O(h²) truncation; relative 1e-6 (gamma 1e-4: h² division amplifies round-off).
      const close = (a: number, b: number, rel: number, name: string) => expect(Math.abs(a - b), `${name}: ${a} vs ${b}`).toBeLessThan(rel * Math.max(1e-3, Math.abs(b)));
      const s = bump(m.spot, 0.01);
      close(option.result('delta'), s.d1, 1e-6, 'delta');
      close(option.result('gamma'), s.d2, 1e-4, 'gamma');
      close(option.result('vega'), bump(m.vol, 1e-4).d1, 1e-6, 'vega');
      close(option.result('rho'), bump(m.rate, 1e-5).d1, 1e-6, 'rho');
      close(option.result('dividendRho'), bump(m.dividend, 1e-5).d1, 1e-6, 'dividendRho');
      expect(() => option.result('theta')).toThrow(/theta/);
    }
  });

  it('refuses arithmetic averaging and American exercise naming them', () => {
    const m = flatMarket();
    const engine = new AnalyticDiscreteGeometricAveragePriceAsianEngine(m.process);
    const arith = new DiscreteAveragingAsianOption(AverageType.Arithmetic, 0, 0, [today.addDays(30)], new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(30)));
    arith.setPricingEngine(engine);
    expect(() => arith.NPV()).toThrow(/averageType = "Arithmetic"/);
    const amer = new DiscreteAveragingAsianOption(AverageType.Geometric, 1, 0, [today.addDays(30)], new PlainVanillaPayoff(OptionType.Call, 100), new AmericanExercise(today, today.addDays(30)));
    amer.setPricingEngine(engine);
    expect(() => amer.NPV()).toThrow(/exercise.type/);
  });

  it('reprices when the spot quote moves (registered with the process)', () => {
    const m = flatMarket();
    const option = discreteOption(new PlainVanillaPayoff(OptionType.Call, 100), [30, 60]);
    option.setPricingEngine(new AnalyticDiscreteGeometricAveragePriceAsianEngine(m.process));
    const before = option.NPV();
    m.spot.setValue(110);
    expect(option.NPV()).toBeGreaterThan(before);
  });
});

/** erfc(x) by W. J. Cody's rational-free continued fraction / series (independent of src/math), |err| < 1e-14 for |x| < 6. */
function erfcApprox(x: number): number {
  if (x < 0) return 2 - erfcApprox(-x);
  if (x < 2.5) {
    // erf series: 2/√π Σ (−1)^n x^{2n+1}/(n!(2n+1))
    let sum = 0;
    let term = x;
    for (let n = 0; n < 200; n++) {
      const t = term / (2 * n + 1);
      sum += t;
      term *= (-x * x) / (n + 1);
      if (Math.abs(t) < 1e-17) break;
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  // Continued fraction (Lentz) for erfc at large x.
  let f = x;
  let C = x;
  let D = 0;
  for (let n = 1; n < 300; n++) {
    const a = n / 2;
    D = x + a * D;
    D = 1 / D;
    C = x + a / C;
    const delta = C * D;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
}
