import { InvalidInputError } from '../errors.js';
import type { Currency } from '../money/Currency.js';
import { Money } from '../money/Money.js';
import { Date } from '../time/Date.js';
import { CashFlow } from './CashFlow.js';

/**
 * A known amount paid on a date (a redemption, a fee, a bullet).
 *
 * @remarks
 * Source: QuantLib `ql/cashflows/simplecashflow.hpp`.
 * Checked against: `test/cashflows/CashFlows.test.ts` (zero-coupon closed forms).
 *
 * @example
 * ```ts
 * import { Currency, Date, Money, SimpleCashFlow } from 'quantflow';
 * new SimpleCashFlow(new Money('100', Currency.USD), Date.fromISO('2030-01-02')).amount().toString(); //=> 'USD 100.00'
 * ```
 * @public
 */
export class SimpleCashFlow extends CashFlow {
  readonly #amount: Money;
  readonly #date: Date;

  /**
   * @param amount - the payment, any sign.
   * @param date - the payment date.
   * @throws InvalidInputError when `amount` is not Money or `date` not a Date.
   */
  constructor(amount: Money, date: Date) {
    super();
    if (!(amount instanceof Money)) throw InvalidInputError.outOfRange('amount', amount, 'a Money');
    if (!(date instanceof Date)) throw InvalidInputError.outOfRange('date', date, 'a quantflow Date');
    this.#amount = amount;
    this.#date = date;
  }

  date(): Date {
    return this.#date;
  }

  currency(): Currency {
    return this.#amount.currency;
  }

  amount(): Money {
    return this.#amount;
  }
}
