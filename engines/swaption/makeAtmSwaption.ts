import { fixedLeg } from '../../src/cashflows/fixedLeg.js';
import { iborLeg } from '../../src/cashflows/iborLeg.js';
import { CashFlows } from '../../src/cashflows/CashFlows.js';
import { InvalidInputError } from '../../src/errors.js';
import type { IborIndex } from '../../src/indexes/IborIndex.js';
import type { Handle } from '../../src/patterns/Handle.js';
import type { Calendar } from '../../src/time/Calendar.js';
import { DateGeneration } from '../../src/time/DateGeneration.js';
import type { Date } from '../../src/time/Date.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import { Period } from '../../src/time/Period.js';
import { Schedule } from '../../src/time/Schedule.js';
import { TimeUnit } from '../../src/time/TimeUnit.js';
import { EuropeanExercise } from '../../instruments/exercises/EuropeanExercise.js';
import { SettlementType } from '../../instruments/SettlementType.js';
import { Swaption } from '../../instruments/Swaption.js';
import { SwapType } from '../../instruments/SwapType.js';
import { VanillaSwap } from '../../instruments/VanillaSwap.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';

/**
 * What {@link makeAtmSwaption} builds: an expiry × tenor swaption on an index's conventions.
 * @public
 */
export interface AtmSwaptionSpec {
  /** Option expiry from the curve's reference date (e.g. `Period.parse('1Y')`). */
  readonly expiry: Period;
  /** Length of the underlying swap (e.g. `Period.parse('5Y')`). */
  readonly tenor: Period;
  /** The floating leg's index (its tenor, calendar, convention and fixing days are used). */
  readonly index: IborIndex;
  /** Fixed-leg coupon period (e.g. 1Y). */
  readonly fixedLegTenor: Period;
  /** Fixed-leg day counter. */
  readonly fixedLegDayCounter: DayCounter;
  /** Floating-leg day counter; default the index's. */
  readonly floatingLegDayCounter?: DayCounter;
  /** Curve the ATM rate is computed on (and whose reference date the expiry counts from). */
  readonly discountCurve: Handle<YieldTermStructure>;
  /** Payer or receiver; default Receiver (as QuantLib's SwaptionHelper). */
  readonly type?: SwapType;
  /** Strike, decimal; default the forward swap rate (ATM). */
  readonly strike?: number;
  /** Nominal, > 0; default 1. */
  readonly nominal?: number;
  /** Business days from exercise to swap start; default the index's fixing days. */
  readonly settlementDays?: number;
  /** Calendar of the dates; default the index's fixing calendar. */
  readonly calendar?: Calendar;
  /** Settlement type; default Physical. */
  readonly settlementType?: SettlementType;
  /**
   * Compute the ATM rate with coupons forecast over the index's own period (QuantLib's
   * `QL_USE_INDEXED_COUPON` builds) instead of the coupon's; default false. The swap itself
   * keeps par coupons.
   */
  readonly indexedCouponsForAtm?: boolean;
}

/**
 * Builds an expiry × tenor European swaption the way QuantLib's `SwaptionHelper` does: exercise =
 * calendar.advance(reference date, expiry, index convention), start = exercise + settlement days,
 * end = start + tenor; both schedules generated forward from the start with the index's
 * convention; strike = the forward swap rate on `discountCurve` unless given.
 *
 * @remarks
 * Source: QuantLib `ql/models/shortrate/calibrationhelpers/swaptionhelper.cpp`
 * (`performCalculations`).
 * Checked against: the exercise dates, strikes and Black prices of QuantLib 1.29's
 * `testCachedHullWhite` swaptions (`test/engines/hullwhite/calibrateHullWhite.test.ts`).
 * @param spec - see {@link AtmSwaptionSpec}.
 * @returns the swaption (no engine attached); `strike` is on its swap's terms.
 * @throws InvalidInputError for a non-positive nominal or a non-finite strike; whatever the
 * curve throws.
 * @public
 */
export function makeAtmSwaption(spec: AtmSwaptionSpec): Swaption {
  const { index } = spec;
  const calendar = spec.calendar ?? index.fixingCalendar();
  const convention = index.convention;
  const curve = spec.discountCurve.currentLink();
  const exerciseDate: Date = calendar.advancePeriod(curve.referenceDate(), spec.expiry, convention);
  const start = calendar.advance(exerciseDate, spec.settlementDays ?? index.fixingDays, TimeUnit.Days);
  const end = calendar.advancePeriod(start, spec.tenor, convention);
  const schedule = (tenor: Period) => new Schedule({ effectiveDate: start, terminationDate: end, tenor, calendar, convention, terminationDateConvention: convention, rule: DateGeneration.Forward, endOfMonth: false });
  const fixedSchedule = schedule(spec.fixedLegTenor);
  const floatSchedule = schedule(index.tenor);
  const floatingDayCounter = spec.floatingLegDayCounter ?? index.dayCounter;
  const nominal = spec.nominal ?? 1;
  if (!(nominal > 0) || !Number.isFinite(nominal)) throw InvalidInputError.outOfRange('spec.nominal', nominal, '(0, ∞)');
  let strike = spec.strike;
  if (strike === undefined) {
    const options = { settlementDate: curve.referenceDate(), npvDate: curve.referenceDate(), includeSettlementDateFlows: false };
    const fixed = fixedLeg(fixedSchedule, { nominals: nominal, currency: index.currency, couponRates: 1, dayCounter: spec.fixedLegDayCounter, paymentConvention: convention });
    const floating = iborLeg(floatSchedule, index, { nominals: nominal, dayCounter: floatingDayCounter, paymentConvention: convention, indexedCoupons: spec.indexedCouponsForAtm ?? false });
    strike = CashFlows.npv(floating, curve, options) / CashFlows.npv(fixed, curve, options);
  }
  if (!Number.isFinite(strike)) throw InvalidInputError.outOfRange('spec.strike', strike, '(-∞, ∞), finite');
  const swap = new VanillaSwap(spec.type ?? SwapType.Receiver, nominal, fixedSchedule, strike, spec.fixedLegDayCounter, floatSchedule, index, 0, floatingDayCounter, convention);
  return new Swaption(swap, new EuropeanExercise(exerciseDate), spec.settlementType ?? SettlementType.Physical);
}
