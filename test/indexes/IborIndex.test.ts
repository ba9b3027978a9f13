import { readFileSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError, MissingFixingError, QuantflowError } from '../../src/errors.js';
import { Estr } from '../../src/indexes/Estr.js';
import { FixingsStore } from '../../src/indexes/FixingsStore.js';
import { IborIndex } from '../../src/indexes/IborIndex.js';
import { Sofr } from '../../src/indexes/Sofr.js';
import { Currency } from '../../src/money/Currency.js';
import { Handle } from '../../src/patterns/Handle.js';
import { RelinkableHandle } from '../../src/patterns/RelinkableHandle.js';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { Date } from '../../src/time/Date.js';
import { Period } from '../../src/time/Period.js';
import { TARGET } from '../../src/time/TARGET.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';

const ref = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-cashflows.json', import.meta.url), 'utf8'));
const today = Date.fromISO('2025-01-02');
beforeEach(() => Settings.instance.evaluationDate.set(today));
afterAll(() => Settings.instance.evaluationDate.reset());

function euribor6m(curve: Handle<YieldTermStructure> = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: today })), store = new FixingsStore()): IborIndex {
  return new IborIndex({
    familyName: 'Euribor', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.EUR, fixingCalendar: new TARGET(),
    dayCounter: new Actual360(), forwardingTermStructure: curve, fixingsStore: store,
  });
}

describe('IborIndex', () => {
  it("has QuantLib's name and value/maturity dates, and forecasts QuantLib 1.29's fixings", () => {
    const index = euribor6m();
    expect(index.name()).toBe(ref.iborLeg.index.name);
    for (const c of ref.iborLeg.indexFixings as { fixingDate: string; valueDate: string; maturityDate: string; fixing: number }[]) {
      const fixingDate = Date.fromISO(c.fixingDate);
      expect(index.valueDate(fixingDate).toISOString()).toBe(c.valueDate);
      expect(index.maturityDate(index.valueDate(fixingDate)).toISOString()).toBe(c.maturityDate);
      // Same closed form off the same flat curve; P(v)/P(m) − 1 loses ~1/(r τ) ≈ 70 ulps: 1e-13 relative.
      expect(Math.abs(index.fixing(fixingDate) / c.fixing - 1)).toBeLessThan(1e-13);
    }
  });

  it('forecasts the simple forward (e^{r t} − 1)/τ on a flat continuous curve (closed form)', () => {
    const index = euribor6m();
    const fixingDate = Date.fromISO('2025-06-02');
    const v = index.valueDate(fixingDate); // 2025-06-04
    const m = index.maturityDate(v); // 2025-12-04
    expect([v.toISOString(), m.toISOString()]).toEqual(['2025-06-04', '2025-12-04']);
    const t = (m.serialNumber - v.serialNumber) / 365;
    const tau = (m.serialNumber - v.serialNumber) / 360;
    expect(index.forecastFixing(fixingDate)).toBeCloseTo((Math.exp(0.03 * t) - 1) / tau, 15);
  });

  it('reads past fixings from the store; a missing one is a MissingFixingError naming index and date', () => {
    const index = euribor6m();
    const past = Date.fromISO('2024-12-02');
    expect(() => index.fixing(past)).toThrow(MissingFixingError);
    expect(() => index.fixing(past)).toThrow(/Euribor6M Actual\/360 fixing for 2024-12-02/);
    index.addFixing(past, 0.0291);
    expect(index.fixing(past)).toBe(0.0291);
    expect(index.timeSeries()).toEqual({ '2024-12-02': 0.0291 });
  });

  it("today's fixing: the stored one when present, else (or when asked) the forecast", () => {
    const index = euribor6m();
    const forecast = index.forecastFixing(today);
    expect(index.fixing(today)).toBe(forecast);
    index.addFixing(today, 0.05);
    expect(index.fixing(today)).toBe(0.05);
    expect(index.fixing(today, true)).toBe(forecast);
  });

  it('refuses fixings on non-business days and forecasts without a curve', () => {
    const index = euribor6m(new Handle<YieldTermStructure>());
    const saturday = Date.fromISO('2025-01-04');
    expect(() => index.addFixing(saturday, 0.03)).toThrow(InvalidInputError);
    expect(() => index.fixing(saturday)).toThrow(/fixingDate = "2025-01-04" is outside the allowed range business days of TARGET/);
    expect(() => index.fixing(Date.fromISO('2025-02-03'))).toThrow(QuantflowError);
    expect(() => index.fixing(Date.fromISO('2025-02-03'))).toThrow(/Euribor6M Actual\/360 has no forwarding curve/);
    expect(() => new IborIndex({ familyName: 'X', tenor: Period.parse('0D'), fixingDays: 2, currency: Currency.EUR, fixingCalendar: new TARGET(), dayCounter: new Actual360() })).toThrow(
      /tenor = "0D" is outside the allowed range positive Periods/,
    );
    expect(() => new IborIndex({ familyName: 'X', tenor: Period.parse('3M'), fixingDays: -1, currency: Currency.EUR, fixingCalendar: new TARGET(), dayCounter: new Actual360() })).toThrow(
      /fixingDays = -1/,
    );
  });

  it('notifies its observers when a fixing is added, the curve is relinked or the date moves', () => {
    const curve = new RelinkableHandle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: today }));
    const index = euribor6m(curve);
    let count = 0;
    const sub = index.changes$.subscribe(() => count++);
    index.addFixing(Date.fromISO('2024-12-02'), 0.0291);
    expect(count).toBe(1);
    index.fixingsStore.addFixing(index.name(), Date.fromISO('2024-12-03'), 0.0292); // through the store
    expect(count).toBe(2);
    curve.linkTo(new FlatForward(0.04, { referenceDate: today }));
    expect(count).toBe(3);
    Settings.instance.evaluationDate.set(today.addDays(1));
    expect(count).toBe(4);
    sub.unsubscribe();
  });
});

