import { Decimal } from 'decimal.js';
import { InvalidInputError } from '../errors.js';
import { RoundingType } from './RoundingType.js';

/**
 * Decimal rounding to a number of decimal places by one of QuantLib's {@link RoundingType} rules.
 *
 * @remarks
 * Rounding works on the decimal value: a `number` is first converted to the shortest decimal
 * string that reads back as the same double (JavaScript's `String(x)`), so `1.005` is treated
 * as 1.005 and rounds to 1.01 at two places. (QuantLib rounds the binary double, for which
 * 1.005 × 100 = 100.49999…, giving 1.00.) `Decimal` input is rounded exactly. A negative
 * precision rounds to tens, hundreds, …
 *
 * Source: QuantLib `ql/math/rounding.hpp` (rules and the rounding digit); OMG "Currency
 * Specification" (formal/00-06-29).
 * Checked against: the twenty cases of QuantLib's `test-suite/rounding.cpp` for all five
 * methods, half-way cases and sign symmetry (`test/money/Rounding.test.ts`).
 *
 * @example
 * ```ts
 * import { Rounding, RoundingType } from 'quantflow';
 * new Rounding(2, RoundingType.Closest).round(1.005);
 * //=> 1.01
 * ```
 *
 * @public
 */
export class Rounding {
  /** Number of decimal places kept. */
  readonly precision: number;
  /** The method. */
  readonly type: RoundingType;
  /** The rounding digit for `Closest`, `Floor` and `Ceiling` (first dropped digit ≥ it rounds away from zero). */
  readonly digit: number;

  /**
   * @param precision - integer number of decimal places, in [-15, 40].
   * @param type - the method; default `Closest`.
   * @param digit - integer rounding digit in [1, 9]; default 5.
   * @throws `InvalidInputError` when an argument is out of range or the type is unknown.
   */
  constructor(precision: number, type: RoundingType = RoundingType.Closest, digit = 5) {
    if (!Number.isInteger(precision) || precision < -15 || precision > 40) {
      throw InvalidInputError.outOfRange('precision', precision, 'integers in [-15, 40]');
    }
    if (!(type in RoundingType) || typeof type !== 'number') {
      throw InvalidInputError.outOfRange('type', type, 'RoundingType.None | Up | Down | Closest | Floor | Ceiling');
    }
    if (!Number.isInteger(digit) || digit < 1 || digit > 9) {
      throw InvalidInputError.outOfRange('digit', digit, 'integers in [1, 9]');
    }
    this.precision = precision;
    this.type = type;
    this.digit = digit;
  }

  /** A rounding that returns its input unchanged (QuantLib's default `Rounding()`). */
  static none(): Rounding {
    return new Rounding(0, RoundingType.None);
  }

  /**
   * Rounds a value.
   *
   * @param value - a finite `number`, or a `Decimal`.
   * @returns the rounded value, of the same kind as the input.
   * @throws `InvalidInputError` when `value` is NaN or infinite.
   */
  round(value: number): number;
  round(value: Decimal): Decimal;
  round(value: number | Decimal): number | Decimal {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw InvalidInputError.outOfRange('value', value, '(-∞, ∞), finite');
      return this.#roundDecimal(new Decimal(value)).toNumber();
    }
    if (!Decimal.isDecimal(value) || !value.isFinite()) {
      throw InvalidInputError.outOfRange('value', String(value), 'finite numbers or Decimals');
    }
    return this.#roundDecimal(value);
  }

  #roundDecimal(value: Decimal): Decimal {
    if (this.type === RoundingType.None || value.isZero()) return value;
    const negative = value.isNegative();
    const scale = new Decimal(10).pow(this.precision);
    const scaled = value.abs().times(scale);
    const truncated = scaled.floor();
    const fraction = scaled.minus(truncated); // in [0, 1)
    const reachesDigit = fraction.gte(this.digit / 10);
    let awayFromZero: boolean;
    switch (this.type) {
      case RoundingType.Up:
        awayFromZero = !fraction.isZero();
        break;
      case RoundingType.Down:
        awayFromZero = false;
        break;
      case RoundingType.Closest:
        awayFromZero = reachesDigit;
        break;
      case RoundingType.Floor:
        awayFromZero = !negative && reachesDigit;
        break;
      case RoundingType.Ceiling:
        awayFromZero = negative && reachesDigit;
        break;
      default:
        awayFromZero = false;
    }
    const magnitude = (awayFromZero ? truncated.plus(1) : truncated).dividedBy(scale);
    return negative ? magnitude.negated() : magnitude;
  }

  /** E.g. `"Closest(2)"`. */
  toString(): string {
    return `${RoundingType[this.type]}(${this.precision})`;
  }
}
