// @test LiborMarketModel with rateType 'backwardLooking' (the FMM of Lyashenko & Mercurio 2019)
import { describe, expect, it } from 'vitest';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { AbcdFunction } from '../../../engines/lmm/AbcdFunction.js';
import { LiborMarketModel } from '../../../engines/lmm/LiborMarketModel.js';
import { mcLmmCapFloor } from '../../../engines/lmm/mcLmmCapFloor.js';
import { simulateLiborMarketModel } from '../../../engines/lmm/simulateLiborMarketModel.js';
import { OptionType } from '../../../instruments/OptionType.js';

describe('forward market model (backward-looking compounded rates)', () => {
  const rateTimes = Array.from({ length: 9 }, (_, i) => 0.25 + 0.5 * i); // T_0 = 0.25 … T_8 = 4.25
  const discounts = rateTimes.map((t) => Math.exp(-0.035 * t));
  const fmm = (volatility: AbcdFunction) =>
    new LiborMarketModel({ rateTimes, discounts, volatility, correlation: { form: 'rebonato', beta: 0.3, rhoInfinity: 0.5 }, rateType: 'backwardLooking' });

  it('caplet vol of a flat σ is σ√((T_i + τ/3)/T_{i+1}) (Lyashenko & Mercurio 2019, eq. 20)', () => {
    const m = fmm(new AbcdFunction(0, 0, 1, 0.2));
    for (let i = 0; i < 8; i++) {
      const Ti = rateTimes[i]!;
      expect(m.capletVolatility(i)).toBeCloseTo(0.2 * Math.sqrt((Ti + 0.5 / 3) / (Ti + 0.5)), 14);
      expect(m.fixingTime(i)).toBe(rateTimes[i + 1]);
      expect(m.fixingRow(i)).toBe(i + 1);
    }
  });

  it('Monte Carlo bonds and in-arrears caplets match P(0, T) and Black with the FMM vol', () => {
    const m = fmm(new AbcdFunction(0.05, 0.4, 0.9, 0.12));
    const n = m.size;
    const bonds = Array.from({ length: n + 1 }, () => 0);
    let count = 0;
    simulateLiborMarketModel(m, { paths: 4000, seed: 3, rng: 'sobol' }, (p) => {
      expect(p.forwards.length).toBe((n + 1) * n);
      p.deflators.forEach((d, j) => (bonds[j]! += d));
      count++;
      return 0;
    });
    bonds.forEach((b, j) => expect(Math.abs(b / count - discounts[j]!), `bond ${j}`).toBeLessThan(2e-4 * discounts[j]!));
    const K = 0.036;
    const r = mcLmmCapFloor(m, { type: 'cap', strike: K, first: 0, last: n }, { paths: 8000, seed: 5, factors: 2, antithetic: true });
    for (let i = 0; i < n; i++) {
      const black = m.accruals[i]! * blackFormula(OptionType.Call, K, m.forwards[i]!, m.capletVolatility(i) * Math.sqrt(m.fixingTime(i)), discounts[i + 1]!);
      expect(Math.abs(r.caplets[i]! - black), `caplet ${i}: ${r.caplets[i]} ± ${r.capletErrors[i]} vs ${black}`).toBeLessThan(2.5 * r.capletErrors[i]! + 1e-7);
    }
  });

  it('an in-arrears caplet is worth more than the term-rate caplet on the same forward (it keeps moving over the accrual)', () => {
    const g = new AbcdFunction(0.05, 0.4, 0.9, 0.12);
    const term = new LiborMarketModel({ rateTimes, discounts, volatility: g, correlation: { form: 'exponential', beta: 0.1 } });
    const inArrears = new LiborMarketModel({ rateTimes, discounts, volatility: g, correlation: { form: 'exponential', beta: 0.1 }, rateType: 'backwardLooking' });
    for (let i = 0; i < 8; i++) {
      const vT = term.capletVolatility(i) ** 2 * term.fixingTime(i);
      const vA = inArrears.capletVolatility(i) ** 2 * inArrears.fixingTime(i);
      expect(vA).toBeGreaterThan(vT);
    }
  });
});
