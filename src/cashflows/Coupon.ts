import { InvalidInputError } from '../errors.js';
import type { Currency } from '../money/Currency.js';
import { Money } from '../money/Money.js';
import { Date } from '../time/Date.js';
import type { DayCounter } from '../time/DayCounter.js';
import { CashFlow } from './CashFlow.js';

/**
 * Dates and nominal of a {@link Coupon}.
 * @public
 */
export interface CouponOptions {
  /** The payment date (on or after the accrual start). */
  readonly paymentDate: Date;
  /** The nominal (face amount) the rate accrues on; its currency is the coupon's. */
  readonly nominal: Money;
  /** Start of the accrual period. */
  readonly accrualStartDate: Date;
  /** End of the accrual period, after its start. */
  readonly accrualEndDate: Date;
  /** Start of the reference period (for day counters that use one); default the accrual start. */
  readonly refPeriodStart?: Date;
  /** End of the reference period; default the accrual end. */
  readonly refPeriodEnd?: Date;
}

/**
 * A payment of interest accrued on a nominal over a period at a rate.
 *
 * @remarks
 * amount = nominal · rate · τ(start, end) unless the subclass says otherwise, with τ by the
 * coupon's day counter (and reference period). The accrued period at d is 0 for d ≤ start or
 * d > payment date, else τ(start, min(d, end)); the accrued amount is the interest over that
 * period. Ex-coupon dates are not modelled.
 * Source: QuantLib `ql/cashflows/coupon.hpp` / `.cpp` (`accrualPeriod`, `accruedPeriod`).
 * Checked against: `test/cashflows/coupons.test.ts`.
 * @public
 */
export abstract class Coupon extends CashFlow {
  readonly paymentDate: Date;
  readonly nominal: Money;
  readonly accrualStartDate: Date;
  readonly accrualEndDate: Date;
  readonly referencePeriodStart: Date;
  readonly referencePeriodEnd: Date;

  /**
   * @param options - see {@link CouponOptions}.
   * @throws InvalidInputError when a date is not a Date, the accrual end is not after its
   * start, the payment date is before the accrual start, or the nominal is not Money.
   */
  protected constructor(options: CouponOptions) {
    super();
    const { paymentDate, nominal, accrualStartDate, accrualEndDate } = options;
    for (const [argument, d] of [['paymentDate', paymentDate], ['accrualStartDate', accrualStartDate], ['accrualEndDate', accrualEndDate]] as const) {
      if (!(d instanceof Date)) throw InvalidInputError.outOfRange(argument, d, 'a quantflow Date');
    }
    if (!(nominal instanceof Money)) throw InvalidInputError.outOfRange('nominal', nominal, 'a Money');
    if (!accrualEndDate.isAfter(accrualStartDate)) {
      throw InvalidInputError.outOfRange('accrualEndDate', accrualEndDate.toISOString(), `dates after accrualStartDate = ${accrualStartDate.toISOString()}`);
    }
    if (paymentDate.isBefore(accrualStartDate)) {
      throw InvalidInputError.outOfRange('paymentDate', paymentDate.toISOString(), `dates on or after accrualStartDate = ${accrualStartDate.toISOString()}`);
    }
    this.paymentDate = paymentDate;
    this.nominal = nominal;
    this.accrualStartDate = accrualStartDate;
    this.accrualEndDate = accrualEndDate;
    this.referencePeriodStart = options.refPeriodStart ?? accrualStartDate;
    this.referencePeriodEnd = options.refPeriodEnd ?? accrualEndDate;
    this.#nominalValue = nominal.toNumber();
  }

  readonly #nominalValue: number;
  #accrualPeriod: number | undefined;

  /** The nominal as a number, in units of the currency (for the numerics; read once from the Money). */
  nominalValue(): number {
    return this.#nominalValue;
  }

  /** The coupon's rate, a decimal per year (0.05 = 5 %). */
  abstract rate(): number;

  /** The day counter of the accrual. */
  abstract dayCounter(): DayCounter;

  date(): Date {
    return this.paymentDate;
  }

  currency(): Currency {
    return this.nominal.currency;
  }

  /** τ(start, end): the accrual period in years by the coupon's day counter. */
  accrualPeriod(): number {
    // Cached: it depends only on the coupon's dates and its (immutable) day counter.
    this.#accrualPeriod ??= this.dayCounter().yearFraction(this.accrualStartDate, this.accrualEndDate, this.referencePeriodStart, this.referencePeriodEnd);
    return this.#accrualPeriod;
  }

  /** Days in the accrual period by the coupon's day counter. */
  accrualDays(): number {
    return this.dayCounter().dayCount(this.accrualStartDate, this.accrualEndDate);
  }

  /**
   * The accrued part of the period at `d`, in years: 0 for d ≤ start or d > payment date,
   * τ(start, min(d, end)) otherwise.
   */
  accruedPeriod(d: Date): number {
    if (!this.#accrues(d)) return 0;
    return this.dayCounter().yearFraction(this.accrualStartDate, Date.min(d, this.accrualEndDate), this.referencePeriodStart, this.referencePeriodEnd);
  }

  /** Accrued days at `d` (0 outside (start, payment date]). */
  accruedDays(d: Date): number {
    if (!this.#accrues(d)) return 0;
    return this.dayCounter().dayCount(this.accrualStartDate, Date.min(d, this.accrualEndDate));
  }

  /** nominal · rate · τ(start, end). */
  amount(): Money {
    return this.nominal.times(this.rate()).times(this.accrualPeriod());
  }

  override amountValue(): number {
    return this.#nominalValue * this.rate() * this.accrualPeriod();
  }

  /**
   * Interest accrued at `d`: nominal · rate · accruedPeriod(d) (0 outside (start, payment date]).
   * @throws whatever the rate throws (a missing fixing).
   */
  accruedAmount(d: Date): Money {
    const period = this.accruedPeriod(d);
    return period === 0 ? new Money(0, this.currency()) : this.nominal.times(this.rate()).times(period);
  }

  #accrues(d: Date): boolean {
    if (!(d instanceof Date)) throw InvalidInputError.outOfRange('d', d, 'a quantflow Date');
    return d.isAfter(this.accrualStartDate) && d.isOnOrBefore(this.paymentDate);
  }
}
