import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { europeanOption, flatMarket, OptionType, setToday } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';

interface Case {
  id: string;
  inputs: { S: number; K: number; N_days: number; r: number; q: number; vol: number };
  outputs: Record<'call' | 'put', Record<string, number>>;
}
const cases: Case[] = quantlib['bsm_european'].cases;
const greekNames = ['delta', 'gamma', 'vega', 'theta', 'theta_per_day', 'rho', 'dividendRho'] as const;

beforeEach(setToday);

function price(c: Case['inputs'], type: OptionType) {
  const m = flatMarket(c.S, c.r, c.q, c.vol);
  const option = europeanOption(type, c.K, c.N_days);
  option.setPricingEngine(m.engine);
  return { m, option };
}

describe('AnalyticEuropeanEngine', () => {
  describe('QuantLib 1.29 reference (bsm_european)', () => {
    for (const c of cases) {
      for (const side of ['call', 'put'] as const) {
        it(`${c.id} ${side}`, () => {
          const { option } = price(c.inputs, side === 'call' ? OptionType.Call : OptionType.Put);
          const expected = c.outputs[side]!;
          // Closed form on both sides: suggested tolerance abs 1e-10·max(1, S) on NPV.
          expect(Math.abs(option.NPV() - expected['npv']!)).toBeLessThan(1e-10 * Math.max(1, c.inputs.S));
          for (const g of greekNames) {
            const ours = option.result(g === 'theta_per_day' ? 'thetaPerDay' : g);
            const ref = expected[g]!;
            // rel 1e-9 (suggested), with an absolute floor of 1e-12 for Greeks that vanish.
            expect(Math.abs(ours - ref), `${g}: ${ours} vs ${ref}`).toBeLessThanOrEqual(1e-9 * Math.abs(ref) + 1e-12);
          }
        });
      }
    }
  });

  it('Greeks agree with bump-and-reprice through the live quotes', () => {
    const c = { S: 105, K: 100, N_days: 400, r: 0.04, q: 0.015, vol: 0.25 };
    for (const type of [OptionType.Call, OptionType.Put]) {
      const { m, option } = price(c, type);
      const central = (q: { value(): number; setValue(x: number): number }, h: number) => {
        const x = q.value();
        q.setValue(x + h);
        const up = option.NPV();
        q.setValue(x - h);
        const down = option.NPV();
        q.setValue(x);
        return { d1: (up - down) / (2 * h), d2: (up - 2 * option.NPV() + down) / (h * h) };
      };
      // Central differences: O(h²) truncation ~1e-8 with h = 1e-3 relative; tolerance 1e-6 relative.
      const tol = (x: number) => 1e-6 * Math.max(1, Math.abs(x));
      const spot = central(m.spot, 0.01);
      expect(Math.abs(spot.d1 - option.result('delta'))).toBeLessThan(tol(option.result('delta')));
      expect(Math.abs(spot.d2 - option.result('gamma'))).toBeLessThan(1e-5);
      expect(Math.abs(central(m.vol, 1e-4).d1 - option.result('vega'))).toBeLessThan(tol(option.result('vega')));
      expect(Math.abs(central(m.rate, 1e-5).d1 - option.result('rho'))).toBeLessThan(tol(option.result('rho')));
      expect(Math.abs(central(m.dividend, 1e-5).d1 - option.result('dividendRho'))).toBeLessThan(tol(option.result('dividendRho')));
    }
  });

  it('put–call parity C − P = S e^{−qT} − K e^{−rT} (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 500, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 3650 }),
        fc.double({ min: -0.02, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.double({ min: 0.01, max: 1.5, noNaN: true }),
        (S, moneyness, days, r, q, vol) => {
          const inputs = { S, K: S / moneyness, N_days: days, r, q, vol };
          const call = price(inputs, OptionType.Call).option.NPV();
          const put = price(inputs, OptionType.Put).option.NPV();
          const T = days / 365;
          const parity = S * Math.exp(-q * T) - inputs.K * Math.exp(-r * T);
          // Round-off of two O(S) terms: 1e-12 relative to S + K.
          expect(Math.abs(call - put - parity)).toBeLessThan(1e-12 * (S + inputs.K) * 10);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('zero vol gives the discounted intrinsic value of the forward', () => {
    const c = { S: 100, K: 90, N_days: 365, r: 0.05, q: 0.01, vol: 0 };
    const call = price(c, OptionType.Call).option;
    const put = price(c, OptionType.Put).option;
    const forward = 100 * Math.exp(0.04);
    expect(call.NPV()).toBeCloseTo(Math.exp(-0.05) * (forward - 90), 12);
    expect(put.NPV()).toBe(0);
    expect(call.result('gamma')).toBe(0);
    expect(call.result('vega')).toBe(0);
  });

  it('an option expiring before the evaluation date is worth 0; on the date itself it is intrinsic', () => {
    const c = { S: 100, K: 90, N_days: 0, r: 0.05, q: 0, vol: 0.2 };
    expect(price(c, OptionType.Call).option.NPV()).toBeCloseTo(10, 12);
    const expired = price({ ...c, N_days: -1 }, OptionType.Call).option;
    expect(expired.NPV()).toBe(0);
    expect(() => expired.result('delta')).toThrow(/result "delta" not provided/);
  });

  it('bad input is refused naming the argument', () => {
    const { m, option } = price({ S: 100, K: 100, N_days: 30, r: 0.01, q: 0, vol: 0.2 }, OptionType.Call);
    m.spot.setValue(-5);
    expect(() => option.NPV()).toThrow(InvalidInputError);
    expect(() => option.NPV()).toThrow(/spot = -5 is outside the allowed range \(0, ∞\)/);
    m.spot.setValue(100);
    m.vol.setValue(-0.1);
    expect(() => option.NPV()).toThrow(/volatility = -0.1/);
  });

  it('swapping the engine reprices, and with() keeps the engine', () => {
    const a = flatMarket(100, 0.05, 0.02, 0.2);
    const b = flatMarket(100, 0.05, 0.02, 0.3);
    const option = europeanOption(OptionType.Call, 100, 365);
    option.setPricingEngine(a.engine);
    const seen: number[] = [];
    const sub = option.results$.subscribe((r) => r.ok && seen.push(r.npv));
    option.setPricingEngine(b.engine);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBeGreaterThan(seen[0]!); // more vol, more value
    const wider = option.with((d) => {
      d.payoff.strike = 105;
    });
    expect(wider.terms.payoff.strike).toBe(105);
    expect(option.terms.payoff.strike).toBe(100);
    expect(wider.pricingEngine()).toBe(b.engine);
    expect(wider.NPV()).toBeLessThan(option.NPV()); // call value decreases in strike
    expect(Object.isFrozen(wider.terms)).toBe(true);
    expect(Object.isFrozen(wider.terms.payoff)).toBe(true);
    // Edited terms are validated like constructed ones.
    expect(() => option.with((d) => { d.payoff.strike = Number.NaN; })).toThrow(/strike = NaN/);
    sub.unsubscribe();
  });
});
