import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { Handle } from '../../../src/patterns/Handle.js';
import { RoughHestonModel } from '../../../src/models/RoughHestonModel.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import { FlatForward } from '../../../termstructures/yield/FlatForward.js';
import { RoughHestonEngine } from '../../../engines/roughheston/RoughHestonEngine.js';
import { cosRoughHestonBatch } from '../../../engines/roughheston/cosRoughHestonBatch.js';
import { CosHestonEngine } from '../../../engines/heston/CosHestonEngine.js';
import { europeanOption, setToday, today } from '../../_lib/market.js';
import { hestonMarket } from '../heston/_lib/hestonMarket.js';
import { OptionType } from '../../../instruments/OptionType.js';

const rough = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 };

function market(spot = 100) {
  setToday();
  const s = new SimpleQuote(spot);
  const model = new RoughHestonModel(new Handle(new FlatForward(0.03, { referenceDate: today })), new Handle(new FlatForward(0, { referenceDate: today })), new Handle<Quote>(s), rough);
  return { s, model };
}

describe('RoughHestonEngine', () => {
  it('prices a one-year ATM call near QuantLib’s 8.336634 and reprices on a parameter change and a spot tick', () => {
    const { s, model } = market();
    const option = europeanOption(OptionType.Call, 100, 365);
    option.setPricingEngine(new RoughHestonEngine(model));
    expect(Math.abs(option.NPV() - 8.336634)).toBeLessThan(2e-4);
    expect(option.result('hurst')).toBe(0.1);
    let n = 0;
    const sub = option.results$.subscribe(() => n++);
    const before = option.NPV();
    model.setParameters({ hurst: 0.2 });
    expect(option.NPV()).not.toBe(before);
    s.setValue(101);
    expect(option.NPV()).toBeGreaterThan(0);
    expect(n).toBeGreaterThanOrEqual(2);
    sub.unsubscribe();
  });

  it('H = ½: the same price as CosHestonEngine on the same market to 1e-7 (put and call)', () => {
    const p = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
    const m = hestonMarket(100, 0.03, 0.01, p);
    const model = new RoughHestonModel(m.riskFree, m.dividendCurve, m.process.s0, { ...p, hurst: 0.5 });
    for (const type of [OptionType.Call, OptionType.Put]) {
      const a = europeanOption(type, 95, 180);
      a.setPricingEngine(new CosHestonEngine(m.model));
      const b = europeanOption(type, 95, 180);
      b.setPricingEngine(new RoughHestonEngine(model, { tolerance: 1e-12, adams: { steps: 200 } }));
      expect(Math.abs(a.NPV() - b.NPV())).toBeLessThan(1e-7);
    }
  });

  it('equals cosRoughHestonBatch on the same inputs (cached coefficients), also after a spot tick', () => {
    const { s, model } = market();
    const engine = new RoughHestonEngine(model);
    const a = europeanOption(OptionType.Call, 90, 182);
    const b = europeanOption(OptionType.Put, 110, 182);
    a.setPricingEngine(engine);
    b.setPricingEngine(engine);
    for (const spot of [100, 97]) {
      s.setValue(spot);
      const t = a.result('timeToExpiry') as number;
      const r = -Math.log(a.result('riskFreeDiscount') as number) / t;
      const { calls, puts } = cosRoughHestonBatch({ spot, strikes: [90, 110], expiries: [t], riskFreeRates: r, dividendYields: 0, params: rough });
      expect(Math.abs(a.NPV() - calls[0]!)).toBeLessThan(1e-12);
      expect(Math.abs(b.NPV() - puts[1]!)).toBeLessThan(1e-12);
    }
  });

  it('refuses a non-European exercise', async () => {
    const { model } = market();
    const { americanOption } = await import('../../_lib/market.js');
    const option = americanOption(OptionType.Put, 100, 365);
    option.setPricingEngine(new RoughHestonEngine(model));
    expect(() => option.NPV()).toThrow(InvalidInputError);
  });
});
