import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { AnalyticBarrierEngine } from '../../../engines/blackscholes/AnalyticBarrierEngine.js';
import { BarrierOption } from '../../../instruments/BarrierOption.js';
import { BarrierType } from '../../../instruments/BarrierType.js';
import { AmericanExercise } from '../../../instruments/exercises/AmericanExercise.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import { InvalidInputError } from '../../../src/errors.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { quantlib } from '../../_lib/reference.js';
import { act360Market, exotics } from './_lib/exoticsMarket.js';

interface Case {
  id: string;
  inputs: { S: number; K: number; barrier: number; barrierType: BarrierType; type: 'call' | 'put'; rebate: number; N_days: number; r: number; q: number; vol: number };
  outputs: { npv: number };
}

beforeEach(setToday);

const typeOf = (t: 'call' | 'put') => (t === 'call' ? OptionType.Call : OptionType.Put);

function barrierNPV(process: ConstructorParameters<typeof AnalyticBarrierEngine>[0], bt: BarrierType, H: number, R: number, type: OptionType, K: number, days: number) {
  const o = new BarrierOption(bt, H, R, new PlainVanillaPayoff(type, K), new EuropeanExercise(today.addDays(days)));
  o.setPricingEngine(new AnalyticBarrierEngine(process));
  return o.NPV();
}

