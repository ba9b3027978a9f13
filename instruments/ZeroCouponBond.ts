import { SimpleCashFlow } from '../src/cashflows/SimpleCashFlow.js';
import { InvalidInputError } from '../src/errors.js';
import { Currency } from '../src/money/Currency.js';
import { Money } from '../src/money/Money.js';
import { BusinessDayConvention } from '../src/time/BusinessDayConvention.js';
import type { Calendar } from '../src/time/Calendar.js';
import { Date } from '../src/time/Date.js';
import { Bond, type BondTerms } from './Bond.js';

/**
 * Terms of a {@link ZeroCouponBond}.
 * @public
 */
export interface ZeroCouponBondTerms extends BondTerms {
  /** Maturity date before rolling. */
  readonly maturityDate: Date;
  /** Rolling rule of the payment date on the calendar. */
  readonly paymentConvention: BusinessDayConvention;
  /** Currency of the redemption. */
  readonly currency: Currency;
}

/**
 * A zero-coupon bond: one payment of faceAmount · redemption/100 on the maturity date (rolled by
 * the payment convention).
 *
 * @remarks
 * On a discount curve P its dirty price at settlement s is redemption · P(T)/P(s); its accrued
 * amount is 0, so clean = dirty.
 * Observes: its engine.
 *
 * Source: QuantLib `ql/instruments/bonds/zerocouponbond.hpp`.
 * Checked against: `test/instruments/bonds.test.ts` (closed form, QuantLib 1.29 price and yield).
 *
 * @example
 * ```ts
 * import { Date, DiscountingBondEngine, FlatForward, Handle, NullCalendar, Settings, ZeroCouponBond, type YieldTermStructure } from 'quantflow';
 * Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
 * const bond = new ZeroCouponBond(0, new NullCalendar(), 100, Date.fromISO('2027-01-02'));
 * bond.setPricingEngine(new DiscountingBondEngine(new Handle<YieldTermStructure>(new FlatForward(0.04, { referenceDate: Date.fromISO('2025-01-02') }))));
 * bond.cleanPrice().toFixed(6); //=> '92.311635'
 * ```
 * @public
 */
export class ZeroCouponBond extends Bond<ZeroCouponBondTerms> {
  /**
   * @param settlementDays - business days to settlement; integer ≥ 0.
   * @param calendar - calendar of settlement and of the payment date.
   * @param faceAmount - face amount (currency units); finite, > 0.
   * @param maturityDate - maturity before rolling.
   * @param paymentConvention - default `Following`.
   * @param redemption - per 100 of face; default 100, finite, > 0.
   * @param issueDate - optional issue date.
   * @param currency - default `Currency.USD`.
   * @throws InvalidInputError as {@link Bond}, or when `maturityDate` is not a Date.
   */
  constructor(
    settlementDays: number, calendar: Calendar, faceAmount: number, maturityDate: Date,
    paymentConvention: BusinessDayConvention = BusinessDayConvention.Following, redemption = 100, issueDate?: Date, currency: Currency = Currency.USD,
  ) {
    if (!(maturityDate instanceof Date)) throw InvalidInputError.outOfRange('maturityDate', maturityDate, 'a quantflow Date');
    const terms = { settlementDays, calendar, faceAmount, redemption, maturityDate, paymentConvention, currency, ...(issueDate === undefined ? {} : { issueDate }) };
    const pay = calendar.adjust(maturityDate, paymentConvention);
    super(terms, [new SimpleCashFlow(new Money((faceAmount * redemption) / 100, currency), pay)]);
  }

  protected rebuild(t: ZeroCouponBondTerms): this {
    return new ZeroCouponBond(t.settlementDays, t.calendar, t.faceAmount, t.maturityDate, t.paymentConvention, t.redemption, t.issueDate, t.currency) as this;
  }
}
