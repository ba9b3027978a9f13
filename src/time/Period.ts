import { InvalidInputError } from '../errors.js';
import { Frequency } from './Frequency.js';
import { TimeUnit } from './TimeUnit.js';

const UNIT_LETTER: Record<TimeUnit, string> = {
  [TimeUnit.Days]: 'D',
  [TimeUnit.Weeks]: 'W',
  [TimeUnit.Months]: 'M',
  [TimeUnit.Years]: 'Y',
};

const LETTER_UNIT: Readonly<Record<string, TimeUnit>> = {
  D: TimeUnit.Days,
  W: TimeUnit.Weeks,
  M: TimeUnit.Months,
  Y: TimeUnit.Years,
};

const PERIOD_PATTERN = /^([+-]?\d+)([DWMY])/i;

function checkUnit(unit: TimeUnit): void {
  if (!(unit === TimeUnit.Days || unit === TimeUnit.Weeks || unit === TimeUnit.Months || unit === TimeUnit.Years)) {
    throw InvalidInputError.outOfRange('units', unit, 'TimeUnit.Days | Weeks | Months | Years');
  }
}

/**
 * A length of time in one unit: `3M`, `10Y`, `2W`, `1D`; immutable.
 *
 * @remarks
 * As in QuantLib, years and months are interchangeable (1Y = 12M) and so are weeks and days
 * (1W = 7D), but months and days are not: `1M + 1D` is refused, and so is comparing them.
 * `normalized()` rewrites 12M as 1Y and 14D as 2W; `toString()` writes the short form (`"3M"`).
 * `Period.parse` accepts the short form and sums of it (`"1Y6M"` = 18M).
 *
 * Source: QuantLib `ql/time/period.hpp` and `ql/time/period.cpp` (frequency mapping,
 * normalisation and comparison rules).
 * Checked against: `test/time/Period.test.ts` (frequency round trips, parsing, arithmetic).
 *
 * @example
 * ```ts
 * import { Period } from 'quantflow';
 * Period.parse('18M').normalized().toString();
 * //=> '18M'
 * Period.parse('24M').normalized().toString();
 * //=> '2Y'
 * ```
 *
 * @public
 */
export class Period {
  /** Signed integer number of units. */
  readonly length: number;
  /** The unit. */
  readonly units: TimeUnit;

  /**
   * @param length - integer number of units (may be negative or zero).
   * @param units - {@link TimeUnit}.
   * @throws `InvalidInputError` when `length` is not an integer or `units` is unknown.
   */
  constructor(length: number, units: TimeUnit) {
    if (!Number.isInteger(length)) throw InvalidInputError.outOfRange('length', length, 'integers');
    checkUnit(units);
    this.length = length;
    this.units = units;
  }

  /**
   * The period between two events of a {@link Frequency}: Quarterly → 3M, Weekly → 1W,
   * Annual → 1Y, Daily → 1D, Once → 0Y, NoFrequency → 0D.
   *
   * @param frequency - the frequency.
   * @throws `InvalidInputError` for `OtherFrequency` or an unknown value.
   */
  static fromFrequency(frequency: Frequency): Period {
    switch (frequency) {
      case Frequency.NoFrequency:
        return new Period(0, TimeUnit.Days);
      case Frequency.Once:
        return new Period(0, TimeUnit.Years);
      case Frequency.Annual:
        return new Period(1, TimeUnit.Years);
      case Frequency.Semiannual:
      case Frequency.EveryFourthMonth:
      case Frequency.Quarterly:
      case Frequency.Bimonthly:
      case Frequency.Monthly:
        return new Period(12 / frequency, TimeUnit.Months);
      case Frequency.EveryFourthWeek:
      case Frequency.Biweekly:
      case Frequency.Weekly:
        return new Period(52 / frequency, TimeUnit.Weeks);
      case Frequency.Daily:
        return new Period(1, TimeUnit.Days);
      default:
        throw InvalidInputError.outOfRange('frequency', frequency, 'a Frequency other than OtherFrequency');
    }
  }

  /**
   * Parses `"3M"`, `"10Y"`, `"2w"`, `"-1D"` and sums such as `"1Y6M"` (case-insensitive).
   *
   * @param text - the period string.
   * @returns the period; a sum is expressed in its finest unit (`"1Y6M"` → 18M, `"1W3D"` → 10D).
   * @throws `InvalidInputError` when the text is malformed or mixes months/years with weeks/days.
   */
  static parse(text: string): Period {
    if (typeof text !== 'string' || text.trim() === '') {
      throw InvalidInputError.outOfRange('text', text, "strings like '3M', '10Y', '1Y6M'");
    }
    let rest = text.trim();
    let result: Period | undefined;
    while (rest.length > 0) {
      const match = PERIOD_PATTERN.exec(rest);
      if (match === null) throw InvalidInputError.outOfRange('text', text, "strings like '3M', '10Y', '1Y6M'");
      const piece = new Period(Number(match[1]), LETTER_UNIT[match[2].toUpperCase()]);
      result = result === undefined ? piece : result.plus(piece);
      rest = rest.slice(match[0].length);
    }
    return result as Period;
  }

