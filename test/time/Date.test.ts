import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Date } from '../../src/time/Date.js';
import { Month } from '../../src/time/Month.js';
import { Period } from '../../src/time/Period.js';
import { TimeUnit } from '../../src/time/TimeUnit.js';
import { Weekday } from '../../src/time/Weekday.js';
import { InvalidInputError } from '../../src/errors.js';

const MIN_SERIAL = 367;
const MAX_SERIAL = 109574;

describe('Date serial numbers', () => {
  // Spreadsheet serials (1900 date system, as in Excel/LibreOffice and QuantLib): serial 1 is
  // 1900-01-01 and, because of the fictitious 1900-02-29, serial 367 is 1901-01-01.
  const known: Array<[string, number]> = [
    ['1901-01-01', 367], // QuantLib Date::minDate()
    ['1970-01-01', 25569], // Unix epoch, widely tabulated spreadsheet serial
    ['2000-01-01', 36526],
    ['2023-01-01', 44927],
    ['2025-01-02', 45659], // evaluation date of test/reference/quantlib-1.29.json
    ['2199-12-31', 109574], // QuantLib Date::maxDate()
  ];
  it.each(known)('%s has serial %i', (iso, serial) => {
    expect(Date.fromISO(iso).serialNumber).toBe(serial);
    expect(Date.fromSerial(serial).toISOString()).toBe(iso);
  });

  it('walks day by day over the whole range in step with an independent Y/M/D counter', () => {
    // Independent oracle: a plain counter that increments day, month and year using a typed-in
    // table of month lengths and the Gregorian leap rule.
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    let y = 1901;
    let m = 1;
    let d = 1;
    let dayOfYear = 1;
    let weekday = Weekday.Tuesday; // 1 January 1901 was a Tuesday
    for (let serial = MIN_SERIAL; serial <= MAX_SERIAL; serial++) {
      const date = Date.fromSerial(serial);
      if (date.year() !== y || date.month() !== m || date.dayOfMonth() !== d) {
        throw new Error(`serial ${serial}: expected ${y}-${m}-${d}, got ${date.toISOString()}`);
      }
      if (date.dayOfYear() !== dayOfYear || date.weekday() !== weekday) {
        throw new Error(`serial ${serial}: expected doy ${dayOfYear} wd ${weekday}, got ${date.dayOfYear()} ${date.weekday()}`);
      }
      if (Date.fromYMD(y, m, d).serialNumber !== serial) throw new Error(`fromYMD(${y},${m},${d}) != ${serial}`);
      const len = m === 2 && leap(y) ? 29 : lengths[m - 1];
      weekday = weekday === 7 ? 1 : weekday + 1;
      dayOfYear += 1;
      d += 1;
      if (d > len) {
        d = 1;
        m += 1;
        if (m > 12) {
          m = 1;
          y += 1;
          dayOfYear = 1;
        }
      }
    }
    expect([y, m, d]).toEqual([2200, 1, 1]);
  });

  it('agrees with the JavaScript UTC calendar (a second implementation) on random dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), (serial) => {
        const date = Date.fromSerial(serial);
        const js = new globalThis.Date((serial - 25569) * 86_400_000);
        expect([date.year(), date.month(), date.dayOfMonth()]).toEqual([js.getUTCFullYear(), js.getUTCMonth() + 1, js.getUTCDate()]);
        expect(date.weekday()).toBe(js.getUTCDay() + 1); // JS Sunday = 0, QuantLib Sunday = 1
      }),
    );
  });
});

