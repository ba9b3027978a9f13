import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BusinessDayConvention as BDC } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { NullCalendar } from '../../src/time/NullCalendar.js';
import { TARGET } from '../../src/time/TARGET.js';
import { TimeUnit } from '../../src/time/TimeUnit.js';
import { UnitedStates, UnitedStatesMarket } from '../../src/time/UnitedStates.js';
import { WeekendsOnly } from '../../src/time/WeekendsOnly.js';
import { Period } from '../../src/time/Period.js';
import { InvalidInputError } from '../../src/errors.js';

const d = (iso: string) => Date.fromISO(iso);
const iso = (x: Date) => x.toISOString();

describe('Calendar.adjust (ISDA 2006 §4.12 conventions, hand-worked on TARGET)', () => {
  const target = new TARGET();
  it.each([
    // 2025-05-31 is a Saturday; the next business day (2 June) is in the next month.
    ['2025-05-31', BDC.Following, '2025-06-02'],
    ['2025-05-31', BDC.ModifiedFollowing, '2025-05-30'],
    ['2025-05-31', BDC.Preceding, '2025-05-30'],
    ['2025-05-31', BDC.Unadjusted, '2025-05-31'],
    // 2025-06-01 is a Sunday; the previous business day is in May.
    ['2025-06-01', BDC.ModifiedPreceding, '2025-06-02'],
    // 2025-03-15 is a Saturday: rolling forward crosses the 15th.
    ['2025-03-15', BDC.ModifiedFollowing, '2025-03-17'],
    ['2025-03-15', BDC.HalfMonthModifiedFollowing, '2025-03-14'],
    // Nearest: Saturday goes back to Friday, Sunday forward to Monday.
    ['2025-03-15', BDC.Nearest, '2025-03-14'],
    ['2025-03-16', BDC.Nearest, '2025-03-17'],
    // Easter 2025: Good Friday 18 April, Easter Monday 21 April.
    ['2025-04-18', BDC.Following, '2025-04-22'],
    ['2025-04-21', BDC.Preceding, '2025-04-17'],
    ['2025-04-19', BDC.Nearest, '2025-04-17'], // Fri 18 and Mon 21 closed: Thu 17 is 2 back, Tue 22 is 3 ahead
  ])('%s by %s → %s', (start, convention, expected) => {
    expect(iso(target.adjust(d(start), convention as BDC))).toBe(expected);
  });
  it('refuses an unknown convention', () => {
    expect(() => target.adjust(d('2025-05-31'), 99 as BDC)).toThrow(InvalidInputError);
  });
});

describe('Calendar.advance', () => {
  const target = new TARGET();
  it('counts business days, skipping Easter', () => {
    expect(iso(target.advance(d('2025-04-17'), 1, TimeUnit.Days))).toBe('2025-04-22');
    expect(iso(target.advance(d('2025-04-22'), -1, TimeUnit.Days))).toBe('2025-04-17');
    expect(iso(target.advance(d('2025-04-17'), 0, TimeUnit.Days))).toBe('2025-04-17');
    expect(iso(target.advance(d('2025-04-19'), 0, TimeUnit.Days))).toBe('2025-04-22');
  });
  it('moves months then adjusts, with the end-of-month rule', () => {
    // 2025-02-28 (Friday) is the last business day of February.
    expect(iso(target.advance(d('2025-02-28'), 1, TimeUnit.Months, BDC.ModifiedFollowing, false))).toBe('2025-03-28');
    expect(iso(target.advance(d('2025-02-28'), 1, TimeUnit.Months, BDC.ModifiedFollowing, true))).toBe('2025-03-31');
    // 2026-01-31 is a Saturday: the last business day of January 2026 is Friday the 30th.
    expect(iso(target.advancePeriod(d('2025-10-31'), Period.parse('3M'), BDC.ModifiedFollowing, true))).toBe('2026-01-30');
    expect(iso(target.advance(d('2025-01-15'), 1, TimeUnit.Weeks, BDC.Following))).toBe('2025-01-22');
  });
});

