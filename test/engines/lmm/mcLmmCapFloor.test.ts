// @test mcLmmCapFloor
import { describe, expect, it } from 'vitest';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { AbcdFunction } from '../../../engines/lmm/AbcdFunction.js';
import { LiborMarketModel } from '../../../engines/lmm/LiborMarketModel.js';
import { mcLmmCapFloor } from '../../../engines/lmm/mcLmmCapFloor.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { semiannualModel } from './_lib/lmmSetup.js';

describe('mcLmmCapFloor', () => {
  const model = semiannualModel();
  it('a cap and a floor equal their Black caplets within 3 se', () => {
    for (const type of ['cap', 'floor'] as const) {
      const K = 0.035;
      const r = mcLmmCapFloor(model, { type, strike: K, first: 1, last: 10 }, { paths: 6000, seed: 2, factors: 3 });
      let black = 0;
      for (let i = 1; i < 10; i++) black += model.accruals[i]! * blackFormula(type === 'cap' ? OptionType.Call : OptionType.Put, K, model.forwards[i]!, model.capletVolatility(i) * Math.sqrt(model.rateTimes[i]!), model.discounts[i + 1]!);
      expect(Math.abs(r.value - black), `${type}: ${r.value} ± ${r.errorEstimate} vs Black ${black}`).toBeLessThan(3 * r.errorEstimate);
      expect(r.caplets.reduce((s, v) => s + v, 0)).toBeCloseTo(r.value, 12);
    }
  });

  it('a ratchet cap is its deterministic value in the zero-vol limit and falls with the spread', () => {
    const quiet = new LiborMarketModel({ rateTimes: model.rateTimes, discounts: model.discounts, volatility: new AbcdFunction(0, 0, 1, 1e-9), correlation: { form: 'exponential', beta: 0.1 } });
    const spread = -0.0005; // forwards rise along this curve: every ratchet caplet is in the money
    const r = mcLmmCapFloor(quiet, { type: 'cap', strike: 0.03, first: 0, last: 10, ratchet: { spread } }, { paths: 50, seed: 1 });
    let expected = model.accruals[0]! * Math.max(model.forwards[0]! - 0.03, 0) * model.discounts[1]!;
    for (let i = 1; i < 10; i++) expected += model.accruals[i]! * Math.max(model.forwards[i]! - model.forwards[i - 1]! - spread, 0) * model.discounts[i + 1]!;
    expect(r.value).toBeCloseTo(expected, 10);
    const values = [0, 0.0025, 0.005].map((s) => mcLmmCapFloor(model, { type: 'cap', strike: 0.03, first: 0, last: 10, ratchet: { spread: s } }, { paths: 3000, seed: 3 }).value);
    expect(values[0]!).toBeGreaterThan(values[1]!);
    expect(values[1]!).toBeGreaterThan(values[2]!);
  });

  it('refuses bad indices', () => {
    expect(() => mcLmmCapFloor(model, { type: 'cap', strike: 0.03, first: 3, last: 3 }, { paths: 10 })).toThrow(/terms.last = 3/);
  });
});
