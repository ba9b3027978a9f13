// Contracts only: payoff values, exercise dates, term validation.
import { describe, expect, it } from 'vitest';
import {
  AmericanExercise, AssetOrNothingPayoff, AverageType, BarrierOption, BarrierType, BermudanExercise,
  CashOrNothingPayoff, Date, DiscreteAveragingAsianOption, EuropeanExercise, GapPayoff, InvalidInputError,
  OptionType, PlainVanillaPayoff,
} from '../../src/index.js';

const d = (s: string) => Date.fromISO(s);

describe('payoffs', () => {
  it('pay what their definitions say (Haug 2007, §4.17–4.19)', () => {
    expect(new PlainVanillaPayoff(OptionType.Call, 100).value(110)).toBe(10);
    expect(new CashOrNothingPayoff(OptionType.Call, 100, 7).value(100.01)).toBe(7);
    expect(new CashOrNothingPayoff(OptionType.Put, 100, 7).value(100.01)).toBe(0);
    expect(new AssetOrNothingPayoff(OptionType.Call, 100).value(120)).toBe(120);
    // Gap call K1 = 50, K2 = 57: pays S − 57 once S > 50, possibly negative.
    expect(new GapPayoff(OptionType.Call, 50, 57).value(55)).toBe(-2);
    expect(new GapPayoff(OptionType.Call, 50, 57).value(49)).toBe(0);
    // Asset-or-nothing minus K cash-or-nothing is the vanilla (static replication).
    for (const s of [80, 99.5, 100.5, 130]) {
      for (const w of [OptionType.Call, OptionType.Put]) {
        const replicated = w * (new AssetOrNothingPayoff(w, 100).value(s) - new CashOrNothingPayoff(w, 100, 100).value(s));
        expect(replicated).toBeCloseTo(new PlainVanillaPayoff(w, 100).value(s), 12);
      }
    }
  });

  it('refuse bad fields, also when edited through an instrument', () => {
    expect(() => new CashOrNothingPayoff(OptionType.Call, 100, Number.NaN)).toThrow(/cashPayoff = NaN/);
    expect(() => new GapPayoff(OptionType.Call, 100, Infinity)).toThrow(/secondStrike = Infinity/);
    const option = new BarrierOption(BarrierType.DownOut, 90, 0, new CashOrNothingPayoff(OptionType.Call, 100, 5), new EuropeanExercise(d('2026-01-02')));
    expect(() => option.with((t) => { (t.payoff as unknown as { cashPayoff: number }).cashPayoff = Number.NaN; })).toThrow(/cashPayoff = NaN/);
  });
});

describe('exercises', () => {
  it('American has its window, Bermudan sorts and dedups its dates', () => {
    const a = new AmericanExercise(d('2025-01-02'), d('2026-01-02'));
    expect(a.lastDate().toISOString()).toBe('2026-01-02');
    expect(() => new AmericanExercise(d('2026-01-02'), d('2025-01-02'))).toThrow(InvalidInputError);
    const b = new BermudanExercise([d('2026-01-02'), d('2025-07-02'), d('2026-01-02')]);
    expect(b.dates().map((x) => x.toISOString())).toEqual(['2025-07-02', '2026-01-02']);
    expect(() => new BermudanExercise([])).toThrow(/dates.length = 0/);
  });
});

describe('BarrierOption and Asian options', () => {
  it('barrier options know when they are triggered and refuse bad barriers', () => {
    const payoff = new PlainVanillaPayoff(OptionType.Call, 100);
    const ex = new EuropeanExercise(d('2026-01-02'));
    expect(new BarrierOption(BarrierType.DownOut, 90, 0, payoff, ex).isTriggered(89)).toBe(true);
    expect(new BarrierOption(BarrierType.UpIn, 120, 0, payoff, ex).isTriggered(119)).toBe(false);
    expect(() => new BarrierOption(BarrierType.UpIn, -1, 0, payoff, ex)).toThrow(/barrier = -1/);
    expect(() => new BarrierOption(BarrierType.UpIn, 120, -3, payoff, ex)).toThrow(/rebate = -3/);
  });

  it('discrete Asian options need increasing fixings before expiry', () => {
    const payoff = new PlainVanillaPayoff(OptionType.Put, 100);
    const ex = new EuropeanExercise(d('2026-01-02'));
    expect(() => new DiscreteAveragingAsianOption(AverageType.Arithmetic, 0, 0, [d('2025-06-01'), d('2025-05-01')], payoff, ex)).toThrow(/fixingDates\[1\]/);
    expect(() => new DiscreteAveragingAsianOption(AverageType.Arithmetic, 0, 0, [d('2026-06-01')], payoff, ex)).toThrow(/exercise.lastDate/);
    expect(() => new DiscreteAveragingAsianOption(AverageType.Arithmetic, 0, -1, [d('2025-06-01')], payoff, ex)).toThrow(/pastFixings = -1/);
  });
});