describe('Date weekdays of known dates', () => {
  // Dates whose weekday is a matter of historical record.
  const cases: Array<[string, Weekday]> = [
    ['1901-01-01', Weekday.Tuesday],
    ['1945-05-08', Weekday.Tuesday], // V-E Day
    ['1963-11-22', Weekday.Friday],
    ['1969-07-20', Weekday.Sunday], // Apollo 11 landing
    ['1989-11-09', Weekday.Thursday], // fall of the Berlin Wall
    ['2000-01-01', Weekday.Saturday],
    ['2001-09-11', Weekday.Tuesday],
    ['2016-02-29', Weekday.Monday],
    ['2025-01-02', Weekday.Thursday],
  ];
  it.each(cases)('%s is weekday %i', (iso, weekday) => {
    expect(Date.fromISO(iso).weekday()).toBe(weekday);
  });
});

describe('Date arithmetic', () => {
  it('clamps months and years to the end of the month, as QuantLib', () => {
    const cases: Array<[string, number, TimeUnit, string]> = [
      ['2024-01-31', 1, TimeUnit.Months, '2024-02-29'],
      ['2023-01-31', 1, TimeUnit.Months, '2023-02-28'],
      ['2024-03-31', -1, TimeUnit.Months, '2024-02-29'],
      ['2024-02-29', 1, TimeUnit.Years, '2025-02-28'],
      ['2024-02-29', 4, TimeUnit.Years, '2028-02-29'],
      ['2025-11-30', 3, TimeUnit.Months, '2026-02-28'],
      ['2025-01-15', 2, TimeUnit.Weeks, '2025-01-29'],
      ['2025-01-15', -20, TimeUnit.Days, '2024-12-26'],
      ['2025-12-15', 13, TimeUnit.Months, '2027-01-15'],
    ];
    for (const [start, n, unit, expected] of cases) {
      expect(Date.fromISO(start).add(n, unit).toISOString(), `${start} + ${n} ${TimeUnit[unit]}`).toBe(expected);
    }
    expect(Date.fromISO('2025-01-31').addPeriod(Period.parse('1M')).toISOString()).toBe('2025-02-28');
    expect(Date.fromISO('2025-03-31').subtractPeriod(Period.parse('1M')).toISOString()).toBe('2025-02-28');
  });

  it('counts days between dates', () => {
    expect(Date.daysBetween(Date.fromISO('2024-01-01'), Date.fromISO('2025-01-01'))).toBe(366);
    expect(Date.fromISO('2025-01-01').daysTo(Date.fromISO('2024-01-01'))).toBe(-366);
  });

  it('adding n days then -n days is the identity (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_SERIAL, max: MAX_SERIAL }), fc.integer({ min: -5000, max: 5000 }), (s, n) => {
        fc.pre(s + n >= MIN_SERIAL && s + n <= MAX_SERIAL);
        const d = Date.fromSerial(s);
        expect(d.addDays(n).addDays(-n).equals(d)).toBe(true);
        expect(d.daysTo(d.addDays(n))).toBe(n);
      }),
    );
  });

  it('leap years follow the Gregorian rule', () => {
    expect([1900, 2000, 2023, 2024, 2100].map((y) => Date.isLeap(y))).toEqual([false, true, false, true, false]);
  });

  it('end of month', () => {
    expect(Date.endOfMonth(Date.fromISO('2024-02-10')).toISOString()).toBe('2024-02-29');
    expect(Date.isEndOfMonth(Date.fromISO('2023-02-28'))).toBe(true);
    expect(Date.isEndOfMonth(Date.fromISO('2024-02-28'))).toBe(false);
  });

  it('nth weekday: IMM dates and Thanksgiving as published', () => {
    // IMM dates 2025 (third Wednesdays of Mar/Jun/Sep/Dec): 19 Mar, 18 Jun, 17 Sep, 17 Dec.
    expect([3, 6, 9, 12].map((m) => Date.nthWeekday(3, Weekday.Wednesday, m, 2025).toISOString())).toEqual([
      '2025-03-19',
      '2025-06-18',
      '2025-09-17',
      '2025-12-17',
    ]);
    expect(Date.nthWeekday(4, Weekday.Thursday, Month.November, 2025).toISOString()).toBe('2025-11-27');
    expect(Date.nthWeekday(5, Weekday.Saturday, Month.March, 2025).toISOString()).toBe('2025-03-29');
    expect(() => Date.nthWeekday(5, Weekday.Monday, Month.February, 2025)).toThrow(InvalidInputError);
  });

  it('next weekday on or after a date', () => {
    expect(Date.nextWeekday(Date.fromISO('2025-01-02'), Weekday.Monday).toISOString()).toBe('2025-01-06');
    expect(Date.nextWeekday(Date.fromISO('2025-01-06'), Weekday.Monday).toISOString()).toBe('2025-01-06');
  });

  it('compares and orders', () => {
    const a = Date.fromISO('2025-01-02');
    const b = Date.fromISO('2025-01-03');
    expect(a.isBefore(b) && b.isAfter(a) && !a.equals(b)).toBe(true);
    expect([b, a].sort(Date.compare).map(String)).toEqual(['2025-01-02', '2025-01-03']);
    expect(a < b).toBe(true); // valueOf is the serial number
    expect(JSON.stringify({ a })).toBe('{"a":"2025-01-02"}');
  });
});