describe('AnalyticBarrierEngine', () => {
  const sets: [string, Case[]][] = [
    ['quantlib-1.29.json barrier', quantlib['barrier'].cases],
    ['quantlib-1.29-analytic-exotics.json barrier_all_types (all 8 types, rebate 0 and 3)', exotics['barrier_all_types'].cases],
  ];
  for (const [name, cases] of sets) {
    describe(name, () => {
      for (const c of cases) {
        it(c.id, () => {
          const i = c.inputs;
          const v = barrierNPV(flatMarket(i.S, i.r, i.q, i.vol).process, i.barrierType, i.barrier, i.rebate, typeOf(i.type), i.K, i.N_days);
          // Same closed form: 1e-10 relative (measured ≤ 1e-11), with a 1e-12 floor for tiny values.
          expect(Math.abs(v - c.outputs.npv), `${v} vs ${c.outputs.npv}`).toBeLessThan(1e-10 * Math.abs(c.outputs.npv) + 1e-12);
        });
      }
    });
  }

  describe('Haug (1998) p. 72 table (= Haug 2007 §4.17.1 Table 4-13): S = 100, T = 0.5, r = 0.08, q = 0.04, rebate 3', () => {
    // [barrierType, H, K, vol, call, put]; the H = 100 = S rows are already triggered and are left to the refusal test.
    const rows: [BarrierType, number, number, number, number, number][] = [
      [BarrierType.DownOut, 95, 90, 0.25, 9.0246, 2.2798], [BarrierType.DownOut, 95, 100, 0.25, 6.7924, 2.2947], [BarrierType.DownOut, 95, 110, 0.25, 4.8759, 2.6252],
      [BarrierType.UpOut, 105, 90, 0.25, 2.6789, 3.776], [BarrierType.UpOut, 105, 100, 0.25, 2.358, 5.4932], [BarrierType.UpOut, 105, 110, 0.25, 2.3453, 7.5187],
      [BarrierType.DownIn, 95, 90, 0.25, 7.7627, 2.9586], [BarrierType.DownIn, 95, 100, 0.25, 4.0109, 6.5677], [BarrierType.DownIn, 95, 110, 0.25, 2.0576, 11.9752],
      [BarrierType.UpIn, 105, 90, 0.25, 14.1112, 1.4653], [BarrierType.UpIn, 105, 100, 0.25, 8.4482, 3.3721], [BarrierType.UpIn, 105, 110, 0.25, 4.591, 7.0846],
      [BarrierType.DownOut, 95, 90, 0.3, 8.8334, 2.417], [BarrierType.DownOut, 95, 100, 0.3, 7.0285, 2.4258], [BarrierType.DownOut, 95, 110, 0.3, 5.4137, 2.6246],
      [BarrierType.UpOut, 105, 90, 0.3, 2.6341, 4.2293], [BarrierType.UpOut, 105, 100, 0.3, 2.4389, 5.8032], [BarrierType.UpOut, 105, 110, 0.3, 2.4315, 7.5649],
      [BarrierType.DownIn, 95, 90, 0.3, 9.0093, 3.8769], [BarrierType.DownIn, 95, 100, 0.3, 5.137, 7.7989], [BarrierType.DownIn, 95, 110, 0.3, 2.8517, 13.3078],
      [BarrierType.UpIn, 105, 90, 0.3, 15.2098, 2.0658], [BarrierType.UpIn, 105, 100, 0.3, 9.7278, 4.4226], [BarrierType.UpIn, 105, 110, 0.3, 5.835, 8.3686],
    ];
    for (const [bt, H, K, vol, call, put] of rows) {
      it(`${bt} H=${H} K=${K} σ=${vol}`, () => {
        // Act/360 makes T = 0.5 exactly 180 days. Published to 4 decimals: tolerance 1e-4 (as QuantLib's test).
        const { process } = act360Market(100, 0.08, 0.04, vol);
        expect(Math.abs(barrierNPV(process, bt, H, 3, OptionType.Call, K, 180) - call)).toBeLessThan(1e-4);
        expect(Math.abs(barrierNPV(process, bt, H, 3, OptionType.Put, K, 180) - put)).toBeLessThan(1e-4);
      });
    }
  });

  it('in + out = vanilla without rebate; with rebate R the pair adds the one-touch and no-touch rebates (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(OptionType.Call, OptionType.Put),
        fc.boolean(),
        fc.double({ min: 0.6, max: 1.6, noNaN: true }),
        fc.double({ min: 0.02, max: 0.5, noNaN: true }),
        fc.integer({ min: 5, max: 1500 }),
        fc.double({ min: -0.01, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.08, noNaN: true }),
        fc.double({ min: 0.05, max: 0.8, noNaN: true }),
        (type, down, moneyness, distance, days, r, q, vol) => {
          const S = 100;
          const K = S * moneyness;
          const H = down ? S * (1 - distance) : S * (1 + distance);
          const m = flatMarket(S, r, q, vol);
          const [inT, outT] = down ? [BarrierType.DownIn, BarrierType.DownOut] : [BarrierType.UpIn, BarrierType.UpOut];
          const vanilla = europeanOption(type, K, days);
          vanilla.setPricingEngine(m.engine);
          const sum = barrierNPV(m.process, inT, H, 0, type, K, days) + barrierNPV(m.process, outT, H, 0, type, K, days);
          // Round-off of O(S) terms: 1e-10 · S.
          expect(Math.abs(sum - vanilla.NPV())).toBeLessThan(1e-10 * S);
          // Rebate parts are linear in R and independent of the payoff: (in + out)(R) − (in + out)(0) ≥ 0
          // and ≤ R (knock-out rebate at hit is worth at most R, knock-in at expiry at most R·D).
          const rebatePart = barrierNPV(m.process, inT, H, 5, type, K, days) + barrierNPV(m.process, outT, H, 5, type, K, days) - sum;
          expect(rebatePart).toBeGreaterThanOrEqual(-1e-10);
          expect(rebatePart).toBeLessThanOrEqual(5 * Math.max(1, Math.exp(-r * days / 365)) + 1e-10);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a rebate with r = 0 is worth exactly R whether it is paid at hit or at expiry: in + out rebates sum to R', () => {
    // With r = 0 discounting does not matter: P(hit) R + P(no hit) R = R.
    const m = flatMarket(100, 0, 0.01, 0.3);
    const rebateOnly = (bt: BarrierType) => barrierNPV(m.process, bt, 90, 4, OptionType.Call, 100, 300) - barrierNPV(m.process, bt, 90, 0, OptionType.Call, 100, 300);
    expect(Math.abs(rebateOnly(BarrierType.DownIn) + rebateOnly(BarrierType.DownOut) - 4)).toBeLessThan(1e-12);
  });

  it('refuses an already triggered barrier, American exercise and bad spots with InvalidInputError', () => {
    const m = flatMarket(100, 0.05, 0.02, 0.2);
    expect(() => barrierNPV(m.process, BarrierType.DownOut, 100, 3, OptionType.Call, 100, 180)).toThrow(InvalidInputError);
    expect(() => barrierNPV(m.process, BarrierType.DownIn, 105, 0, OptionType.Call, 100, 180)).toThrow(/spot = 100 .*DownIn barrier at 105 is already triggered/);
    expect(() => barrierNPV(m.process, BarrierType.UpOut, 95, 0, OptionType.Put, 100, 180)).toThrow(/UpOut barrier at 95 is already triggered/);
    const amer = new BarrierOption(BarrierType.DownOut, 90, 0, new PlainVanillaPayoff(OptionType.Call, 100), new AmericanExercise(today, today.addDays(100)));
    amer.setPricingEngine(new AnalyticBarrierEngine(m.process));
    expect(() => amer.NPV()).toThrow(/exercise.type/);
    m.spot.setValue(-1);
    expect(() => barrierNPV(m.process, BarrierType.DownOut, 90, 0, OptionType.Call, 100, 180)).toThrow(/spot = -1 is outside/);
  });

  it('reprices when the vol quote moves (registered with the process)', () => {
    const m = flatMarket(100, 0.05, 0.02, 0.2);
    const o = new BarrierOption(BarrierType.UpOut, 130, 0, new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
    o.setPricingEngine(new AnalyticBarrierEngine(m.process));
    const before = o.NPV();
    m.vol.setValue(0.4);
    expect(o.NPV()).toBeLessThan(before); // more vol, more knock-outs of an up-and-out call
  });
});
