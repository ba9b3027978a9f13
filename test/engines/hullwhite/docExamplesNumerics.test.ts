// Twin tests of the Hull–White numerics docstring examples: each `//=>` value asserted exactly as printed.
import { afterAll, describe, expect, it } from 'vitest';
import {
  Actual365Fixed, BermudanExercise, CallableFixedRateBond, Currency, Date, FlatForward, Handle, HullWhite, HullWhiteTrinomialTree, IborIndex, NullCalendar,
  Period, Schedule, Settings, Swaption, SwapType, timeGridWithMandatoryTimes, TreeCallableFixedRateBondEngine, TreeSwaptionEngine, VanillaSwap,
  type YieldTermStructure,
} from '../../../src/index.js';

afterAll(() => Settings.instance.evaluationDate.reset());

describe('Hull–White numerics docstring examples', () => {
  it('TreeSwaptionEngine', () => {
    const today = Date.fromISO('2025-01-02');
    Settings.instance.evaluationDate.set(today);
    const curve = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: today, dayCounter: new Actual365Fixed() }));
    const index = new IborIndex({ familyName: 'Idx', tenor: Period.parse('6M'), fixingDays: 0, currency: Currency.USD, fixingCalendar: new NullCalendar(), dayCounter: new Actual365Fixed(), forwardingTermStructure: curve });
    const s = (t: string) => new Schedule({ effectiveDate: Date.fromISO('2026-01-02'), terminationDate: Date.fromISO('2031-01-02'), tenor: Period.parse(t), calendar: new NullCalendar() });
    const swap = new VanillaSwap(SwapType.Payer, 1, s('1Y'), 0.03, new Actual365Fixed(), s('6M'), index, 0, new Actual365Fixed());
    const bermudan = new Swaption(swap, new BermudanExercise(s('1Y').dates().slice(0, -1)));
    bermudan.setPricingEngine(new TreeSwaptionEngine(new HullWhite(curve, 0.1, 0.01), 500));
    expect(bermudan.NPV().toFixed(6)).toBe('0.021733');
  });

  it('HullWhiteTrinomialTree', () => {
    const tree = new HullWhiteTrinomialTree(0.1, 0.01, (t) => Math.exp(-0.03 * t), timeGridWithMandatoryTimes([1, 2, 5], 100));
    expect(tree.halfWidths[100]).toBe(37);
    expect(tree.lastStatePrices.reduce((sum, q) => sum + q, 0).toFixed(12)).toBe('0.860707976425');
  });

  it('CallableFixedRateBond', () => {
    const today = Date.fromISO('2025-01-02');
    Settings.instance.evaluationDate.set(today);
    const schedule = new Schedule({ effectiveDate: today, terminationDate: Date.fromISO('2035-01-02'), tenor: Period.parse('1Y'), calendar: new NullCalendar() });
    const calls = [2028, 2029, 2030, 2031, 2032, 2033, 2034].map((y) => ({ type: 'call' as const, date: Date.fromISO(`${y}-01-02`), price: 100 }));
    const bond = new CallableFixedRateBond(0, 100, schedule, [0.05], new Actual365Fixed(), calls);
    const curve = new Handle<YieldTermStructure>(new FlatForward(0.04, { referenceDate: today, dayCounter: new Actual365Fixed() }));
    bond.setPricingEngine(new TreeCallableFixedRateBondEngine(new HullWhite(curve, 0.05, 0.01), 1000));
    expect(bond.NPV().toFixed(6)).toBe('100.727210');
    expect(bond.result('straightValue').toFixed(6)).toBe('107.426165');
  });
});
