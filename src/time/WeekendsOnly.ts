import { Calendar } from './Calendar.js';
import type { Date } from './Date.js';

/**
 * A calendar whose only holidays are Saturdays and Sundays.
 *
 * @remarks
 * Source: QuantLib `ql/time/calendars/weekendsonly.hpp`.
 * Checked against: `test/time/Calendar.test.ts` (business days in a week, holiday list).
 *
 * @public
 */
export class WeekendsOnly extends Calendar {
  name(): string {
    return 'weekends only';
  }

  protected isBusinessDayImpl(d: Date): boolean {
    return !this.isWeekend(d.weekday());
  }
}
