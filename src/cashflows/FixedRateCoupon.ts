import { Decimal } from 'decimal.js';
import { InvalidInputError } from '../errors.js';
import { Money } from '../money/Money.js';
import { Compounding } from '../rates/Compounding.js';
import { InterestRate } from '../rates/InterestRate.js';
import { Date } from '../time/Date.js';
import type { DayCounter } from '../time/DayCounter.js';
import { Coupon, type CouponOptions } from './Coupon.js';

/**
 * Fields of a {@link FixedRateCoupon}.
 * @public
 */
export interface FixedRateCouponOptions extends CouponOptions {
  /** The coupon rate with its day counter and compounding (simple for a plain coupon). */
  readonly rate: InterestRate;
}

/**
 * A coupon paying a fixed {@link InterestRate} on its nominal.
 *
 * @remarks
 * amount = nominal · (C(start, end) − 1), C the rate's compound factor over the accrual period
 * (with the reference period): nominal · r · τ for a simple rate. The accrued amount at d is
 * nominal · (C(start, min(d, end)) − 1) inside (start, payment date], 0 outside. Amounts are
 * decimal.js Money; a simple rate's r · τ is multiplied in decimal, so the only rounding is
 * that of the double year fraction.
 * Source: QuantLib `ql/cashflows/fixedratecoupon.hpp` / `.cpp` (`amount`, `accruedAmount`).
 * Checked against: `test/cashflows/coupons.test.ts` (nominal · r · τ, compounded coupons,
 * accrued between 0 and the coupon as a property).
 *
 * @example
 * ```ts
 * import { Actual360, Compounding, Currency, Date, FixedRateCoupon, InterestRate, Money } from 'quantflow';
 * new FixedRateCoupon({
 *   paymentDate: Date.fromISO('2025-07-02'), nominal: new Money(1_000_000, Currency.USD),
 *   accrualStartDate: Date.fromISO('2025-01-02'), accrualEndDate: Date.fromISO('2025-07-02'),
 *   rate: new InterestRate(0.04, new Actual360(), Compounding.Simple),
 * }).amount().rounded().toString(); //=> 'USD 20,111.11'
 * ```
 * @public
 */
export class FixedRateCoupon extends Coupon {
  readonly interestRate: InterestRate;

  /**
   * @param options - see {@link FixedRateCouponOptions}.
   * @throws InvalidInputError as {@link Coupon}, or when `rate` is not an InterestRate.
   */
  constructor(options: FixedRateCouponOptions) {
    super(options);
    if (!(options.rate instanceof InterestRate)) throw InvalidInputError.outOfRange('rate', options.rate, 'an InterestRate');
    this.interestRate = options.rate;
  }

  rate(): number {
    return this.interestRate.rate;
  }

  dayCounter(): DayCounter {
    return this.interestRate.dayCounter;
  }

  override amount(): Money {
    return this.#interest(this.accrualEndDate);
  }

  override amountValue(): number {
    return this.nominalValue() * this.#factorMinusOne(this.accrualEndDate);
  }

  override accruedAmount(d: Date): Money {
    if (!(d instanceof Date)) throw InvalidInputError.outOfRange('d', d, 'a quantflow Date');
    if (!d.isAfter(this.accrualStartDate) || d.isAfter(this.paymentDate)) return new Money(0, this.currency());
    return this.#interest(Date.min(d, this.accrualEndDate));
  }

  /** nominal · (C(start, end) − 1) in decimal. */
  #interest(end: Date): Money {
    const r = this.interestRate;
    if (r.compounding === Compounding.Simple) {
      const tau = r.dayCounter.yearFraction(this.accrualStartDate, end, this.referencePeriodStart, this.referencePeriodEnd);
      return this.nominal.times(new Decimal(r.rate).times(tau));
    }
    return this.nominal.times(this.#factorMinusOne(end));
  }

  #factorMinusOne(end: Date): number {
    const r = this.interestRate;
    if (r.compounding === Compounding.Simple) {
      return r.rate * r.dayCounter.yearFraction(this.accrualStartDate, end, this.referencePeriodStart, this.referencePeriodEnd);
    }
    return r.compoundFactor(this.accrualStartDate, end, this.referencePeriodStart, this.referencePeriodEnd) - 1;
  }
}
