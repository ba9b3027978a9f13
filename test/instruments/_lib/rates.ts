// Shared fixtures of the swap, bond and FRA tests: the market of scripts/reference/gen_instruments.py.
import { readFileSync } from 'node:fs';
import { FixingsStore } from '../../../src/indexes/FixingsStore.js';
import { IborIndex } from '../../../src/indexes/IborIndex.js';
import { Currency } from '../../../src/money/Currency.js';
import { Handle } from '../../../src/patterns/Handle.js';
import { Settings } from '../../../src/settings.js';
import { Actual360 } from '../../../src/time/Actual360.js';
import { BusinessDayConvention } from '../../../src/time/BusinessDayConvention.js';
import type { Calendar } from '../../../src/time/Calendar.js';
import { Date } from '../../../src/time/Date.js';
import { Period } from '../../../src/time/Period.js';
import { Schedule } from '../../../src/time/Schedule.js';
import { TARGET } from '../../../src/time/TARGET.js';
import { FlatForward } from '../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';

/** QuantLib 1.29 values written by scripts/reference/gen_instruments.py. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reference JSON read per section
export const ql: Record<string, any> = JSON.parse(readFileSync(new URL('../../reference/quantlib-1.29-instruments.json', import.meta.url), 'utf8'));

export const today = Date.fromISO('2025-01-02');
export const target = new TARGET();

export function setToday(): void {
  Settings.instance.evaluationDate.set(today);
}

/** A flat continuous Act/365F curve from `today` in a handle. */
export function flat(rate: number): Handle<YieldTermStructure> {
  return new Handle<YieldTermStructure>(new FlatForward(rate, { referenceDate: today }));
}

/** 6M Euribor (TARGET, Act/360, 2 fixing days, ModifiedFollowing) forecast on `forecast`. */
export function euribor6m(forecast: Handle<YieldTermStructure>): IborIndex {
  return new IborIndex({
    familyName: 'Euribor', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.EUR, fixingCalendar: target,
    dayCounter: new Actual360(), forwardingTermStructure: forecast, fixingsStore: new FixingsStore(),
  });
}

/** A backward schedule, ModifiedFollowing unless told. */
export function schedule(from: string, to: string, tenor: string, calendar: Calendar = target, convention = BusinessDayConvention.ModifiedFollowing): Schedule {
  return new Schedule({ effectiveDate: Date.fromISO(from), terminationDate: Date.fromISO(to), tenor: Period.parse(tenor), calendar, convention });
}

/** |a − b| / max(1, |b|). */
export function scaledErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(1, Math.abs(b));
}
