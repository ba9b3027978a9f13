import { Calendar } from './Calendar.js';
import type { Date } from './Date.js';
import type { Weekday } from './Weekday.js';

/**
 * A calendar in which every day is a business day (no weekends, no holidays).
 *
 * @remarks
 * With it, `advance` by days is plain calendar-day arithmetic and `adjust` returns its input.
 * Used for unadjusted schedules and in tests.
 *
 * Source: QuantLib `ql/time/calendars/nullcalendar.hpp`.
 * Checked against: `test/time/Calendar.test.ts`.
 *
 * @public
 */
export class NullCalendar extends Calendar {
  name(): string {
    return 'Null';
  }

  override isWeekend(_weekday: Weekday): boolean {
    return false;
  }

  protected isBusinessDayImpl(_d: Date): boolean {
    return true;
  }
}
