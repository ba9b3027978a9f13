import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BusinessDayConvention as BDC } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { DateGeneration } from '../../src/time/DateGeneration.js';
import { NullCalendar } from '../../src/time/NullCalendar.js';
import { Period } from '../../src/time/Period.js';
import { Schedule, type ScheduleOptions } from '../../src/time/Schedule.js';
import { TARGET } from '../../src/time/TARGET.js';
import { UnitedStates, UnitedStatesMarket } from '../../src/time/UnitedStates.js';
import { InvalidInputError } from '../../src/errors.js';

const d = (iso: string) => Date.fromISO(iso);
const isoList = (s: Schedule) => s.dates().map((x) => x.toISOString());
const regularity = (s: Schedule) => Array.from({ length: s.size() - 1 }, (_, i) => s.isRegular(i + 1));
const nullCal = new NullCalendar();
const target = new TARGET();

// Expected dates below are worked out by hand from the generation rules (ISDA 2006 §4.10–4.12,
// QuantLib's Schedule documentation) and the weekdays of the dates involved.
describe('Schedule generation', () => {
  it('regular semi-annual schedule on TARGET', () => {
    const s = new Schedule({ effectiveDate: d('2025-01-15'), terminationDate: d('2026-01-15'), tenor: Period.parse('6M'), calendar: target, convention: BDC.ModifiedFollowing });
    expect(isoList(s)).toEqual(['2025-01-15', '2025-07-15', '2026-01-15']);
    expect(regularity(s)).toEqual([true, true]);
    expect([s.size(), s.startDate().toISOString(), s.endDate().toISOString(), s.at(1).toISOString()]).toEqual([3, '2025-01-15', '2026-01-15', '2025-07-15']);
  });

  it('Backward puts a short stub at the front, Forward at the back', () => {
    const base = { tenor: Period.parse('6M'), calendar: nullCal, convention: BDC.Unadjusted };
    const back = new Schedule({ ...base, effectiveDate: d('2025-02-10'), terminationDate: d('2026-01-15'), rule: DateGeneration.Backward });
    expect(isoList(back)).toEqual(['2025-02-10', '2025-07-15', '2026-01-15']);
    expect(regularity(back)).toEqual([false, true]);
    const fwd = new Schedule({ ...base, effectiveDate: d('2025-01-15'), terminationDate: d('2025-12-01'), rule: DateGeneration.Forward });
    expect(isoList(fwd)).toEqual(['2025-01-15', '2025-07-15', '2025-12-01']);
    expect(regularity(fwd)).toEqual([true, false]);
  });

  it('firstDate makes a long front stub; nextToLastDate a back stub', () => {
    const base = { tenor: Period.parse('6M'), calendar: nullCal, convention: BDC.Unadjusted };
    const longFront = new Schedule({ ...base, effectiveDate: d('2025-01-10'), terminationDate: d('2026-10-15'), firstDate: d('2025-10-15') });
    expect(isoList(longFront)).toEqual(['2025-01-10', '2025-10-15', '2026-04-15', '2026-10-15']);
    expect(regularity(longFront)).toEqual([false, true, true]);
    const backStub = new Schedule({ ...base, effectiveDate: d('2025-01-15'), terminationDate: d('2026-02-01'), nextToLastDate: d('2026-01-15') });
    expect(isoList(backStub)).toEqual(['2025-01-15', '2025-07-15', '2026-01-15', '2026-02-01']);
    expect(regularity(backStub)).toEqual([true, true, false]);
    const fwdFirst = new Schedule({ ...base, rule: DateGeneration.Forward, effectiveDate: d('2025-01-01'), firstDate: d('2025-03-15'), terminationDate: d('2026-03-15') });
    expect(isoList(fwdFirst)).toEqual(['2025-01-01', '2025-03-15', '2025-09-15', '2026-03-15']);
    expect(regularity(fwdFirst)).toEqual([false, true, true]);
  });

  it('end-of-month rule, unadjusted: quarterly from 28 Feb 2025 lands on month ends', () => {
    const base = { effectiveDate: d('2025-02-28'), terminationDate: d('2026-02-28'), tenor: Period.parse('3M'), calendar: nullCal, convention: BDC.Unadjusted };
    expect(isoList(new Schedule({ ...base, endOfMonth: true }))).toEqual(['2025-02-28', '2025-05-31', '2025-08-31', '2025-11-30', '2026-02-28']);
    expect(isoList(new Schedule({ ...base, endOfMonth: false }))).toEqual(['2025-02-28', '2025-05-28', '2025-08-28', '2025-11-28', '2026-02-28']);
  });

  it('end-of-month rule on TARGET moves dates to the last business day', () => {
    // 30 Apr 2026 (Thursday) is TARGET's last business day of April (1 May closed, then a weekend);
    // 31 Jan 2026 is a Saturday, so January's last business day is Friday the 30th.
    const s = new Schedule({ effectiveDate: d('2025-04-30'), terminationDate: d('2026-04-30'), tenor: Period.parse('3M'), calendar: target, convention: BDC.ModifiedFollowing, endOfMonth: true });
    expect(isoList(s)).toEqual(['2025-04-30', '2025-07-31', '2025-10-31', '2026-01-30', '2026-04-30']);
  });

  it('termination date convention: unadjusted maturity on a weekend', () => {
    // 2026-03-15 is a Sunday.
    const s = new Schedule({ effectiveDate: d('2025-03-17'), terminationDate: d('2026-03-15'), tenor: Period.parse('6M'), calendar: target, convention: BDC.Following, terminationDateConvention: BDC.Unadjusted });
    expect(isoList(s)).toEqual(['2025-03-17', '2025-09-15', '2026-03-15']);
    expect(regularity(s)).toEqual([false, true]);
  });

  it('Zero rule and zero tenor give effective and termination dates only', () => {
    const s = new Schedule({ effectiveDate: d('2025-01-15'), terminationDate: d('2030-01-15'), tenor: Period.parse('0D'), calendar: target });
    expect(isoList(s)).toEqual(['2025-01-15', '2030-01-15']);
    expect(s.rule).toBe(DateGeneration.Zero);
  });

  it('ThirdWednesday gives the IMM dates (third Wednesdays of Mar/Jun/Sep/Dec 2025–26)', () => {
    const s = new Schedule({ effectiveDate: d('2025-03-19'), terminationDate: d('2026-03-18'), tenor: Period.parse('3M'), calendar: target, convention: BDC.ModifiedFollowing, rule: DateGeneration.ThirdWednesday });
    expect(isoList(s)).toEqual(['2025-03-19', '2025-06-18', '2025-09-17', '2025-12-17', '2026-03-18']);
  });

  it('drops dates that coincide after adjustment', () => {
    // Daily tenor over Easter 2025 (Fri 18 and Mon 21 April closed) with Following: 18–21 April
    // all roll to Tuesday 22 April and must appear once.
    const s = new Schedule({ effectiveDate: d('2025-04-16'), terminationDate: d('2025-04-23'), tenor: Period.parse('1D'), calendar: target, convention: BDC.Following });
    expect(isoList(s)).toEqual(['2025-04-16', '2025-04-17', '2025-04-22', '2025-04-23']);
    expect(regularity(s)).toEqual([true, true, true]);
  });

  it('refuses effective and termination dates that adjust to the same day', () => {
    // Saturday 13 and Sunday 14 December 2025 both roll to Monday the 15th.
    const args = { effectiveDate: d('2025-12-13'), terminationDate: d('2025-12-14'), tenor: Period.parse('1W'), calendar: target };
    expect(() => new Schedule({ ...args, rule: DateGeneration.Backward })).toThrow(InvalidInputError);
    expect(() => new Schedule({ ...args, rule: DateGeneration.Forward })).toThrow(InvalidInputError);
  });

  it('end-of-month rule never leaves an end date on a holiday (found by the property test)', () => {
    // Effective Saturday 2013-12-28, termination Tuesday 2013-12-31 (TARGET's last business day
    // of 2013): moving both ends to month end would give a single date.
    const s = new Schedule({ effectiveDate: d('2013-12-28'), terminationDate: d('2013-12-31'), tenor: Period.parse('3M'), calendar: target, convention: BDC.Following, endOfMonth: true });
    expect(isoList(s)).toEqual(['2013-12-30', '2013-12-31']);
    // Termination Saturday 2022-04-30.
    const t = new Schedule({ effectiveDate: d('2022-04-28'), terminationDate: d('2022-04-30'), tenor: Period.parse('1Y'), calendar: target, convention: BDC.Following, endOfMonth: true });
    expect(isoList(t)).toEqual(['2022-04-28', '2022-05-02']);
  });

  it('nextDate / previousDate', () => {
    const s = new Schedule({ effectiveDate: d('2025-01-15'), terminationDate: d('2026-01-15'), tenor: Period.parse('6M'), calendar: target });
    expect(s.nextDate(d('2025-03-01'))?.toISOString()).toBe('2025-07-15');
    expect(s.previousDate(d('2025-03-01'))?.toISOString()).toBe('2025-01-15');
    expect(s.nextDate(d('2026-02-01'))).toBeUndefined();
  });

  it('refuses bad arguments', () => {
    const base: ScheduleOptions = { effectiveDate: d('2025-01-15'), terminationDate: d('2026-01-15'), tenor: Period.parse('6M'), calendar: target };
    expect(() => new Schedule({ ...base, terminationDate: d('2025-01-15') })).toThrow(InvalidInputError);
    expect(() => new Schedule({ ...base, firstDate: d('2025-01-15') })).toThrow(InvalidInputError);
    expect(() => new Schedule({ ...base, nextToLastDate: d('2026-01-15') })).toThrow(InvalidInputError);
    expect(() => new Schedule({ ...base, tenor: Period.parse('-6M') })).toThrow(InvalidInputError);
    expect(() => new Schedule({ ...base, rule: DateGeneration.ThirdWednesday, endOfMonth: true })).toThrow(InvalidInputError);
    expect(() => new Schedule({ ...base, rule: DateGeneration.ThirdWednesday, tenor: Period.parse('1W') })).toThrow(InvalidInputError);
    expect(() => new Schedule(base).at(3)).toThrow(InvalidInputError);
    expect(() => new Schedule(base).isRegular(0)).toThrow(InvalidInputError);
  });
});