describe('Calendar counting and lists', () => {
  const weekends = new WeekendsOnly();
  it('businessDaysBetween counts [from, to) by default, signed', () => {
    // Monday 2025-01-06 to Monday 2025-01-13: five weekdays in [from, to).
    expect(weekends.businessDaysBetween(d('2025-01-06'), d('2025-01-13'))).toBe(5);
    expect(weekends.businessDaysBetween(d('2025-01-06'), d('2025-01-13'), true, true)).toBe(6);
    expect(weekends.businessDaysBetween(d('2025-01-06'), d('2025-01-13'), false, false)).toBe(4);
    expect(weekends.businessDaysBetween(d('2025-01-13'), d('2025-01-06'))).toBe(-5);
    expect(weekends.businessDaysBetween(d('2025-01-06'), d('2025-01-06'), true, true)).toBe(1);
    // 2025 has 261 weekdays (365 days, starting on a Wednesday) and TARGET closes 6 of them.
    expect(new TARGET().businessDaysBetween(d('2025-01-01'), d('2026-01-01'))).toBe(255);
  });
  it('holidayList with and without weekends', () => {
    expect(weekends.holidayList(d('2025-01-01'), d('2025-01-31'))).toEqual([]);
    expect(weekends.holidayList(d('2025-01-01'), d('2025-01-12'), true).map(iso)).toEqual([
      '2025-01-04', '2025-01-05', '2025-01-11', '2025-01-12',
    ]);
    expect(() => weekends.holidayList(d('2025-01-02'), d('2025-01-01'))).toThrow(InvalidInputError);
  });
  it('added and removed holidays belong to one instance', () => {
    const a = new TARGET();
    const b = new TARGET();
    a.addHoliday(d('2025-07-14'));
    a.removeHoliday(d('2025-05-01'));
    expect(a.isHoliday(d('2025-07-14')) && a.isBusinessDay(d('2025-05-01'))).toBe(true);
    expect(b.isBusinessDay(d('2025-07-14')) && b.isHoliday(d('2025-05-01'))).toBe(true);
    a.resetAddedAndRemovedHolidays();
    expect(a.isBusinessDay(d('2025-07-14'))).toBe(true);
  });
  it('end of month', () => {
    const target = new TARGET();
    expect(iso(target.endOfMonth(d('2026-01-10')))).toBe('2026-01-30');
    expect(target.isEndOfMonth(d('2026-01-30'))).toBe(true);
    expect(target.isEndOfMonth(d('2026-01-29'))).toBe(false);
    expect(new NullCalendar().isBusinessDay(d('2025-12-25'))).toBe(true);
  });
});

describe('Calendar properties (fast-check)', () => {
  const calendars = [new TARGET(), new UnitedStates(UnitedStatesMarket.NYSE), new UnitedStates(UnitedStatesMarket.SOFR), new WeekendsOnly()];
  const conventions = [BDC.Following, BDC.ModifiedFollowing, BDC.Preceding, BDC.ModifiedPreceding, BDC.HalfMonthModifiedFollowing, BDC.Nearest];
  // Keep ≥ 100 days away from the ends of the date range: 40 business days can span ~60
  // calendar days, and the walk must not leave 1901–2199.
  const serial = fc.integer({ min: 467, max: 109474 });

  it('adjust returns a business day within 10 days, in the same month for the Modified rules', () => {
    fc.assert(
      fc.property(serial, fc.constantFrom(...calendars), fc.constantFrom(...conventions), (s, cal, c) => {
        const start = Date.fromSerial(s);
        const out = cal.adjust(start, c);
        expect(cal.isBusinessDay(out)).toBe(true);
        expect(Math.abs(start.daysTo(out))).toBeLessThanOrEqual(10);
        if (cal.isBusinessDay(start)) expect(out.equals(start)).toBe(true);
        if (c === BDC.ModifiedFollowing || c === BDC.ModifiedPreceding) expect(out.month()).toBe(start.month());
      }),
      { numRuns: 500 },
    );
  });

  it('advance(d, n, Days) then -n returns the adjusted start', () => {
    fc.assert(
      fc.property(serial, fc.constantFrom(...calendars), fc.integer({ min: -40, max: 40 }).filter((n) => n !== 0), (s, cal, n) => {
        const start = Date.fromSerial(s);
        const back = cal.advance(cal.advance(start, n, TimeUnit.Days), -n, TimeUnit.Days);
        // From a holiday, a forward walk then a backward one ends on the preceding business
        // day, a backward then forward one on the following business day.
        const expected = cal.adjust(start, n > 0 ? BDC.Preceding : BDC.Following);
        expect(iso(back)).toBe(iso(expected));
        expect(cal.businessDaysBetween(start, cal.advance(start, n, TimeUnit.Days), false, true)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });
});
