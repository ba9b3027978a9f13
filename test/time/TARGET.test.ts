import { describe, expect, it } from 'vitest';
import { Date } from '../../src/time/Date.js';
import { TARGET } from '../../src/time/TARGET.js';
import type { Calendar } from '../../src/time/Calendar.js';

function holidaysOf(calendar: Calendar, year: number): string[] {
  return calendar.holidayList(Date.fromYMD(year, 1, 1), Date.fromYMD(year, 12, 31)).map((d) => d.toISOString());
}

describe('TARGET closing days 2023–2026 (ECB)', () => {
  // Source: ECB, "TARGET2 / T2 closing days": New Year's Day, Good Friday, Easter Monday,
  // 1 May (Labour Day), Christmas Day, 26 December. Listed here are the ones falling on a
  // weekday (holidayList excludes weekends by default): 1 Jan 2023 was a Sunday and
  // 26 Dec 2026 is a Saturday.
  const published: Record<number, string[]> = {
    2023: ['2023-04-07', '2023-04-10', '2023-05-01', '2023-12-25', '2023-12-26'],
    2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-01', '2024-12-25', '2024-12-26'],
    2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-01', '2025-12-25', '2025-12-26'],
    2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25'],
  };
  const target = new TARGET();
  it.each([2023, 2024, 2025, 2026])('%i', (year) => {
    expect(holidaysOf(target, year)).toEqual(published[year]);
  });
  it('weekend closing days are holidays too', () => {
    expect(target.isHoliday(Date.fromISO('2023-01-01'))).toBe(true);
    expect(target.isHoliday(Date.fromISO('2026-12-26'))).toBe(true);
  });
});
