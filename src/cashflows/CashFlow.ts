import { InvalidInputError } from '../errors.js';
import type { Currency } from '../money/Currency.js';
import type { Money } from '../money/Money.js';
import { LazyObject } from '../patterns/LazyObject.js';
import { Settings } from '../settings.js';
import { Date } from '../time/Date.js';

/**
 * A payment on a date: a coupon, a redemption, a fee.
 *
 * @remarks
 * `amount()` is the payment as {@link Money} (decimal.js, unrounded: call `rounded()` to round
 * to the currency); `amountValue()` is the same amount as a number, which the analytics in
 * {@link CashFlows} use. A cash flow is a {@link LazyObject}: floating coupons cache their rate
 * and recompute it after a change of their index (a fixing, the curve, the evaluation date).
 * `hasOccurred(ref, include)` is true when the payment date is before `ref`, or on it and
 * `include` is false — QuantLib's convention, in which `include` (as in
 * `includeSettlementDateFlows`) keeps a flow paid on the reference date alive.
 * Source: QuantLib `ql/cashflow.hpp`, `ql/event.hpp` (`hasOccurred`).
 * Checked against: `test/cashflows/coupons.test.ts`.
 * @public
 */
export abstract class CashFlow extends LazyObject {
  /** The payment date. */
  abstract date(): Date;

  /** The currency of the payment. */
  abstract currency(): Currency;

  /**
   * The amount paid, exact in decimal, unrounded.
   * @throws whatever a floating coupon's fixing throws (e.g. `MissingFixingError`).
   */
  abstract amount(): Money;

  /** The amount as a number, in units of the currency (for the numerics). */
  amountValue(): number {
    return this.amount().toNumber();
  }

  /**
   * Whether the payment has occurred by `refDate`.
   * @param refDate - the reference date; default the evaluation date.
   * @param includeRefDate - whether a payment on `refDate` is still to come; default
   * `Settings.instance.includeReferenceDateEvents` (false).
   * @returns `date() < refDate` when `includeRefDate`, else `date() ≤ refDate`.
   * @throws InvalidInputError when `refDate` is not a Date.
   */
  hasOccurred(refDate?: Date, includeRefDate?: boolean): boolean {
    const ref = refDate ?? Settings.instance.evaluationDate.value();
    if (!(ref instanceof Date)) throw InvalidInputError.outOfRange('refDate', ref, 'a quantflow Date');
    const include = includeRefDate ?? Settings.instance.includeReferenceDateEvents;
    return include ? this.date().isBefore(ref) : this.date().isOnOrBefore(ref);
  }

  /** Nothing to compute for fixed flows; floating coupons override. */
  protected performCalculations(): void {}
}
