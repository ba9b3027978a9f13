import { beforeEach, describe, expect, it } from 'vitest';
import { McAmericanEngine } from '../../../engines/blackscholes/McAmericanEngine.js';
import { FdBlackScholesVanillaEngine } from '../../../engines/blackscholes/FdBlackScholesVanillaEngine.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { BermudanExercise } from '../../../instruments/exercises/BermudanExercise.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../../../instruments/VanillaOption.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';

beforeEach(setToday);

interface AmericanCase {
  id: string;
  inputs: { S: number; K: number; N_days: number; r: number; q: number; vol: number; type: 'call' | 'put' };
  outputs: { qdfp_high_precision: number; european_npv: number };
}
const cases: AmericanCase[] = quantlib.american.cases;

function price(c: AmericanCase, opts: ConstructorParameters<typeof McAmericanEngine>[1]) {
  const i = c.inputs;
  const m = flatMarket(i.S, i.r, i.q, i.vol);
  const o = new VanillaOption(new PlainVanillaPayoff(i.type === 'call' ? OptionType.Call : OptionType.Put, i.K), new AmericanExercise(today, today.addDays(i.N_days)));
  o.setPricingEngine(new McAmericanEngine(m.process, opts));
  return { x: o.NPV(), se: o.errorEstimate() };
}

describe('McAmericanEngine (Longstaff–Schwartz)', () => {
  it('matches QuantLib 1.29 QdFp American values within 3 se + 0.04 low bias, and is ≥ European − 3 se', () => {
    // Stated bias: 50 exercise dates per year (Bermudan) and a cubic regression rule price from
    // below by a few cents on these cases (Longstaff–Schwartz 2001, Table 1: ≤ 0.03 at 50 dates).
    for (const c of cases) {
      const r = price(c, { samples: 8192, calibrationSamples: 4096, seed: 17, antithetic: true, timeSteps: Math.ceil(50 * c.inputs.N_days / 365) });
      const truth = c.outputs.qdfp_high_precision;
      if (process.env.MC_DIAG) console.log(c.id, r.x - truth, r.se);
      expect(r.x, `${c.id}: mc=${r.x} se=${r.se} qdfp=${truth}`).toBeLessThan(truth + 3 * r.se + 1e-9);
      expect(r.x, `${c.id}: mc=${r.x} se=${r.se} qdfp=${truth}`).toBeGreaterThan(truth - 3 * r.se - 0.04);
      expect(r.x).toBeGreaterThan(c.outputs.european_npv - 3 * r.se);
    }
  });

  it('prices a quarterly Bermudan put within 3 se of the FD value (minus a stated low bias)', () => {
    // FD 800×800 on the same Bermudan dates is accurate to ~1e-4 (trees-and-pde.md); LSM with a
    // cubic rule and 4 dates is low-biased by ≤ 0.02 (Longstaff–Schwartz 2001, Table 1 scale).
    const m = flatMarket(100, 0.05, 0, 0.2);
    const dates = [91, 182, 273, 365].map((d) => today.addDays(d));
    const bermudan = () => new VanillaOption(new PlainVanillaPayoff(OptionType.Put, 100), new BermudanExercise(dates));
    const fd = bermudan();
    fd.setPricingEngine(new FdBlackScholesVanillaEngine(m.process, { tGrid: 800, xGrid: 800 }));
    const mc = bermudan();
    mc.setPricingEngine(new McAmericanEngine(m.process, { samples: 16384, calibrationSamples: 8192, seed: 5, antithetic: true }));
    const se = mc.errorEstimate();
    expect(mc.NPV()).toBeLessThan(fd.NPV() + 3 * se);
    expect(mc.NPV()).toBeGreaterThan(fd.NPV() - 3 * se - 0.02);
    expect(mc.result('timeSteps')).toBe(4); // simulated on its own exercise dates
  });

  it('a Bermudan with the expiry as only date is the European: the control variate makes it exact', () => {
    // y = c on every path, so the control-variate estimate equals the control's Black–Scholes mean.
    const m = flatMarket(100, 0.05, 0.02, 0.25);
    const b = new VanillaOption(new PlainVanillaPayoff(OptionType.Put, 95), new BermudanExercise([today.addDays(200)]));
    b.setPricingEngine(new McAmericanEngine(m.process, { samples: 2048, seed: 3 }));
    const e = europeanOption(OptionType.Put, 95, 200);
    e.setPricingEngine(m.engine);
    expect(Math.abs(b.NPV() - e.NPV())).toBeLessThan(1e-10);
  });

  it('with Sobol (randomised QMC, Brownian bridge): the Bermudan within 3 se of FD, and a smaller error than Philox at equal samples', () => {
    const m = flatMarket(100, 0.05, 0, 0.2);
    const dates = [91, 182, 273, 365].map((d) => today.addDays(d));
    const bermudan = (opts: ConstructorParameters<typeof McAmericanEngine>[1]) => {
      const o = new VanillaOption(new PlainVanillaPayoff(OptionType.Put, 100), new BermudanExercise(dates));
      o.setPricingEngine(opts === undefined ? new FdBlackScholesVanillaEngine(m.process, { tGrid: 800, xGrid: 800 }) : new McAmericanEngine(m.process, opts));
      return o;
    };
    const fd = bermudan(undefined).NPV();
    const qmc = bermudan({ samples: 16384, calibrationSamples: 8192, seed: 5, rng: 'sobol' });
    const mc = bermudan({ samples: 16384, calibrationSamples: 8192, seed: 5 });
    expect(qmc.result('samples')).toBe(16384); // 16 shifted copies × 1024
    expect(qmc.NPV()).toBeLessThan(fd + 3 * qmc.errorEstimate());
    expect(qmc.NPV()).toBeGreaterThan(fd - 3 * qmc.errorEstimate() - 0.02);
    // Same exercise rule (fitted on the same Philox calibration paths), so the two estimates differ
    // by their sampling error only.
    expect(Math.abs(qmc.NPV() - mc.NPV())).toBeLessThan(3 * Math.hypot(qmc.errorEstimate(), mc.errorEstimate()));
    expect(qmc.errorEstimate()).toBeLessThan(0.7 * mc.errorEstimate());
  });

  it('with Sobol reaches a requiredTolerance, counting samples over every shifted copy', () => {
    const m = flatMarket(100, 0.05, 0, 0.2);
    const o = new VanillaOption(new PlainVanillaPayoff(OptionType.Put, 100), new AmericanExercise(today, today.addDays(182)));
    o.setPricingEngine(new McAmericanEngine(m.process, { requiredTolerance: 0.004, calibrationSamples: 4096, seed: 9, rng: 'sobol', timeSteps: 25 }));
    expect(o.errorEstimate()).toBeLessThanOrEqual(0.004);
    expect((o.result('samples') as number) % 16).toBe(0);
  });

  it('refuses a European exercise and bad options', () => {
    const m = flatMarket();
    const e = europeanOption(OptionType.Put, 100, 100);
    e.setPricingEngine(new McAmericanEngine(m.process, { samples: 64 }));
    expect(() => e.NPV()).toThrow(/exercise.type = "?European"? is outside the allowed range \{American, Bermudan\}/);
    expect(() => new McAmericanEngine(m.process, { calibrationSamples: 3 })).toThrow(/calibrationSamples = 3/);
  });
});
