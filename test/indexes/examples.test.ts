// Twin tests of the docstring examples in src/indexes: each `//=>` value asserted as printed.
import { describe, expect, it } from 'vitest';
import { Actual360, Currency, Date, FixingsStore, FlatForward, Handle, IborIndex, Period, Sofr, TARGET, type YieldTermStructure } from '../../src/index.js';

describe('index docstring examples', () => {
  it('FixingsStore', () => {
    const store = new FixingsStore();
    store.addFixing('SOFRON Actual/360', Date.fromISO('2025-01-02'), 0.0431);
    expect(store.fixing('sofron actual/360', Date.fromISO('2025-01-02'))).toBe(0.0431);
  });

  it('IborIndex and Sofr', () => {
    const curve = new FlatForward(0.03, { referenceDate: Date.fromISO('2025-01-02'), dayCounter: new Actual360() });
    const euribor6m = new IborIndex({
      familyName: 'Euribor', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.EUR,
      fixingCalendar: new TARGET(), dayCounter: new Actual360(),
      forwardingTermStructure: new Handle<YieldTermStructure>(curve),
    });
    expect(euribor6m.maturityDate(Date.fromISO('2025-01-06')).toISOString()).toBe('2025-07-07');
    expect(new Sofr().name()).toBe('SOFRON Actual/360');
  });
});