  /**
   * The {@link Frequency} with this period between events: 3M → Quarterly, 1Y → Annual,
   * 0Y → Once, 5M → OtherFrequency. Uses the absolute value of the length.
   *
   * @throws `InvalidInputError` for a zero period in days, weeks or months (QuantLib refuses it too).
   */
  frequency(): Frequency {
    const length = Math.abs(this.length);
    if (length === 0) {
      if (this.units === TimeUnit.Years) return Frequency.Once;
      if (this.units === TimeUnit.Days) return Frequency.NoFrequency;
      throw InvalidInputError.outOfRange('period', this.toString(), 'a non-zero period, 0Y or 0D');
    }
    switch (this.units) {
      case TimeUnit.Years:
        return length === 1 ? Frequency.Annual : Frequency.OtherFrequency;
      case TimeUnit.Months:
        return 12 % length === 0 && length <= 12 ? ((12 / length) as Frequency) : Frequency.OtherFrequency;
      case TimeUnit.Weeks:
        if (length === 1) return Frequency.Weekly;
        if (length === 2) return Frequency.Biweekly;
        if (length === 4) return Frequency.EveryFourthWeek;
        return Frequency.OtherFrequency;
      case TimeUnit.Days:
        return length === 1 ? Frequency.Daily : Frequency.OtherFrequency;
    }
  }

  /** The same length of time in the coarsest exact unit: 12M → 1Y, 14D → 2W, 0M → 0D. */
  normalized(): Period {
    if (this.length === 0) return new Period(0, TimeUnit.Days);
    switch (this.units) {
      case TimeUnit.Months:
        return this.length % 12 === 0 ? new Period(this.length / 12, TimeUnit.Years) : this;
      case TimeUnit.Days:
        return this.length % 7 === 0 ? new Period(this.length / 7, TimeUnit.Weeks) : this;
      default:
        return this;
    }
  }

  /** The opposite period (`-3M`). */
  negate(): Period {
    return new Period(-this.length, this.units);
  }

  /**
   * This period times an integer.
   *
   * @param n - integer factor.
   * @throws `InvalidInputError` when `n` is not an integer.
   */
  times(n: number): Period {
    if (!Number.isInteger(n)) throw InvalidInputError.outOfRange('n', n, 'integers');
    return new Period(this.length * n, this.units);
  }

  /**
   * Sum of two periods. Years and months combine (in months), weeks and days combine (in days).
   *
   * @throws `InvalidInputError` when one is in months/years and the other in weeks/days
   * (neither being zero).
   */
  plus(other: Period): Period {
    if (this.length === 0) return other;
    if (other.length === 0) return this;
    if (this.units === other.units) return new Period(this.length + other.length, this.units);
    const a = this.#inFinestUnit();
    const b = other.#inFinestUnit();
    if (a.units !== b.units) {
      throw InvalidInputError.outOfRange('other', other.toString(), `periods commensurable with ${this.toString()}`);
    }
    return new Period(a.length + b.length, a.units);
  }

  /** Difference of two periods; same rules as {@link Period.plus}. */
  minus(other: Period): Period {
    return this.plus(other.negate());
  }

  /**
   * Negative, zero or positive as this period is shorter, equal or longer.
   *
   * @throws `InvalidInputError` when months/years are compared with weeks/days (both non-zero).
   */
  compare(other: Period): number {
    if (this.length === 0 || other.length === 0) {
      return Math.sign(this.length) - Math.sign(other.length) || Math.sign(this.length - other.length);
    }
    const a = this.#inFinestUnit();
    const b = other.#inFinestUnit();
    if (a.units !== b.units) {
      throw InvalidInputError.outOfRange('other', other.toString(), `periods comparable with ${this.toString()}`);
    }
    return a.length - b.length;
  }

  /** Whether both periods are the same length of time (12M equals 1Y; 1M never equals 30D). */
  equals(other: Period): boolean {
    if (this.length === 0 && other.length === 0) return true;
    const a = this.#inFinestUnit();
    const b = other.#inFinestUnit();
    return a.units === b.units && a.length === b.length;
  }

  /** Short form: `"3M"`, `"10Y"`, `"-1D"`. */
  toString(): string {
    return `${this.length}${UNIT_LETTER[this.units]}`;
  }

  #inFinestUnit(): { length: number; units: TimeUnit } {
    switch (this.units) {
      case TimeUnit.Years:
        return { length: 12 * this.length, units: TimeUnit.Months };
      case TimeUnit.Weeks:
        return { length: 7 * this.length, units: TimeUnit.Days };
      default:
        return { length: this.length, units: this.units };
    }
  }
}
