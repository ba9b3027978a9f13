import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { BlackCalculator } from '../../../engines/blackscholes/BlackCalculator.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { AssetOrNothingPayoff } from '../../../instruments/payoffs/AssetOrNothingPayoff.js';
import { CashOrNothingPayoff } from '../../../instruments/payoffs/CashOrNothingPayoff.js';
import { GapPayoff } from '../../../instruments/payoffs/GapPayoff.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { StrikedTypePayoff } from '../../../instruments/payoffs/StrikedTypePayoff.js';
import { VanillaOption } from '../../../instruments/VanillaOption.js';
import { InvalidInputError } from '../../../src/errors.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { exotics } from './_lib/exoticsMarket.js';
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

describe('AnalyticEuropeanEngine: digitals, gaps and higher-order Greeks', () => {
  type Kind = 'cash' | 'asset' | 'gap' | 'vanilla';
  const payoffOf = (kind: Kind, type: OptionType, K: number, extra: number) =>
    kind === 'cash' ? new CashOrNothingPayoff(type, K, extra) : kind === 'asset' ? new AssetOrNothingPayoff(type, K) : kind === 'gap' ? new GapPayoff(type, K, extra) : new PlainVanillaPayoff(type, K);
  const optionOf = (kind: Kind, type: OptionType, K: number, extra: number, days: number) => new VanillaOption(payoffOf(kind, type, K, extra), new EuropeanExercise(today.addDays(days)));

  it('Haug (1998) pp. 88 and 90 (as in QuantLib’s digital option tests), through BlackCalculator with exact T', () => {
    // Published to 4 decimals: tolerance 1e-4.
    const calc = (payoff: StrikedTypePayoff, S: number, r: number, q: number, T: number, vol: number) =>
      BlackCalculator.fromPayoff(payoff, S * Math.exp((r - q) * T), vol * Math.sqrt(T), Math.exp(-r * T)).value();
    // Cash-or-nothing put paying 10: S = 100, K = 80, T = 0.75, r = q = 0.06, σ = 0.35 → 2.6710 (p. 88).
    expect(Math.abs(calc(new CashOrNothingPayoff(OptionType.Put, 80, 10), 100, 0.06, 0.06, 0.75, 0.35) - 2.671)).toBeLessThan(1e-4);
    // Asset-or-nothing put: S = 70, K = 65, T = 0.5, r = 0.07, q = 0.05, σ = 0.27 → 20.2069 (p. 90).
    expect(Math.abs(calc(new AssetOrNothingPayoff(OptionType.Put, 65), 70, 0.07, 0.05, 0.5, 0.27) - 20.2069)).toBeLessThan(1e-4);
    // Gap call K₁ = 50, K₂ = 57: S = 50, T = 0.5, r = 0.09, q = 0, σ = 0.20 → −0.0053 (p. 88).
    expect(Math.abs(calc(new GapPayoff(OptionType.Call, 50, 57), 50, 0.09, 0, 0.5, 0.2) - -0.0053)).toBeLessThan(1e-4);
  });

  for (const c of exotics['european_digital'].cases as { id: string; inputs: { kind: Kind; type: 'call' | 'put'; S: number; K: number; extra: number; N_days: number; r: number; q: number; vol: number }; outputs: Record<string, number> }[]) {
    it(`QuantLib 1.29 ${c.id} with Greeks`, () => {
      const i = c.inputs;
      const m = flatMarket(i.S, i.r, i.q, i.vol);
      const o = optionOf(i.kind, i.type === 'call' ? OptionType.Call : OptionType.Put, i.K, i.extra, i.N_days);
      o.setPricingEngine(m.engine);
      // Closed form on both sides: 1e-10 relative (+1e-12 floor) on value and Greeks.
      for (const g of ['npv', 'delta', 'gamma', 'vega', 'rho', 'dividendRho', 'theta'] as const) {
        const ours = g === 'npv' ? o.NPV() : o.result(g);
        expect(Math.abs(ours - c.outputs[g]!), `${g}: ${ours} vs ${c.outputs[g]}`).toBeLessThan(1e-10 * Math.abs(c.outputs[g]!) + 1e-12);
      }
    });
  }

  it('asset-or-nothing − K · cash-or-nothing(1) = vanilla, and the gap = asset − K₂ · cash (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(OptionType.Call, OptionType.Put),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        fc.integer({ min: 1, max: 2000 }),
        fc.double({ min: -0.02, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.06, noNaN: true }),
        fc.double({ min: 0.02, max: 1, noNaN: true }),
        (type, mK, mK2, days, r, q, vol) => {
          const m = flatMarket(100, r, q, vol);
          const K = 100 * mK;
          const K2 = 100 * mK2;
          const v = (kind: Kind, extra = 1) => {
            const o = optionOf(kind, type, K, extra, days);
            o.setPricingEngine(m.engine);
            return o.NPV();
          };
          const w = type; // ω: puts are K·cash − asset
          // Round-off of O(S + K) terms: 1e-12·(S + K)·10.
          expect(Math.abs(w * (v('asset') - K * v('cash')) - v('vanilla'))).toBeLessThan(1e-11 * (100 + K));
          expect(Math.abs(w * (v('asset') - K2 * v('cash')) - v('gap', K2))).toBeLessThan(1e-11 * (100 + K2));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('every Greek (incl. vanna, volga, charm, speed) agrees with bump-and-reprice for every payoff', () => {
    const c = { S: 103, K: 100, days: 250, r: 0.04, q: 0.015, vol: 0.27 };
    for (const kind of ['vanilla', 'cash', 'asset', 'gap'] as const) {
      for (const type of [OptionType.Call, OptionType.Put]) {
        const m = flatMarket(c.S, c.r, c.q, c.vol);
        const o = optionOf(kind, type, c.K, kind === 'gap' ? 95 : 7, c.days);
        o.setPricingEngine(m.engine);
        const at = (S: number, vol: number, days = c.days) => {
          m.spot.setValue(S);
          m.vol.setValue(vol);
          const x = optionOf(kind, type, c.K, kind === 'gap' ? 95 : 7, days);
          x.setPricingEngine(m.engine);
          const out = { v: x.NPV(), delta: x.result('delta'), gamma: x.result('gamma') };
          m.spot.setValue(c.S);
          m.vol.setValue(c.vol);
          return out;
        };
        const hS = 0.05;
        const hV = 1e-3;
        const label = `${kind} ${type}`;
        // Central differences: O(h²) truncation; tolerances relative 1e-5 with an absolute floor scaled to the Greek's size.
        const near = (name: string, ours: number, fd: number, floor: number) => expect(Math.abs(ours - fd), `${label} ${name}: ${ours} vs ${fd}`).toBeLessThan(1e-4 * Math.abs(fd) + floor);
        near('delta', o.result('delta'), (at(c.S + hS, c.vol).v - at(c.S - hS, c.vol).v) / (2 * hS), 1e-7);
        near('gamma', o.result('gamma'), (at(c.S + hS, c.vol).delta - at(c.S - hS, c.vol).delta) / (2 * hS), 1e-8);
        near('speed', o.result('speed'), (at(c.S + hS, c.vol).gamma - at(c.S - hS, c.vol).gamma) / (2 * hS), 1e-9);
        near('vega', o.result('vega'), (at(c.S, c.vol + hV).v - at(c.S, c.vol - hV).v) / (2 * hV), 1e-6);
        near('volga', o.result('volga'), (at(c.S, c.vol + hV).v - 2 * o.NPV() + at(c.S, c.vol - hV).v) / (hV * hV), 1e-3);
        near('vanna', o.result('vanna'), (at(c.S, c.vol + hV).delta - at(c.S, c.vol - hV).delta) / (2 * hV), 1e-6);
        // charm = ∂Δ/∂t: one calendar day forward at fixed curves = one day less to expiry; one-sided, O(1/365) error → 2 % + floor.
        const dDelta = (at(c.S, c.vol, c.days - 1).delta - at(c.S, c.vol, c.days + 1).delta) / (2 / 365);
        expect(Math.abs(o.result('charm') - dDelta), `${label} charm`).toBeLessThan(1e-3 * Math.abs(dDelta) + 1e-5);
        near('theta', o.result('theta'), (at(c.S, c.vol, c.days - 1).v - at(c.S, c.vol, c.days + 1).v) / (2 / 365), 1e-4);
      }
    }
  });

  it('BlackCalculator refuses a payoff class it does not know, naming it', () => {
    expect(() => BlackCalculator.fromPayoff({ optionType: 1, strike: 100, name: () => 'Weird' } as unknown as StrikedTypePayoff, 100, 0.2, 1)).toThrow(/payoff = "?Weird"?/);
  });
});
