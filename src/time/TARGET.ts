import { Calendar } from './Calendar.js';
import { Month } from './Month.js';
import type { Date } from './Date.js';
import { easterMondaySerial } from './_lib/easter.js';

/**
 * The TARGET / TARGET2 calendar of the Eurosystem's payment system (euro settlement days).
 *
 * @remarks
 * Closing days: Saturdays and Sundays; 1 January; Good Friday and Easter Monday (from 2000);
 * 1 May, Labour Day (from 2000); 25 December; 26 December (from 2000); and 31 December in
 * 1998, 1999 and 2001. Holidays are not moved when they fall on a weekend.
 *
 * Source: ECB, "TARGET2 closing days" (https://www.ecb.europa.eu/paym/target/target2/profuse/calendar/html/index.en.html);
 * QuantLib `ql/time/calendars/target.hpp` for the historical years.
 * Checked against: the ECB's published TARGET closing days 2023–2026 (`test/time/TARGET.test.ts`).
 *
 * @example
 * ```ts
 * import { TARGET, Date } from 'quantflow';
 * new TARGET().isBusinessDay(Date.fromISO('2025-04-21'));   // Easter Monday
 * //=> false
 * ```
 *
 * @public
 */
export class TARGET extends Calendar {
  name(): string {
    return 'TARGET';
  }

  protected isBusinessDayImpl(date: Date): boolean {
    if (this.isWeekend(date.weekday())) return false;
    const d = date.dayOfMonth();
    const m = date.month();
    const y = date.year();
    if (d === 1 && m === Month.January) return false;
    if (y >= 2000) {
      const em = easterMondaySerial(y);
      const s = date.serialNumber;
      if (s === em - 3 || s === em) return false; // Good Friday, Easter Monday
      if (d === 1 && m === Month.May) return false; // Labour Day
      if (d === 26 && m === Month.December) return false; // Christmas holiday
    }
    if (d === 25 && m === Month.December) return false;
    if (d === 31 && m === Month.December && (y === 1998 || y === 1999 || y === 2001)) return false;
    return true;
  }
}
