import { iborLeg } from '../src/cashflows/iborLeg.js';
import { SimpleCashFlow } from '../src/cashflows/SimpleCashFlow.js';
import { Money } from '../src/money/Money.js';
import type { IborIndex } from '../src/indexes/IborIndex.js';
import { BusinessDayConvention } from '../src/time/BusinessDayConvention.js';
import type { Date } from '../src/time/Date.js';
import type { DayCounter } from '../src/time/DayCounter.js';
import type { Schedule } from '../src/time/Schedule.js';
import { Bond, type BondTerms } from './Bond.js';

/**
 * Options of a {@link FloatingRateBond} (QuantLib's defaulted arguments).
 * @public
 */
export interface FloatingRateBondOptions {
  /** Rolling rule of payment dates on the schedule's calendar; default `Following`. */
  readonly paymentConvention?: BusinessDayConvention;
  /** Fixing days; default the index's. */
  readonly fixingDays?: number;
  /** Gearings per period (the last repeats); default 1. */
  readonly gearings?: readonly number[];
  /** Spreads per period, decimals per year (the last repeats); default 0. */
  readonly spreads?: readonly number[];
  /** Fix in arrears; default false. */
  readonly inArrears?: boolean;
  /** Redemption per 100 of face; default 100. */
  readonly redemption?: number;
  /** Issue date; default none. */
  readonly issueDate?: Date;
}

/**
 * Terms of a {@link FloatingRateBond}.
 * @public
 */
export interface FloatingRateBondTerms extends BondTerms, Omit<FloatingRateBondOptions, 'redemption' | 'issueDate'> {
  /** Accrual schedule. */
  readonly schedule: Schedule;
  /** The coupons' index. */
  readonly iborIndex: IborIndex;
  /** Day counter of the accruals. */
  readonly accrualDayCounter: DayCounter;
}

/**
 * A floating-rate note: coupons faceAmount · (g_i L_i + s_i) · τ_i on an {@link IborIndex}, and
 * the redemption on the last payment date.
 *
 * @remarks
 * L_i is the index fixing of each period (past: from the fixings store; future: forecast on
 * the index's forwarding curve over the coupon's period, QuantLib's par coupons). With no
 * spread, unit gearing and the forwarding curve also discounting, the note is worth
 * redemption · P(start)/P(settlement) at settlement up to the payment-date roll (telescoping).
 * Currency is the index's. The calendar of settlement and payment is the schedule's.
 * Observes: its engine and its coupons (hence the index's fixings and forwarding curve).
 *
 * Source: QuantLib `ql/instruments/bonds/floatingratebond.hpp`.
 * Checked against: `test/instruments/bonds.test.ts` (QuantLib 1.29 prices; par at reset on its
 * own curve).
 * @public
 */
export class FloatingRateBond extends Bond<FloatingRateBondTerms> {
  /**
   * @param settlementDays - business days to settlement; integer ≥ 0.
   * @param faceAmount - face amount (currency units of the index); finite, > 0.
   * @param schedule - accrual schedule (its calendar settles and rolls payments).
   * @param iborIndex - the coupons' index.
   * @param accrualDayCounter - day counter of the coupons.
   * @param options - payment convention, fixing days, gearings, spreads, in arrears, redemption, issue date.
   * @throws InvalidInputError as {@link Bond} and {@link iborLeg}.
   */
  constructor(settlementDays: number, faceAmount: number, schedule: Schedule, iborIndex: IborIndex, accrualDayCounter: DayCounter, options: FloatingRateBondOptions = {}) {
    const paymentConvention = options.paymentConvention ?? BusinessDayConvention.Following;
    const redemption = options.redemption ?? 100;
    const { redemption: _r, issueDate, ...rest } = options;
    const terms = { ...rest, settlementDays, calendar: schedule.calendar, faceAmount, redemption, schedule, iborIndex, accrualDayCounter, paymentConvention, ...(issueDate === undefined ? {} : { issueDate }) };
    const leg = iborLeg(schedule, iborIndex, {
      nominals: faceAmount, dayCounter: accrualDayCounter, paymentConvention, fixingDays: options.fixingDays,
      gearings: options.gearings, spreads: options.spreads, inArrears: options.inArrears,
    });
    const last = schedule.calendar.adjust(schedule.endDate(), paymentConvention);
    super(terms, [...leg, new SimpleCashFlow(new Money((faceAmount * redemption) / 100, iborIndex.currency), last)]);
  }

  protected rebuild(t: FloatingRateBondTerms): this {
    const { settlementDays, faceAmount, schedule, iborIndex, accrualDayCounter } = t;
    return new FloatingRateBond(settlementDays, faceAmount, schedule, iborIndex, accrualDayCounter, t) as this;
  }
}
