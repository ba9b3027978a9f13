import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { Handle } from '../../../src/patterns/Handle.js';
import { RoughHestonModel } from '../../../src/models/RoughHestonModel.js';
import { roughHestonForwardVariance } from '../../../src/models/roughHestonForwardVariance.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import { FlatForward } from '../../../termstructures/yield/FlatForward.js';
import { RoughHestonEngine } from '../../../engines/roughheston/RoughHestonEngine.js';
import { adamsRoughHestonLogCf } from '../../../engines/roughheston/adamsRoughHestonLogCf.js';
import { CosHestonEngine } from '../../../engines/heston/CosHestonEngine.js';
import { europeanOption, setToday, today } from '../../_lib/market.js';
import { hestonMarket } from '../heston/_lib/hestonMarket.js';
import { OptionType } from '../../../instruments/OptionType.js';

const rough = { v0: 0.02, kappa: 0.3, theta: 0.05, sigma: 0.4, rho: -0.7, hurst: 0.1 };

function model(forwardVariance?: (t: number) => number) {
  setToday();
  const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
  const params = forwardVariance === undefined ? rough : { ...rough, v0: 0.3, theta: 0.3 }; // v0, θ unused with a curve
  return new RoughHestonModel(curve(0.03), curve(0.01), new Handle<Quote>(new SimpleQuote(100)), params, { forwardVariance });
}

describe('RoughHestonEngine with a forward-variance curve', () => {
  it('the (v0, κ, θ) model’s E[V_t] as the curve prices as the (v0, κ, θ) model (≤ 2e-6 at the default grid, 1e-7 at 128 steps; measured 4e-7 max on 7 strikes × 6 expiries)', () => {
    const flat = model();
    const fwd = model(roughHestonForwardVariance(rough));
    for (const [strike, days] of [
      [80, 30],
      [100, 182],
      [120, 730],
    ] as const) {
      for (const [opts, tol] of [
        [{}, 2e-6],
        [{ adams: { steps: 128 } }, 1e-7],
      ] as const) {
        const a = europeanOption(OptionType.Call, strike, days);
        a.setPricingEngine(new RoughHestonEngine(flat, opts));
        const b = europeanOption(OptionType.Call, strike, days);
        b.setPricingEngine(new RoughHestonEngine(fwd, opts));
        expect(Math.abs(a.NPV() - b.NPV())).toBeLessThan(tol);
      }
    }
  });

  it('H = ½ with ξ0(t) = θ + (v0 − θ)e^{−κt} prices as CosHestonEngine to 1e-7 (put and call)', () => {
    const p = { v0: 0.02, kappa: 1.5, theta: 0.06, sigma: 0.3, rho: -0.7 };
    const m = hestonMarket(100, 0.03, 0.01, p);
    const xi0 = (t: number) => p.theta + (p.v0 - p.theta) * Math.exp(-p.kappa * t);
    const rm = new RoughHestonModel(m.riskFree, m.dividendCurve, m.process.s0, { ...p, v0: 0.5, theta: 0.5, hurst: 0.5 }, { forwardVariance: xi0 });
    for (const type of [OptionType.Call, OptionType.Put]) {
      const a = europeanOption(type, 95, 180);
      a.setPricingEngine(new CosHestonEngine(m.model));
      const b = europeanOption(type, 95, 180);
      b.setPricingEngine(new RoughHestonEngine(rm, { tolerance: 1e-12, adams: { steps: 200 } }));
      expect(Math.abs(a.NPV() - b.NPV())).toBeLessThan(1e-7);
    }
  });

  it('setForwardVariance notifies and reprices; a higher curve raises the price; undefined restores the (v0, κ, θ) price', () => {
    const m = model();
    const option = europeanOption(OptionType.Call, 100, 365);
    option.setPricingEngine(new RoughHestonEngine(m));
    const base = option.NPV();
    let n = 0;
    const sub = option.results$.subscribe(() => n++);
    const low = (t: number) => 0.02 + 0.01 * t;
    m.setForwardVariance(low);
    const pLow = option.NPV();
    const seen = n;
    m.setForwardVariance(low); // same function: no notification
    expect(option.NPV()).toBe(pLow);
    expect(n).toBe(seen);
    m.setForwardVariance((t) => 0.03 + 0.01 * t);
    expect(option.NPV()).toBeGreaterThan(pLow);
    m.setForwardVariance(undefined);
    expect(option.NPV()).toBe(base);
    expect(n).toBe(seen + 2);
    expect(m.forwardVariance).toBeUndefined();
    sub.unsubscribe();
  });

  it('refuses a curve that is not a function, a custom route with a curve, and a curve with zero mean', () => {
    expect(() => model(0.04 as unknown as (t: number) => number)).toThrow(InvalidInputError);
    const m = model((t) => 0.04 + 0 * t);
    const a = europeanOption(OptionType.Call, 100, 365);
    a.setPricingEngine(new RoughHestonEngine(m, { route: adamsRoughHestonLogCf() }));
    expect(() => a.NPV()).toThrow(/route/);
    const b = europeanOption(OptionType.Call, 100, 365);
    b.setPricingEngine(new RoughHestonEngine(model(() => 0)));
    expect(() => b.NPV()).toThrow(/mean of forwardVariance/);
  });
});

describe('docstring example twins (forward variance)', () => {
  it('roughHestonForwardVariance', () => {
    const xi0 = roughHestonForwardVariance({ v0: 0.02, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 });
    expect(xi0(0)).toBe(0.02);
  });
});
