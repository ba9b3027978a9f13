// Twin tests of the Hull–White area's docstring examples (HullWhite, Swaption): each `//=>` value
// is asserted exactly as printed there.
import { afterAll, describe, expect, it } from 'vitest';
import {
  Actual365Fixed, Currency, Date, EuropeanExercise, FlatForward, Handle, HullWhite, IborIndex, NullCalendar, OptionType, Period,
  Schedule, Settings, Swaption, SwapType, VanillaSwap, type YieldTermStructure,
} from '../src/index.js';

afterAll(() => Settings.instance.evaluationDate.reset());

describe('docstring examples: Hull–White', () => {
  it('HullWhite', () => {
    const curve = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: Date.fromISO('2025-01-02') }));
    const model = new HullWhite(curve, 0.1, 0.01);
    expect(model.discountBondOption(OptionType.Call, 0.9704455335485082, 1, 2).toFixed(10)).toBe('0.0034038013');
  });

  it('Swaption', () => {
    Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
    const curve = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: Date.fromISO('2025-01-02') }));
    const index = new IborIndex({ familyName: 'Idx', tenor: Period.parse('6M'), fixingDays: 0, currency: Currency.USD, fixingCalendar: new NullCalendar(), dayCounter: new Actual365Fixed(), forwardingTermStructure: curve });
    const s = (t: string) => new Schedule({ effectiveDate: Date.fromISO('2026-01-02'), terminationDate: Date.fromISO('2031-01-02'), tenor: Period.parse(t), calendar: new NullCalendar() });
    const swap = new VanillaSwap(SwapType.Payer, 1, s('1Y'), 0.03, new Actual365Fixed(), s('6M'), index, 0, new Actual365Fixed());
    expect(new Swaption(swap, new EuropeanExercise(Date.fromISO('2026-01-02'))).arguments().fixedCoupons.length).toBe(5);
  });
});
