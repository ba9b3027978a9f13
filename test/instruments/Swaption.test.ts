import { describe, expect, it } from 'vitest';
import { AmericanExercise } from '../../instruments/exercises/AmericanExercise.js';
import { BermudanExercise } from '../../instruments/exercises/BermudanExercise.js';
import { EuropeanExercise } from '../../instruments/exercises/EuropeanExercise.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import { swaptionTimes } from '../../instruments/_lib/swaptionTimes.js';
import { SettlementType } from '../../instruments/SettlementType.js';
import { Swaption } from '../../instruments/Swaption.js';
import { SwapType } from '../../instruments/SwapType.js';
import { JamshidianSwaptionEngine } from '../../engines/hullwhite/JamshidianSwaptionEngine.js';
import { InvalidInputError } from '../../src/errors.js';
import { Settings } from '../../src/settings.js';
import { Date } from '../../src/time/Date.js';
import { hullWhiteMarket, referenceSwap, swaptionCases } from '../engines/hullwhite/_lib/hullWhiteMarket.js';

describe('Swaption', () => {
  it('its arguments carry the swap legs of the QuantLib reference case (dates, accruals, amounts)', () => {
    const m = hullWhiteMarket();
    const c = swaptionCases[0]!;
    const swap = referenceSwap(m, SwapType.Payer, c.inputs.exercise_date, 5, c.inputs.fixed_rate);
    const args = new Swaption(swap, new EuropeanExercise(Date.fromISO(c.inputs.exercise_date))).arguments();
    expect(args.type).toBe(SwapType.Payer);
    expect(args.exerciseType).toBe(ExerciseType.European);
    expect(args.settlementType).toBe(SettlementType.Physical);
    expect(args.fixedCoupons.map((x) => x.paymentDate.toISOString())).toEqual(c.inputs.fixed_leg.map((x) => x.payment_date));
    const ref = c.inputs.fixed_leg as unknown as { accrual_fraction: number; payment_time: number }[];
    args.fixedCoupons.forEach((x, i) => {
      expect(x.accrualFraction).toBeCloseTo(ref[i]!.accrual_fraction, 15);
      expect(x.amount).toBeCloseTo(c.inputs.fixed_rate * ref[i]!.accrual_fraction, 15);
    });
    expect(args.floatingCoupons).toHaveLength(10);
    const curve = m.curve.currentLink();
    const times = swaptionTimes(args, (d) => curve.timeFromReference(d));
    expect(Array.from(times.fixedPaymentTimes)).toEqual(ref.map((x) => x.payment_time));
    expect(Array.from(times.fixedFirst)).toEqual([0]);
  });

  it('a Bermudan exercise enters the coupons that start on or after each date', () => {
    const m = hullWhiteMarket();
    const swap = referenceSwap(m, SwapType.Receiver, '2026-01-02', 5, 0.03);
    const ex = new BermudanExercise(['2026-01-02', '2027-01-02', '2028-03-01'].map((d) => Date.fromISO(d)));
    const s = new Swaption(swap, ex, SettlementType.Cash);
    const t = swaptionTimes(s.arguments(), (d) => m.curve.currentLink().timeFromReference(d));
    expect(Array.from(t.fixedFirst)).toEqual([0, 1, 3]);
    expect(Array.from(t.floatFirst)).toEqual([0, 2, 5]);
    expect(s.type).toBe(SwapType.Receiver);
    expect(s.arguments().settlementType).toBe(SettlementType.Cash);
  });

  it('with() edits the terms and keeps the engine', () => {
    const m = hullWhiteMarket();
    const s = new Swaption(referenceSwap(m, SwapType.Payer, '2026-01-02', 5, 0.03), new EuropeanExercise(Date.fromISO('2026-01-02')));
    s.setPricingEngine(new JamshidianSwaptionEngine(m.model));
    const cash = s.with((d) => {
      d.settlementType = SettlementType.Cash;
    });
    expect(cash.arguments().settlementType).toBe(SettlementType.Cash);
    expect(cash.pricingEngine()).toBe(s.pricingEngine());
    expect(cash.NPV()).not.toBe(s.NPV());
    expect(s.arguments().settlementType).toBe(SettlementType.Physical);
  });

  it('is expired after its last exercise date (value 0, no engine needed)', () => {
    const m = hullWhiteMarket();
    const s = new Swaption(referenceSwap(m, SwapType.Payer, '2026-01-02', 2, 0.03), new EuropeanExercise(Date.fromISO('2026-01-02')));
    expect(s.isExpired()).toBe(false);
    Settings.instance.evaluationDate.set(Date.fromISO('2026-01-05'));
    expect(s.NPV()).toBe(0);
    Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
  });

  it('rejects bad input with InvalidInputError', () => {
    const m = hullWhiteMarket();
    const swap = referenceSwap(m, SwapType.Payer, '2026-01-02', 2, 0.03);
    expect(() => new Swaption(swap, new AmericanExercise(Date.fromISO('2025-01-02'), Date.fromISO('2026-01-02')))).toThrow(InvalidInputError);
    expect(() => new Swaption(swap, new EuropeanExercise(Date.fromISO('2027-06-01')))).toThrow(InvalidInputError);
    expect(() => new Swaption(swap, new EuropeanExercise(Date.fromISO('2026-01-02')), 'Other' as SettlementType)).toThrow(InvalidInputError);
    expect(() => new Swaption({} as never, new EuropeanExercise(Date.fromISO('2026-01-02')))).toThrow(InvalidInputError);
  });
});
