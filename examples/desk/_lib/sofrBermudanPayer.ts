import { DiscountingSwapEngine } from '../../../engines/discounting/DiscountingSwapEngine.js';
import { BermudanExercise } from '../../../instruments/exercises/BermudanExercise.js';
import { Swaption } from '../../../instruments/Swaption.js';
import { SwapType } from '../../../instruments/SwapType.js';
import { VanillaSwap } from '../../../instruments/VanillaSwap.js';
import { IborIndex } from '../../../src/indexes/IborIndex.js';
import { Sofr } from '../../../src/indexes/Sofr.js';
import { Currency } from '../../../src/money/Currency.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import { Actual360 } from '../../../src/time/Actual360.js';
import type { Date } from '../../../src/time/Date.js';
import { BusinessDayConvention } from '../../../src/time/BusinessDayConvention.js';
import { Period } from '../../../src/time/Period.js';
import { Schedule } from '../../../src/time/Schedule.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';

/**
 * The desk's SOFR Bermudan payer swaption, ATM at build time (single curve: annual fixed vs annual
 * SOFR-like floating, both Act/360, ModifiedFollowing on the SOFR calendar, nominal 10 million):
 * exercisable on each accrual start from spot + `noCallYears` into the swap to spot + `years`.
 */
export function sofrBermudanPayer(curve: Handle<YieldTermStructure>, spotDate: Date, noCallYears: number, years: number): { swaption: Swaption; strike: number } {
  const calendar = new Sofr().fixingCalendar();
  const index = new IborIndex({
    familyName: 'SOFR-OIS', tenor: Period.parse('1Y'), fixingDays: 0, currency: Currency.USD, fixingCalendar: calendar,
    dayCounter: new Actual360(), convention: BusinessDayConvention.ModifiedFollowing, forwardingTermStructure: curve,
  });
  const start = calendar.advancePeriod(spotDate, Period.parse(`${noCallYears}Y`), BusinessDayConvention.ModifiedFollowing);
  const end = calendar.advancePeriod(spotDate, Period.parse(`${years}Y`), BusinessDayConvention.ModifiedFollowing);
  const schedule = new Schedule({ effectiveDate: start, terminationDate: end, tenor: Period.parse('1Y'), calendar, convention: BusinessDayConvention.ModifiedFollowing });
  const make = (k: number) => new VanillaSwap(SwapType.Payer, 10_000_000, schedule, k, new Actual360(), schedule, index, 0, new Actual360(), BusinessDayConvention.ModifiedFollowing);
  const probe = make(0.04);
  probe.setPricingEngine(new DiscountingSwapEngine(curve));
  const strike = probe.fairRate();
  probe.dispose();
  return { swaption: new Swaption(make(strike), new BermudanExercise(schedule.dates().slice(0, -1))), strike };
}
