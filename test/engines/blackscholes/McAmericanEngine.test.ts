import { beforeEach, describe, expect, it } from 'vitest';
import { McAmericanEngine } from '../../../engines/blackscholes/McAmericanEngine.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../../../instruments/VanillaOption.js';
import { flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
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

  it('refuses Sobol and a non-American exercise', () => {
    const m = flatMarket();
    expect(() => new McAmericanEngine(m.process, { rng: 'sobol' })).toThrow(/options.rng/);
    expect(() => new McAmericanEngine(m.process, { calibrationSamples: 3 })).toThrow(/calibrationSamples = 3/);
  });
});