describe('OvernightIndex presets', () => {
  it("SOFR: QuantLib's conventions (Actual/360, SOFR calendar, 0 fixing days, USD)", () => {
    const sofr = new Sofr(undefined, new FixingsStore());
    expect(sofr.name()).toBe(ref.overnightLeg.index.name); // 'SOFRON Actual/360'
    expect(sofr.fixingDays).toBe(0);
    expect(sofr.dayCounter.name()).toBe('Actual/360');
    expect(sofr.currency.code).toBe('USD');
    expect(sofr.fixingCalendar().name()).toBe('SOFR fixing calendar');
    // Value date = fixing date; the rate runs to the next business day (Martin Luther King Day 2025-01-20 skipped).
    const friday = Date.fromISO('2025-01-17');
    expect(sofr.valueDate(friday).toISOString()).toBe('2025-01-17');
    expect(sofr.maturityDate(friday).toISOString()).toBe('2025-01-21');
  });

  it("€STR: QuantLib's conventions (Actual/360, TARGET, 0 fixing days, EUR)", () => {
    const estr = new Estr(undefined, new FixingsStore());
    expect(estr.name()).toBe('ESTRON Actual/360');
    expect(estr.fixingDays).toBe(0);
    expect(estr.fixingCalendar().name()).toBe('TARGET');
    expect(estr.currency.code).toBe('EUR');
    expect(estr.maturityDate(Date.fromISO('2025-04-17')).toISOString()).toBe('2025-04-22'); // Good Friday and Easter Monday
  });

  it('forecasts (P(v)/P(v⁺) − 1)/τ over one business day', () => {
    const curve = new FlatForward(0.043, { referenceDate: today });
    const sofr = new Sofr(new Handle<YieldTermStructure>(curve), new FixingsStore());
    const friday = Date.fromISO('2025-01-17');
    expect(sofr.fixing(friday)).toBeCloseTo((Math.exp(0.043 * 4 / 365) - 1) / (4 / 360), 15);
  });
});
