import { describe, expect, it } from 'vitest';
import { Date } from '../../src/time/Date.js';
import { UnitedStates, UnitedStatesMarket } from '../../src/time/UnitedStates.js';
import type { Calendar } from '../../src/time/Calendar.js';

function holidaysOf(calendar: Calendar, year: number): string[] {
  return calendar.holidayList(Date.fromYMD(year, 1, 1), Date.fromYMD(year, 12, 31)).map((d) => d.toISOString());
}

describe('NYSE holidays 2023–2026 (NYSE holiday schedule)', () => {
  // Source: NYSE, "Holidays & Trading Hours" (nyse.com/markets/hours-calendars), as published
  // for each year; 2025-01-09 is the National Day of Mourning for President Carter (NYSE notice
  // of 2024-12-30). 2026-07-03: Independence Day observed (4 July is a Saturday).
  const published: Record<number, string[]> = {
    2023: ['2023-01-02', '2023-01-16', '2023-02-20', '2023-04-07', '2023-05-29', '2023-06-19', '2023-07-04', '2023-09-04', '2023-11-23', '2023-12-25'],
    2024: ['2024-01-01', '2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-11-28', '2024-12-25'],
    2025: ['2025-01-01', '2025-01-09', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25'],
    2026: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25'],
  };
  const nyse = new UnitedStates(UnitedStatesMarket.NYSE);
  it.each([2023, 2024, 2025, 2026])('%i', (year) => {
    expect(holidaysOf(nyse, year)).toEqual(published[year]);
  });
  it('does not close on Friday 2021-12-31 for a Saturday New Year (NYSE rule)', () => {
    expect(nyse.isBusinessDay(Date.fromISO('2021-12-31'))).toBe(true);
  });
  it('historical special closings (NYSE history of closings)', () => {
    for (const iso of ['2001-09-11', '2001-09-14', '2012-10-29', '2018-12-05', '2004-06-11']) {
      expect(nyse.isHoliday(Date.fromISO(iso)), iso).toBe(true);
    }
  });
});

describe('US government bond market (SIFMA) and SOFR', () => {
  const bond = new UnitedStates(UnitedStatesMarket.GovernmentBond);
  const sofr = new UnitedStates(UnitedStatesMarket.SOFR);
  const nyse = new UnitedStates(UnitedStatesMarket.NYSE);
  it('Good Friday: full close except on an employment-report Friday (SIFMA recommendations)', () => {
    // SIFMA: 2023-04-07 early close only (release of US employment data; QuantLib PR #1620);
    // 2024-03-29 and 2025-04-18 full closes.
    expect(bond.isBusinessDay(Date.fromISO('2023-04-07'))).toBe(true);
    expect(bond.isBusinessDay(Date.fromISO('2021-04-02'))).toBe(true);
    expect(bond.isHoliday(Date.fromISO('2024-03-29'))).toBe(true);
    expect(bond.isHoliday(Date.fromISO('2025-04-18'))).toBe(true);
  });
  it('SOFR is not published on any Good Friday (New York Fed history, QuantLib issue #1886)', () => {
    for (const iso of ['2019-04-19', '2020-04-10', '2021-04-02', '2022-04-15', '2023-04-07', '2024-03-29']) {
      expect(sofr.isHoliday(Date.fromISO(iso)), iso).toBe(true);
    }
    expect(sofr.isBusinessDay(Date.fromISO('2023-04-06'))).toBe(true);
  });
  it('Columbus and Veterans Day close bonds but not stocks; 2025-01-09 closed stocks only', () => {
    for (const iso of ['2025-10-13', '2025-11-11', '2024-10-14', '2024-11-11']) {
      expect(bond.isHoliday(Date.fromISO(iso)), iso).toBe(true);
      expect(nyse.isBusinessDay(Date.fromISO(iso)), iso).toBe(true);
    }
    expect(bond.isBusinessDay(Date.fromISO('2025-01-09'))).toBe(true); // SIFMA: early close only
    expect(nyse.isHoliday(Date.fromISO('2025-01-09'))).toBe(true);
  });
  it('Juneteenth from 2022 in the markets', () => {
    expect(bond.isBusinessDay(Date.fromISO('2021-06-18'))).toBe(true);
    expect(bond.isHoliday(Date.fromISO('2022-06-20'))).toBe(true); // 19 June 2022 was a Sunday
  });
});

describe('US federal holidays (Settlement) 2025–2026 (OPM)', () => {
  // Source: US Office of Personnel Management, "Federal Holidays" for 2025 and 2026
  // (opm.gov/policy-data-oversight/pay-leave/federal-holidays). 2026-07-03: Independence Day
  // observed on Friday (4 July is a Saturday). The executive-order closure of 2025-01-09 is not
  // a federal holiday and is not in this calendar.
  const published: Record<number, string[]> = {
    2025: ['2025-01-01', '2025-01-20', '2025-02-17', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25'],
    2026: ['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25'],
  };
  const settlement = new UnitedStates(UnitedStatesMarket.Settlement);
  it.each([2025, 2026])('%i', (year) => {
    expect(holidaysOf(settlement, year)).toEqual(published[year]);
  });
  it('observes a Saturday holiday on the Friday before (5 U.S.C. 6103(b))', () => {
    expect(settlement.isHoliday(Date.fromISO('2021-12-31'))).toBe(true); // New Year 2022 on a Saturday
    expect(settlement.isHoliday(Date.fromISO('2021-06-18'))).toBe(true); // first Juneteenth, 19 June 2021 a Saturday
  });
});

describe('US government bond market full closes 2024–2025 (SIFMA recommendations)', () => {
  // Source: SIFMA, "Holiday Schedule" (sifma.org/resources/general/holiday-schedule), US
  // recommended full market closes for 2024 and 2025. Early closes (e.g. 2025-01-09) are not
  // holidays.
  const published: Record<number, string[]> = {
    2024: ['2024-01-01', '2024-01-15', '2024-02-19', '2024-03-29', '2024-05-27', '2024-06-19', '2024-07-04', '2024-09-02', '2024-10-14', '2024-11-11', '2024-11-28', '2024-12-25'],
    2025: ['2025-01-01', '2025-01-20', '2025-02-17', '2025-04-18', '2025-05-26', '2025-06-19', '2025-07-04', '2025-09-01', '2025-10-13', '2025-11-11', '2025-11-27', '2025-12-25'],
  };
  const bond = new UnitedStates(UnitedStatesMarket.GovernmentBond);
  it.each([2024, 2025])('%i', (year) => {
    expect(holidaysOf(bond, year)).toEqual(published[year]);
  });
});
