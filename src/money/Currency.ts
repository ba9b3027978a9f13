import { InvalidInputError } from '../errors.js';
import { Rounding } from './Rounding.js';
import { RoundingType } from './RoundingType.js';

/**
 * Fields of a {@link Currency}.
 *
 * @public
 */
export interface CurrencyDefinition {
  /** ISO 4217 alphabetic code, three upper-case letters, e.g. `"USD"`. */
  readonly code: string;
  /** English name, e.g. `"U.S. dollar"`. */
  readonly name: string;
  /** ISO 4217 numeric code, e.g. 840. */
  readonly numericCode: number;
  /** Symbol, e.g. `"$"`. */
  readonly symbol: string;
  /** Minor units per unit: 100 for cents, 1 when there is no minor unit in use (JPY). */
  readonly fractionsPerUnit: number;
  /** Rounding for amounts in this currency; default `Closest` to the minor unit. */
  readonly rounding?: Rounding;
}

const registry = new Map<string, Currency>();

/**
 * A currency: ISO 4217 code and number, symbol, minor unit and the rounding of its amounts.
 *
 * @remarks
 * USD, EUR, GBP, JPY and CHF are provided as static instances (`Currency.USD`, …) and can be
 * looked up with {@link Currency.fromCode}. Unlike QuantLib (which leaves USD unrounded and gives
 * JPY 100 fractions), the default rounding is `Closest` to the ISO 4217 minor unit: 2 places
 * for USD, EUR, GBP, CHF and 0 for JPY. Two currencies are equal when their codes are equal.
 *
 * Source: ISO 4217 (codes, numeric codes, minor units); QuantLib `ql/currency.hpp`.
 * Checked against: ISO 4217 table entries (`test/money/Currency.test.ts`).
 *
 * @example
 * ```ts
 * import { Currency } from 'quantflow';
 * Currency.fromCode('EUR').numericCode;
 * //=> 978
 * ```
 *
 * @public
 */
export class Currency {
  readonly code: string;
  readonly name: string;
  readonly numericCode: number;
  readonly symbol: string;
  readonly fractionsPerUnit: number;
  readonly rounding: Rounding;

  /**
   * @param definition - the currency's fields; see {@link CurrencyDefinition}.
   * @throws `InvalidInputError` when the code is not three upper-case letters, the numeric code
   * is not an integer in [0, 999] or `fractionsPerUnit` is not a positive power of ten.
   */
  constructor(definition: CurrencyDefinition) {
    const { code, name, numericCode, symbol, fractionsPerUnit } = definition;
    if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) {
      throw InvalidInputError.outOfRange('code', code, 'three upper-case letters (ISO 4217)');
    }
    if (!Number.isInteger(numericCode) || numericCode < 0 || numericCode > 999) {
      throw InvalidInputError.outOfRange('numericCode', numericCode, 'integers in [0, 999]');
    }
    const decimals = Math.log10(fractionsPerUnit);
    if (!Number.isInteger(decimals) || decimals < 0) {
      throw InvalidInputError.outOfRange('fractionsPerUnit', fractionsPerUnit, 'powers of ten: 1, 10, 100, 1000');
    }
    this.code = code;
    this.name = name;
    this.numericCode = numericCode;
    this.symbol = symbol;
    this.fractionsPerUnit = fractionsPerUnit;
    this.rounding = definition.rounding ?? new Rounding(decimals, RoundingType.Closest);
  }

  /** Number of decimal places of the minor unit (2 for USD, 0 for JPY). */
  get decimals(): number {
    return Math.round(Math.log10(this.fractionsPerUnit));
  }

  /** U.S. dollar, ISO 840. */
  static readonly USD: Currency = new Currency({ code: 'USD', name: 'U.S. dollar', numericCode: 840, symbol: '$', fractionsPerUnit: 100 });
  /** Euro, ISO 978. */
  static readonly EUR: Currency = new Currency({ code: 'EUR', name: 'European Euro', numericCode: 978, symbol: '€', fractionsPerUnit: 100 });
  /** Pound sterling, ISO 826. */
  static readonly GBP: Currency = new Currency({ code: 'GBP', name: 'British pound sterling', numericCode: 826, symbol: '£', fractionsPerUnit: 100 });
  /** Japanese yen, ISO 392 (no minor unit in use). */
  static readonly JPY: Currency = new Currency({ code: 'JPY', name: 'Japanese yen', numericCode: 392, symbol: '¥', fractionsPerUnit: 1 });
  /** Swiss franc, ISO 756. */
  static readonly CHF: Currency = new Currency({ code: 'CHF', name: 'Swiss franc', numericCode: 756, symbol: 'CHF', fractionsPerUnit: 100 });

  /**
   * The built-in currency with an ISO 4217 code.
   *
   * @param code - `"USD"`, `"EUR"`, `"GBP"`, `"JPY"` or `"CHF"` (case-insensitive).
   * @throws `InvalidInputError` for any other code.
   */
  static fromCode(code: string): Currency {
    if (registry.size === 0) {
      for (const c of [Currency.USD, Currency.EUR, Currency.GBP, Currency.JPY, Currency.CHF]) registry.set(c.code, c);
    }
    const found = typeof code === 'string' ? registry.get(code.toUpperCase()) : undefined;
    if (found === undefined) {
      throw InvalidInputError.outOfRange('code', code, `one of ${[...registry.keys()].join(', ')}`);
    }
    return found;
  }

  /** Same ISO code. */
  equals(other: Currency): boolean {
    return this.code === other.code;
  }

  /** The ISO code. */
  toString(): string {
    return this.code;
  }
}
