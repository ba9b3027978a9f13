import { beforeEach, describe, expect, it } from 'vitest';
import { DiscountingBondEngine } from '../../engines/discounting/DiscountingBondEngine.js';
import { CallableFixedRateBond, isCallableBondArguments, type CallableBondArguments } from '../../instruments/CallableFixedRateBond.js';
import { FixedRateBond } from '../../instruments/FixedRateBond.js';
import { InvalidInputError } from '../../src/errors.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { NullCalendar } from '../../src/time/NullCalendar.js';
import { Period } from '../../src/time/Period.js';
import { Schedule } from '../../src/time/Schedule.js';
import { callableBondMarket, type CallableBondMarket } from '../engines/hullwhite/_lib/callableBondCases.js';

let m: CallableBondMarket;
beforeEach(() => {
  m = callableBondMarket();
});

const schedule = () =>
  new Schedule({ effectiveDate: Date.fromISO('2025-01-02'), terminationDate: Date.fromISO('2030-01-02'), tenor: Period.parse('1Y'), calendar: new NullCalendar(), convention: BusinessDayConvention.Unadjusted });
const make = (callability: ConstructorParameters<typeof CallableFixedRateBond>[5]) => new CallableFixedRateBond(0, 100, schedule(), [0.05], new Actual365Fixed(), callability, { paymentConvention: BusinessDayConvention.Unadjusted });
const args = (b: CallableFixedRateBond): CallableBondArguments => (b as unknown as { buildArguments(): CallableBondArguments }).buildArguments();

describe('CallableFixedRateBond', () => {
  it('passes the schedule as dirty amounts: clean price + accrued on a mid-period date, the price itself when dirty', () => {
    const mid = Date.fromISO('2027-07-02'); // 181 days into a 365-day period at 5 %: accrued 5 · 181/365
    const b = make([
      { type: 'call', date: mid, price: 101 },
      { type: 'put', date: Date.fromISO('2028-01-02'), price: 99, priceType: 'dirty' },
    ]);
    const a = args(b);
    expect(isCallableBondArguments(a)).toBe(true);
    expect(a.callability.length).toBe(2);
    expect(Math.abs((a.callability[0]?.dirtyAmount as number) - (101 + (5 * 181) / 365))).toBeLessThan(1e-12);
    expect(a.callability[1]?.dirtyAmount).toBe(99);
    expect(a.callability[1]?.type).toBe('put');
  });

  it('sorts the schedule by date and keeps it through with()', () => {
    const b = make([
      { type: 'call', date: Date.fromISO('2029-01-02'), price: 100 },
      { type: 'call', date: Date.fromISO('2027-01-02'), price: 100 },
    ]);
    expect(b.callability.map((c) => c.date.toISOString())).toEqual(['2027-01-02', '2029-01-02']);
    const c = b.with((d) => {
      d.faceAmount = 200;
    });
    expect(c).toBeInstanceOf(CallableFixedRateBond);
    expect(c.callability.length).toBe(2);
    expect(args(c).callability[0]?.dirtyAmount).toBe(200);
  });

  it('under a DiscountingBondEngine it is the straight bond (the engine ignores the schedule)', () => {
    const b = make([{ type: 'call', date: Date.fromISO('2027-01-02'), price: 100 }]);
    b.setPricingEngine(new DiscountingBondEngine(m.curve));
    const s = new FixedRateBond(0, 100, schedule(), [0.05], new Actual365Fixed(), { paymentConvention: BusinessDayConvention.Unadjusted });
    s.setPricingEngine(new DiscountingBondEngine(m.curve));
    expect(b.NPV()).toBe(s.NPV());
    expect(b.cleanPrice()).toBe(s.cleanPrice());
    expect(isCallableBondArguments({ cashflows: s.cashflows, settlementDate: s.settlementDate() })).toBe(false);
  });

  it('refuses an empty schedule, bad types, prices, price types and dates after maturity, naming them', () => {
    expect(() => make([])).toThrow(/callability.length/);
    expect(() => make([{ type: 'x' as never, date: Date.fromISO('2027-01-02'), price: 100 }])).toThrow(/callability\[0\].type/);
    expect(() => make([{ type: 'call', date: Date.fromISO('2027-01-02'), price: -1 }])).toThrow(/callability\[0\].price/);
    expect(() => make([{ type: 'call', date: Date.fromISO('2027-01-02'), price: Number.NaN }])).toThrow(InvalidInputError);
    expect(() => make([{ type: 'call', date: Date.fromISO('2027-01-02'), price: 100, priceType: 'x' as never }])).toThrow(/priceType/);
    expect(() => make([{ type: 'call', date: Date.fromISO('2031-01-02'), price: 100 }])).toThrow(/maturity/);
    expect(() => make([{ type: 'call', date: '2027-01-02' as never, price: 100 }])).toThrow(/callability\[0\].date/);
  });
});
