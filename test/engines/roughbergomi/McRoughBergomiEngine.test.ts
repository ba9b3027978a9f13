import { beforeEach, describe, expect, it } from 'vitest';
import { McRoughBergomiEngine } from '../../../engines/roughbergomi/McRoughBergomiEngine.js';
import { roughBergomiSmile } from '../../../engines/roughbergomi/roughBergomiSmile.js';
import { InvalidInputError } from '../../../src/errors.js';
import { RoughBergomiModel } from '../../../src/models/RoughBergomiModel.js';
import { americanOption, europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';

beforeEach(setToday);

const rough = new RoughBergomiModel({ xi0: 0.235 ** 2, eta: 1.9, rho: -0.9, H: 0.07 });

describe('McRoughBergomiEngine', () => {
  it('η = 0, H = ½ is Black–Scholes: within 4.5 standard errors (plain estimator) and to 1e-9 (mixed, ρ = 0)', () => {
    const m = flatMarket(100, 0.03, 0.01, 0.2);
    const bs = new RoughBergomiModel({ xi0: 0.04, eta: 0, rho: -0.6, H: 0.5 });
    for (const [type, K] of [[OptionType.Call, 90], [OptionType.Put, 110], [OptionType.Call, 120]] as const) {
      const option = europeanOption(type, K, 270);
      option.setPricingEngine(m.engine);
      const exact = option.NPV();
      option.setPricingEngine(new McRoughBergomiEngine(bs, m.process.x0, m.dividendCurve, m.riskFree, { samples: 20000, steps: 8, mixed: false }));
      expect(Math.abs(option.NPV() - exact), `${type} ${K}`).toBeLessThan(4.5 * option.errorEstimate()!);
      option.setPricingEngine(new McRoughBergomiEngine(new RoughBergomiModel({ xi0: 0.04, eta: 0, rho: 0, H: 0.5 }), m.process.x0, m.dividendCurve, m.riskFree, { samples: 200, steps: 3 }));
      // Every path's conditional price is the Black–Scholes price; Σ VΔ = 0.04·T up to rounding.
      expect(Math.abs(option.NPV() - exact)).toBeLessThan(1e-9 * exact);
    }
  });

  it('equals D·F × roughBergomiSmile at k = ln(K/F), and put–call parity holds exactly on the same paths', () => {
    const m = flatMarket(100, 0.04, 0.015, 0.2);
    const o = { samples: 4000, steps: 32, seed: 5 };
    const engine = new McRoughBergomiEngine(rough, m.process.x0, m.dividendCurve, m.riskFree, o);
    const call = europeanOption(OptionType.Call, 95, 182);
    const put = europeanOption(OptionType.Put, 95, 182);
    call.setPricingEngine(engine);
    put.setPricingEngine(engine);
    const rf = m.riskFree.currentLink();
    const d = today.addDays(182);
    const T = rf.timeFromReference(d);
    const Dr = rf.discount(d);
    const F = (100 * m.dividendCurve.currentLink().discount(d)) / Dr;
    const s = roughBergomiSmile(rough, T, [Math.log(95 / F)], o);
    expect(put.NPV()).toBeCloseTo(Dr * F * s.prices[0]!, 12);
    expect(call.NPV() - put.NPV()).toBeCloseTo(Dr * (F - 95), 10);
    expect(call.result('impliedVolatility')).toBe(s.impliedVols[0]);
    expect(put.errorEstimate()).toBeCloseTo(Dr * F * s.priceErrors[0]!, 14);
  });

  it('reprices when the spot moves (observes the handles)', () => {
    const m = flatMarket(100, 0.02, 0, 0.2);
    const option = europeanOption(OptionType.Call, 100, 90);
    option.setPricingEngine(new McRoughBergomiEngine(rough, m.process.x0, m.dividendCurve, m.riskFree, { samples: 2000, steps: 16 }));
    const v0 = option.NPV();
    m.spot.setValue(105);
    expect(option.NPV()).toBeGreaterThan(v0 + 2);
  });

  it('refuses American exercise and non-handles', () => {
    const m = flatMarket();
    const option = americanOption(OptionType.Put, 100, 90);
    option.setPricingEngine(new McRoughBergomiEngine(rough, m.process.x0, m.dividendCurve, m.riskFree, { samples: 100, steps: 4 }));
    expect(() => option.NPV()).toThrow(/exercise\.type/);
    expect(() => new McRoughBergomiEngine(rough, 100 as never, m.dividendCurve, m.riskFree)).toThrow(InvalidInputError);
  });
});

describe('docstring example (twin)', () => {
  it('McRoughBergomiEngine at η = 0 prices the Black–Scholes call', async () => {
    const { Date, EuropeanExercise, FlatForward, Handle, PlainVanillaPayoff, Settings, SimpleQuote, VanillaOption } = await import('../../../src/index.js');
    const today = Date.fromISO('2025-01-02');
    Settings.instance.evaluationDate.set(today);
    const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
    const model = new RoughBergomiModel({ xi0: 0.04, eta: 0, rho: 0, H: 0.5 });
    const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
    option.setPricingEngine(new McRoughBergomiEngine(model, new Handle(new SimpleQuote(100)), curve(0), curve(0), { samples: 1000, steps: 4 }));
    expect(option.NPV().toFixed(4)).toBe('7.9656');
  });
});
