import { beforeEach, describe, expect, it } from 'vitest';
import { McDiscreteArithmeticAsianEngine } from '../../../engines/blackscholes/McDiscreteArithmeticAsianEngine.js';
import { AverageType } from '../../../instruments/AverageType.js';
import { DiscreteAveragingAsianOption } from '../../../instruments/DiscreteAveragingAsianOption.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import { InvalidInputError } from '../../../src/errors.js';
import { flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';

beforeEach(setToday);

interface AsianCase {
  id: string;
  inputs: { S: number; K: number; r: number; q: number; vol: number; type: 'call' | 'put'; fixing_days: number[]; N_days: number };
  outputs: { geometric_npv: number; arithmetic_mc_npv: number; arithmetic_mc_stderr: number; arithmetic_fd_npv: number };
}
const cases: AsianCase[] = quantlib.asian.discrete.cases;

function asian(c: AsianCase, avg = AverageType.Arithmetic, runningAccumulator = 0, pastFixings = 0) {
  const i = c.inputs;
  return new DiscreteAveragingAsianOption(
    avg, runningAccumulator, pastFixings, i.fixing_days.map((d) => today.addDays(d)),
    new PlainVanillaPayoff(i.type === 'call' ? OptionType.Call : OptionType.Put, i.K), new EuropeanExercise(today.addDays(i.N_days)),
  );
}

describe('McDiscreteArithmeticAsianEngine', () => {
  for (const c of cases) {
    it(`${c.id}: QuantLib 1.29 MC value within 4 combined standard errors + 1e-3, control mean = QuantLib's geometric closed form`, () => {
      const i = c.inputs;
      const m = flatMarket(i.S, i.r, i.q, i.vol);
      for (const rng of ['philox', 'sobol'] as const) {
        const option = asian(c);
        option.setPricingEngine(new McDiscreteArithmeticAsianEngine(m.process, { samples: 20000, seed: 11, rng }));
        const x = option.NPV();
        const se = option.errorEstimate();
        // The reference's note: |x − mc| < 4·stderr + 1e-3; both values are random, so the two errors combine.
        const tol = 4 * Math.hypot(se, c.outputs.arithmetic_mc_stderr) + 1e-3;
        expect(Math.abs(x - c.outputs.arithmetic_mc_npv), `${rng}: x=${x} se=${se} ql=${c.outputs.arithmetic_mc_npv} tol=${tol}`).toBeLessThan(tol);
        // The control's exact mean is an independent closed form: QuantLib's analytic geometric price (1e-10 relative).
        expect(option.result('controlValue')).toBeCloseTo(c.outputs.geometric_npv, 9);
      }
    });
  }

  it('the control variate cuts the error estimate by ≥ 5× at equal samples, and both estimates agree within 4 se', () => {
    const c = cases[0]!;
    const m = flatMarket(c.inputs.S, c.inputs.r, c.inputs.q, c.inputs.vol);
    const option = asian(c);
    option.setPricingEngine(new McDiscreteArithmeticAsianEngine(m.process, { samples: 20000, seed: 5, controlVariate: false }));
    const plain = { x: option.NPV(), se: option.errorEstimate() };
    option.setPricingEngine(new McDiscreteArithmeticAsianEngine(m.process, { samples: 20000, seed: 5 }));
    const cv = { x: option.NPV(), se: option.errorEstimate() };
    expect(plain.se / cv.se).toBeGreaterThan(5);
    expect(Math.abs(plain.x - cv.x)).toBeLessThan(4 * plain.se);
  });

  it('past fixings: all fixings past gives the discounted intrinsic value exactly', () => {
    const c = cases[0]!;
    const m = flatMarket(100, 0.05, 0.02, 0.2);
    const option = new DiscreteAveragingAsianOption(
      AverageType.Arithmetic, 0, 0, [today], new PlainVanillaPayoff(OptionType.Call, 90), new EuropeanExercise(today.addDays(365)),
    );
    option.setPricingEngine(new McDiscreteArithmeticAsianEngine(m.process, { samples: 100 }));
    expect(option.NPV()).toBeCloseTo(10 * Math.exp(-0.05), 12);
    expect(c).toBeDefined();
  });

  it('refuses a geometric average, naming it', () => {
    const c = cases[0]!;
    const m = flatMarket();
    const option = asian(c, AverageType.Geometric, 1, 0);
    option.setPricingEngine(new McDiscreteArithmeticAsianEngine(m.process, { samples: 100 }));
    expect(() => option.NPV()).toThrow(/averageType/);
    expect(() => new McDiscreteArithmeticAsianEngine(m.process, { controlVariate: 1 as never })).toThrow(InvalidInputError);
  });
});
