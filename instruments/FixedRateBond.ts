import { fixedLeg } from '../src/cashflows/fixedLeg.js';
import { SimpleCashFlow } from '../src/cashflows/SimpleCashFlow.js';
import { InvalidInputError } from '../src/errors.js';
import { Currency } from '../src/money/Currency.js';
import { Money } from '../src/money/Money.js';
import { BusinessDayConvention } from '../src/time/BusinessDayConvention.js';
import type { Date } from '../src/time/Date.js';
import type { DayCounter } from '../src/time/DayCounter.js';
import type { Schedule } from '../src/time/Schedule.js';
import { Bond, type BondTerms } from './Bond.js';

/**
 * Options of a {@link FixedRateBond} (QuantLib's defaulted arguments).
 * @public
 */
export interface FixedRateBondOptions {
  /** Rolling rule of payment dates on the schedule's calendar; default `Following`. */
  readonly paymentConvention?: BusinessDayConvention;
  /** Redemption per 100 of face; default 100. */
  readonly redemption?: number;
  /** Issue date; default none. */
  readonly issueDate?: Date;
  /** Currency; default `Currency.USD`. */
  readonly currency?: Currency;
}

/**
 * Terms of a {@link FixedRateBond}.
 * @public
 */
export interface FixedRateBondTerms extends BondTerms {
  /** Accrual schedule. */
  readonly schedule: Schedule;
  /** Coupon rates per period (the last repeats), decimals per year simple over each period; finite, non-empty. */
  readonly coupons: readonly number[];
  /** Day counter of the accruals. */
  readonly accrualDayCounter: DayCounter;
  /** Rolling rule of payment dates. */
  readonly paymentConvention: BusinessDayConvention;
  /** Currency. */
  readonly currency: Currency;
}

/**
 * A fixed-rate bullet bond: coupons faceAmount · c_i · τ_i on the schedule, and the redemption
 * faceAmount · redemption/100 on the last payment date.
 *
 * @remarks
 * The calendar of settlement and payment is the schedule's. A first or last stub accrues over its
 * own dates with the regular period it belongs to as reference period (Act/Act ICMA).
 * Observes: its engine.
 *
 * Source: QuantLib `ql/instruments/bonds/fixedratebond.hpp`.
 * Checked against: `test/instruments/bonds.test.ts` — QuantLib 1.29 clean and dirty prices,
 * accrued amount and yield of a 5 % semiannual Treasury-style bond; price/yield round trip.
 *
 * @example
 * ```ts
 * import { Compounding, Date, DiscountingBondEngine, FixedRateBond, FlatForward, Frequency, Handle, NullCalendar, Period, Schedule, Settings, Thirty360, Thirty360Convention, type YieldTermStructure } from 'quantflow';
 * Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
 * const s = new Schedule({ effectiveDate: Date.fromISO('2025-01-02'), terminationDate: Date.fromISO('2030-01-02'), tenor: Period.parse('6M'), calendar: new NullCalendar() });
 * const bond = new FixedRateBond(0, 100, s, [0.05], new Thirty360(Thirty360Convention.BondBasis));
 * bond.setPricingEngine(new DiscountingBondEngine(new Handle<YieldTermStructure>(new FlatForward(0.04, { referenceDate: Date.fromISO('2025-01-02') }))));
 * bond.cleanPrice().toFixed(6); //=> '104.297866'
 * bond.yield({ dayCounter: new Thirty360(Thirty360Convention.BondBasis), compounding: Compounding.Compounded, frequency: Frequency.Semiannual }).toFixed(8); //=> '0.04042015'
 * ```
 * @public
 */
export class FixedRateBond extends Bond<FixedRateBondTerms> {
  /**
   * @param settlementDays - business days to settlement; integer ≥ 0.
   * @param faceAmount - face amount (currency units); finite, > 0.
   * @param schedule - accrual schedule (its calendar settles and rolls payments).
   * @param coupons - coupon rates, decimals per year; non-empty, finite.
   * @param accrualDayCounter - day counter of the coupons.
   * @param options - payment convention, redemption, issue date, currency.
   * @throws InvalidInputError as {@link Bond}, or for an empty or non-finite coupon list.
   */
  constructor(settlementDays: number, faceAmount: number, schedule: Schedule, coupons: readonly number[], accrualDayCounter: DayCounter, options: FixedRateBondOptions = {}) {
    if (!Array.isArray(coupons) || coupons.length === 0) throw InvalidInputError.outOfRange('coupons.length', coupons?.length, '[1, ∞)');
    const paymentConvention = options.paymentConvention ?? BusinessDayConvention.Following;
    const currency = options.currency ?? Currency.USD;
    const redemption = options.redemption ?? 100;
    const terms = {
      settlementDays, calendar: schedule.calendar, faceAmount, redemption, schedule, coupons: [...coupons], accrualDayCounter, paymentConvention, currency,
      ...(options.issueDate === undefined ? {} : { issueDate: options.issueDate }),
    };
    const leg = fixedLeg(schedule, { nominals: faceAmount, currency, couponRates: coupons, dayCounter: accrualDayCounter, paymentConvention });
    const last = schedule.calendar.adjust(schedule.endDate(), paymentConvention);
    super(terms, [...leg, new SimpleCashFlow(new Money((faceAmount * redemption) / 100, currency), last)]);
  }

  protected rebuild(t: FixedRateBondTerms): this {
    return new FixedRateBond(t.settlementDays, t.faceAmount, t.schedule, t.coupons, t.accrualDayCounter, t) as this;
  }
}
