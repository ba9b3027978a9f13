// Shared by the leg builders: per-period dates, payment dates and per-period values.
import { checkInteger } from '../../_lib/checks.js';
import { InvalidInputError } from '../../errors.js';
import type { Currency } from '../../money/Currency.js';
import { Money, type DecimalInput } from '../../money/Money.js';
import { BusinessDayConvention } from '../../time/BusinessDayConvention.js';
import { Calendar } from '../../time/Calendar.js';
import type { Date } from '../../time/Date.js';
import { Schedule } from '../../time/Schedule.js';
import { TimeUnit } from '../../time/TimeUnit.js';

/** Payment options common to every leg builder. */
export interface PaymentOptions {
  readonly paymentConvention?: BusinessDayConvention;
  readonly paymentLag?: number;
  readonly paymentCalendar?: Calendar;
}

/** One accrual period of a leg. */
export interface LegPeriod {
  readonly start: Date;
  readonly end: Date;
  readonly refStart: Date;
  readonly refEnd: Date;
  readonly paymentDate: Date;
  readonly nominal: Money;
}

/** `values[i]`, the last value past the end (QuantLib's `detail::get`), or `fallback` when empty. */
export function valueAt<T>(values: T | readonly T[] | undefined, i: number, fallback: T): T {
  if (values === undefined) return fallback;
  if (!Array.isArray(values)) return values as T;
  if (values.length === 0) return fallback;
  return values[Math.min(i, values.length - 1)] as T;
}

/**
 * The periods of `schedule` with their reference periods (a stub's reference period is the
 * regular period it belongs to), payment dates (`paymentLag` business days after the accrual end on the
 * payment calendar, rolled by the payment convention) and nominals.
 */
export function legPeriods(
  schedule: Schedule,
  nominals: DecimalInput | readonly DecimalInput[],
  currency: Currency,
  payment: PaymentOptions,
): LegPeriod[] {
  if (!(schedule instanceof Schedule)) throw InvalidInputError.outOfRange('schedule', schedule, 'a Schedule');
  if (Array.isArray(nominals) && nominals.length === 0) throw InvalidInputError.outOfRange('nominals', '[]', 'a nominal or a non-empty array of nominals');
  const convention = payment.paymentConvention ?? BusinessDayConvention.Following;
  if (typeof convention !== 'number' || !(convention in BusinessDayConvention)) {
    throw InvalidInputError.outOfRange('paymentConvention', convention, 'a BusinessDayConvention');
  }
  const lag = payment.paymentLag ?? 0;
  checkInteger('paymentLag', lag, 0);
  const calendar = payment.paymentCalendar ?? schedule.calendar;
  if (!(calendar instanceof Calendar)) throw InvalidInputError.outOfRange('paymentCalendar', calendar, 'a Calendar');
  const dates = schedule.dates();
  const n = dates.length - 1;
  const periods: LegPeriod[] = [];
  for (let i = 0; i < n; i++) {
    const start = dates[i];
    const end = dates[i + 1];
    let refStart = start;
    let refEnd = end;
    if (schedule.tenor.length > 0 && !schedule.isRegular(i + 1)) {
      if (i === 0) refStart = schedule.calendar.adjust(end.add(-schedule.tenor.length, schedule.tenor.units), schedule.convention);
      else if (i === n - 1) refEnd = schedule.calendar.adjust(start.add(schedule.tenor.length, schedule.tenor.units), schedule.convention);
    }
    const nominalInput = valueAt<DecimalInput>(nominals, i, 0);
    let nominal: Money;
    try {
      nominal = new Money(nominalInput, currency);
    } catch {
      throw InvalidInputError.outOfRange(`nominals[${i}]`, nominalInput, 'finite decimals');
    }
    const paymentDate = calendar.advance(end, lag, TimeUnit.Days, convention);
    periods.push({ start, end, refStart, refEnd, paymentDate, nominal });
  }
  return periods;
}

/** Throws unless every entry of a scalar-or-array option is a finite number. */
export function checkNumbers(argument: string, values: number | readonly number[] | undefined): void {
  if (values === undefined) return;
  const list = Array.isArray(values) ? values : [values];
  list.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw InvalidInputError.outOfRange(Array.isArray(values) ? `${argument}[${i}]` : argument, v, '(-∞, ∞), finite');
  });
}

/** The coupon fields of a floating leg's periods: dates, nominal, gearing and spread. */
export interface FloatingPeriod {
  readonly paymentDate: Date;
  readonly nominal: Money;
  readonly accrualStartDate: Date;
  readonly accrualEndDate: Date;
  readonly refPeriodStart: Date;
  readonly refPeriodEnd: Date;
  readonly gearing: number;
  readonly spread: number;
}

/** The periods of a floating leg, with gearings and spreads checked and spread per period. */
export function floatingPeriods(
  schedule: Schedule,
  currency: Currency,
  options: PaymentOptions & {
    readonly nominals: DecimalInput | readonly DecimalInput[];
    readonly gearings?: number | readonly number[];
    readonly spreads?: number | readonly number[];
  },
): FloatingPeriod[] {
  checkNumbers('gearings', options.gearings);
  checkNumbers('spreads', options.spreads);
  return legPeriods(schedule, options.nominals, currency, options).map((p, i) => ({
    paymentDate: p.paymentDate, nominal: p.nominal, accrualStartDate: p.start, accrualEndDate: p.end,
    refPeriodStart: p.refStart, refPeriodEnd: p.refEnd,
    gearing: valueAt(options.gearings, i, 1), spread: valueAt(options.spreads, i, 0),
  }));
}