describe('Schedule properties (fast-check)', () => {
  const calendars = [target, new UnitedStates(UnitedStatesMarket.NYSE), nullCal];
  const tenors = ['1W', '2W', '1M', '3M', '6M', '1Y'].map((t) => Period.parse(t));
  const conventions = [BDC.Following, BDC.ModifiedFollowing, BDC.Preceding, BDC.Unadjusted];
  it('dates strictly increase, intermediate dates are business days, the ends are the adjusted inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40000, max: 50000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom(...tenors),
        fc.constantFrom(...calendars),
        fc.constantFrom(...conventions),
        fc.constantFrom(DateGeneration.Backward, DateGeneration.Forward),
        fc.boolean(),
        (start, length, tenor, calendar, convention, rule, endOfMonth) => {
          const effectiveDate = Date.fromSerial(start);
          const terminationDate = Date.fromSerial(start + length);
          const args = { effectiveDate, terminationDate, tenor, calendar, convention, rule, endOfMonth };
          if (calendar.adjust(effectiveDate, convention).equals(calendar.adjust(terminationDate, convention))) {
            expect(() => new Schedule(args)).toThrow(InvalidInputError);
            return;
          }
          const s = new Schedule(args);
          const dates = s.dates();
          expect(dates.length).toBeGreaterThanOrEqual(2);
          for (let i = 1; i < dates.length; i++) expect(dates[i].isAfter(dates[i - 1])).toBe(true);
          if (convention !== BDC.Unadjusted) {
            for (const x of dates) expect(calendar.isBusinessDay(x)).toBe(true);
          }
          if (!s.endOfMonth) {
            expect(dates[0].equals(calendar.adjust(effectiveDate, convention))).toBe(true);
            expect(dates[dates.length - 1].equals(calendar.adjust(terminationDate, convention))).toBe(true);
          }
          // No period is longer than a tenor plus a stub, i.e. two tenors plus rolling slack.
          const maxGap = 2 * (tenor.units === 0 ? tenor.length : tenor.units === 1 ? 7 * tenor.length : tenor.units === 2 ? 31 * tenor.length : 366 * tenor.length) + 10;
          for (let i = 1; i < dates.length; i++) expect(dates[i - 1].daysTo(dates[i])).toBeLessThanOrEqual(maxGap);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
