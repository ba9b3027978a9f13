import { Decimal } from 'decimal.js';
import { InvalidInputError } from '../errors.js';
import type { Currency } from './Currency.js';

/**
 * What a {@link Money} amount or factor can be built from.
 *
 * @public
 */
export type DecimalInput = number | string | Decimal;

function toDecimal(argument: string, value: DecimalInput): Decimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw InvalidInputError.outOfRange(argument, value, '(-∞, ∞), finite');
    return new Decimal(value);
  }
  if (Decimal.isDecimal(value)) {
    if (!value.isFinite()) throw InvalidInputError.outOfRange(argument, String(value), 'finite Decimals');
    return value;
  }
  if (typeof value === 'string') {
    let parsed: Decimal;
    try {
      parsed = new Decimal(value.trim());
    } catch {
      throw InvalidInputError.outOfRange(argument, value, 'decimal strings such as "1234.56"');
    }
    if (!parsed.isFinite()) throw InvalidInputError.outOfRange(argument, value, 'finite decimal strings');
    return parsed;
  }
  throw InvalidInputError.outOfRange(argument, String(value), 'number | string | Decimal');
}

function groupThousands(integerDigits: string): string {
  return integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An amount of money in one currency, held exactly as a `decimal.js` `Decimal`; immutable.
 *
 * @remarks
 * Sums and differences are exact. Products and quotients are rounded to `decimal.js`'s
 * significant-digit precision (20 by default, `Decimal.precision`), not to the currency: call
 * {@link Money.rounded} for that. Mixing currencies is refused (no conversion is done).
 * `toString()` writes the ISO code, a space and the amount with thousands separators and at
 * least the currency's number of decimals: `"USD 1,234.50"`, `"JPY -1,235"`.
 *
 * Source: QuantLib `ql/money.hpp` (amount + currency, rounding by the currency); decimal.js
 * for exact decimal arithmetic.
 * Checked against: exact decimal sums (0.1 + 0.2 = 0.3), currency rounding and formatting cases
 * (`test/money/Money.test.ts`).
 *
 * @example
 * ```ts
 * import { Money, Currency } from 'quantflow';
 * new Money('1234.565', Currency.USD).rounded().toString();
 * //=> 'USD 1,234.57'
 * ```
 *
 * @public
 */
export class Money {
  /** The amount, in units of the currency. */
  readonly amount: Decimal;
  /** The currency. */
  readonly currency: Currency;

  /**
   * @param amount - finite number, decimal string or `Decimal`.
   * @param currency - the currency.
   * @throws `InvalidInputError` when `amount` is not a finite decimal.
   */
  constructor(amount: DecimalInput, currency: Currency) {
    this.amount = toDecimal('amount', amount);
    this.currency = currency;
  }

  /** Sum; throws `InvalidInputError` when the currencies differ. */
  plus(other: Money): Money {
    this.#checkSameCurrency(other);
    return new Money(this.amount.plus(other.amount), this.currency);
  }

  /** Difference; throws `InvalidInputError` when the currencies differ. */
  minus(other: Money): Money {
    this.#checkSameCurrency(other);
    return new Money(this.amount.minus(other.amount), this.currency);
  }

  /**
   * This amount times a scalar.
   *
   * @param factor - finite number, decimal string or `Decimal`.
   * @throws `InvalidInputError` when `factor` is not a finite decimal.
   */
  times(factor: DecimalInput): Money {
    return new Money(this.amount.times(toDecimal('factor', factor)), this.currency);
  }

  /**
   * This amount divided by a non-zero scalar.
   *
   * @param divisor - finite, non-zero number, decimal string or `Decimal`.
   * @throws `InvalidInputError` when `divisor` is zero or not a finite decimal.
   */
  dividedBy(divisor: DecimalInput): Money {
    const d = toDecimal('divisor', divisor);
    if (d.isZero()) throw InvalidInputError.outOfRange('divisor', String(divisor), 'non-zero decimals');
    return new Money(this.amount.dividedBy(d), this.currency);
  }

  /** The opposite amount. */
  negated(): Money {
    return new Money(this.amount.negated(), this.currency);
  }

  /** The absolute amount. */
  abs(): Money {
    return new Money(this.amount.abs(), this.currency);
  }

  /** Whether the amount is zero. */
  isZero(): boolean {
    return this.amount.isZero();
  }

  /** The amount rounded by the currency's rounding (e.g. Closest to the cent for USD). */
  rounded(): Money {
    return new Money(this.currency.rounding.round(this.amount), this.currency);
  }

  /**
   * Negative, zero or positive as this amount is less than, equal to or more than `other`.
   *
   * @throws `InvalidInputError` when the currencies differ.
   */
  compare(other: Money): number {
    this.#checkSameCurrency(other);
    return this.amount.comparedTo(other.amount);
  }

  /** Same currency and numerically equal amount (1.50 equals 1.5). */
  equals(other: Money): boolean {
    return this.currency.equals(other.currency) && this.amount.equals(other.amount);
  }

  /** The amount as a JavaScript number (may lose digits). */
  toNumber(): number {
    return this.amount.toNumber();
  }

  /** `"USD 1,234.56"`: code, space, grouped amount with at least the currency's decimals. */
  toString(): string {
    const decimals = Math.max(this.currency.decimals, this.amount.decimalPlaces());
    const fixed = this.amount.abs().toFixed(decimals);
    const [integerPart, fractionPart] = fixed.split('.');
    const sign = this.amount.isNegative() && !this.amount.isZero() ? '-' : '';
    return `${this.currency.code} ${sign}${groupThousands(integerPart)}${fractionPart === undefined ? '' : `.${fractionPart}`}`;
  }

  #checkSameCurrency(other: Money): void {
    if (!this.currency.equals(other.currency)) {
      throw InvalidInputError.outOfRange('other.currency', other.currency.code, `${this.currency.code} (no conversion is done)`);
    }
  }
}
