import type { DecimalInput } from '../money/Money.js';
import type { BusinessDayConvention } from '../time/BusinessDayConvention.js';
import type { Calendar } from '../time/Calendar.js';
import type { DayCounter } from '../time/DayCounter.js';

/**
 * Options shared by the floating-leg builders ({@link iborLeg}, {@link overnightLeg}).
 * @public
 */
export interface FloatingLegOptions {
  /** Nominal per period (the last one repeats), in units of the index's currency; finite. */
  readonly nominals: DecimalInput | readonly DecimalInput[];
  /** Day counter of the accrual; default the index's. */
  readonly dayCounter?: DayCounter;
  /** Gearing per period (the last one repeats); default 1; finite, non-zero. */
  readonly gearings?: number | readonly number[];
  /** Spread per period, decimals per year (not compounded); default 0; finite. */
  readonly spreads?: number | readonly number[];
  /** Rolling rule of payment dates; default `Following`. */
  readonly paymentConvention?: BusinessDayConvention;
  /** Business days from accrual end to payment (2 for SOFR OIS); integer ≥ 0, default 0. */
  readonly paymentLag?: number;
  /** Calendar of payment dates; default the schedule's. */
  readonly paymentCalendar?: Calendar;
}