describe('Date input validation', () => {
  it.each([
    ['fromSerial(366)', () => Date.fromSerial(366)],
    ['fromSerial(109575)', () => Date.fromSerial(109575)],
    ['fromSerial(400.5)', () => Date.fromSerial(400.5)],
    ['fromYMD(1900, 12, 31)', () => Date.fromYMD(1900, 12, 31)],
    ['fromYMD(2023, 2, 29)', () => Date.fromYMD(2023, 2, 29)],
    ['fromYMD(2023, 13, 1)', () => Date.fromYMD(2023, 13, 1)],
    ["fromISO('2023-2-15')", () => Date.fromISO('2023-2-15')],
    ["fromISO('2023-02-15T00:00')", () => Date.fromISO('2023-02-15T00:00')],
    ['maxDate().addDays(1)', () => Date.maxDate().addDays(1)],
    ['minDate().add(-1, Months)', () => Date.minDate().add(-1, TimeUnit.Months)],
    ['addDays(NaN)', () => Date.minDate().addDays(Number.NaN)],
  ])('%s throws InvalidInputError naming the argument', (_label, fn) => {
    expect(fn).toThrow(InvalidInputError);
    try {
      fn();
    } catch (e) {
      expect((e as InvalidInputError).details.argument).toBeTypeOf('string');
      expect((e as Error).message).toMatch(/outside the allowed range/);
    }
  });
});

describe('Date under non-UTC time zones', () => {
  // Serial dates never consult the JS clock or time zone, so the same assertions must hold
  // under any TZ; todaysDate() must be the *local* calendar day. Node re-reads process.env.TZ
  // on assignment, so one process can visit several zones.
  const zones = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Asia/Kolkata', 'Europe/London'];
  it.each(zones)('TZ=%s', (zone) => {
    const saved = process.env.TZ;
    process.env.TZ = zone;
    try {
      expect(Date.fromISO('2025-01-02').serialNumber).toBe(45659);
      expect(Date.fromSerial(45659).weekday()).toBe(Weekday.Thursday);
      expect(Date.fromISO('2024-03-31').add(-1, TimeUnit.Months).toISOString()).toBe('2024-02-29');
      // 2025-03-09 is the US daylight-saving switch; 2025-03-30 the EU one.
      expect(Date.fromISO('2025-03-08').addDays(1).toISOString()).toBe('2025-03-09');
      expect(Date.fromISO('2025-03-29').daysTo(Date.fromISO('2025-03-31'))).toBe(2);
      const before = new globalThis.Date();
      const today = Date.todaysDate();
      const after = new globalThis.Date();
      const local = (t: globalThis.Date) => [t.getFullYear(), t.getMonth() + 1, t.getDate()].join('-');
      const got = [today.year(), today.month(), today.dayOfMonth()].join('-');
      expect([local(before), local(after)]).toContain(got); // robust to crossing midnight
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
