import { InvalidInputError } from '../errors.js';
import { Date } from '../time/Date.js';
import { DayCounter } from '../time/DayCounter.js';
import { Frequency } from '../time/Frequency.js';
import { Compounding } from './Compounding.js';

const COMPOUNDED_FREQUENCIES: readonly Frequency[] = [
  Frequency.Annual, Frequency.Semiannual, Frequency.EveryFourthMonth, Frequency.Quarterly, Frequency.Bimonthly,
  Frequency.Monthly, Frequency.EveryFourthWeek, Frequency.Biweekly, Frequency.Weekly, Frequency.Daily,
];

/** True for the conventions that use the frequency. */
function usesFrequency(compounding: Compounding): boolean {
  return compounding !== Compounding.Simple && compounding !== Compounding.Continuous;
}

function checkCompounding(compounding: Compounding): void {
  if (!(compounding in Compounding) || typeof compounding !== 'number') {
    throw InvalidInputError.outOfRange('compounding', compounding, 'a Compounding (Simple, Compounded, Continuous, SimpleThenCompounded, CompoundedThenSimple)');
  }
}

function checkFrequency(compounding: Compounding, frequency: Frequency): void {
  if (typeof frequency !== 'number' || !(frequency in Frequency)) {
    throw InvalidInputError.outOfRange('frequency', frequency, 'a Frequency');
  }
  if (usesFrequency(compounding) && !COMPOUNDED_FREQUENCIES.includes(frequency)) {
    throw InvalidInputError.outOfRange('frequency', frequency, `{1, 2, 3, 4, 6, 12, 13, 26, 52, 365} (events per year; ${Compounding[compounding]} compounding needs one)`);
  }
}

function checkTime(argument: string, t: number, strict: boolean): void {
  if (typeof t !== 'number' || !Number.isFinite(t) || !(strict ? t > 0 : t >= 0)) {
    throw InvalidInputError.outOfRange(argument, t, strict ? '(0, ∞)' : '[0, ∞)');
  }
}

function yearFractionBetween(dayCounter: DayCounter, d1: Date, d2: Date, refStart?: Date, refEnd?: Date): number {
  if (!(d1 instanceof Date)) throw InvalidInputError.outOfRange('d1', d1, 'a quantflow Date');
  if (!(d2 instanceof Date)) throw InvalidInputError.outOfRange('d2', d2, 'a quantflow Date');
  if (d2.isBefore(d1)) throw InvalidInputError.outOfRange('d2', d2.toISOString(), `[d1 = ${d1.toISOString()}, ∞)`);
  return dayCounter.yearFraction(d1, d2, refStart, refEnd);
}

/**
 * An interest rate with its conventions: the rate, a day counter, a compounding rule and a
 * frequency, so that it turns year fractions into compound and discount factors.
 *
 * @remarks
 * With rate r, frequency f (events per year) and year fraction t (by the day counter), the
 * compound factor is C(t) = 1 + r t (simple), (1 + r/f)^{f t} (compounded), e^{r t}
 * (continuous), simple up to t = 1/f then compounded (`SimpleThenCompounded`), or compounded up
 * to 1/f then simple (`CompoundedThenSimple`); the discount factor is 1 / C(t). An equivalent
 * rate is the rate, under other conventions, that gives the same compound factor over the same
 * period. The frequency is kept but unused for simple and continuous compounding.
 * Source: QuantLib `ql/interestrate.hpp` / `.cpp` (`compoundFactor`, `impliedRate`,
 * `equivalentRate`).
 * Checked against: `test/rates/InterestRate.test.ts` (closed forms, textbook equivalences such
 * as 10 % semiannual = 10.25 % annual, round trips through every convention as a property).
 *
 * @example
 * ```ts
 * import { Actual365Fixed, Compounding, Frequency, InterestRate } from 'quantflow';
 * const r = new InterestRate(0.1, new Actual365Fixed(), Compounding.Compounded, Frequency.Semiannual);
 * r.equivalentRate(Compounding.Compounded, Frequency.Annual, 1).rate; //=> 0.10250000000000004
 * ```
 * @public
 */
export class InterestRate {
  /** The rate, a decimal per year (0.05 = 5 %). */
  readonly rate: number;
  /** The day counter turning dates into the year fractions t the rate accrues over. */
  readonly dayCounter: DayCounter;
  /** The compounding rule. */
  readonly compounding: Compounding;
  /** Compounding events per year (used by `Compounded`, `SimpleThenCompounded`, `CompoundedThenSimple`). */
  readonly frequency: Frequency;

  /**
   * @param rate - decimal per year, finite; with a compounded rule, > −f (so 1 + r/f > 0).
   * @param dayCounter - the day counter of the rate.
   * @param compounding - the compounding rule.
   * @param frequency - events per year; required to be a regular frequency (Annual … Daily) for
   * the compounded rules, ignored otherwise; default `Annual`.
   * @throws InvalidInputError when the rate is not finite (or ≤ −f when compounded), the day
   * counter is not a DayCounter, or the compounding or frequency is not one of the allowed values.
   */
  constructor(rate: number, dayCounter: DayCounter, compounding: Compounding, frequency: Frequency = Frequency.Annual) {
    if (typeof rate !== 'number' || !Number.isFinite(rate)) throw InvalidInputError.outOfRange('rate', rate, '(-∞, ∞), finite');
    if (!(dayCounter instanceof DayCounter)) throw InvalidInputError.outOfRange('dayCounter', dayCounter, 'a DayCounter');
    checkCompounding(compounding);
    checkFrequency(compounding, frequency);
    if (usesFrequency(compounding) && !(1 + rate / frequency > 0)) {
      throw InvalidInputError.outOfRange('rate', rate, `(${-frequency}, ∞) (1 + r/f must be positive)`);
    }
    this.rate = rate;
    this.dayCounter = dayCounter;
    this.compounding = compounding;
    this.frequency = frequency;
  }

  /**
   * Compound factor C(t) over a year fraction t, or between two dates by the day counter.
   * @param t - year fraction ≥ 0 (or `d1`, a Date, followed by `d2` ≥ `d1` and optional
   * reference-period dates for the day counter).
   * @returns C(t) > 0 (dimensionless; 1 at t = 0).
   * @throws InvalidInputError when t is negative or not finite, when d2 precedes d1, or when a
   * simple negative rate makes 1 + r t ≤ 0 (t must then lie in [0, −1/r)).
   */
  compoundFactor(t: number): number;
  /**
   * Compound factor between two dates, t = dayCounter.yearFraction(d1, d2, refStart, refEnd).
   * @param d1 - start date.
   * @param d2 - end date, ≥ d1.
   * @param refStart - reference-period start, for day counters that need one.
   * @param refEnd - reference-period end, likewise.
   * @throws InvalidInputError as the time form, or when d2 precedes d1.
   */
  compoundFactor(d1: Date, d2: Date, refStart?: Date, refEnd?: Date): number;
  compoundFactor(x: number | Date, d2?: Date, refStart?: Date, refEnd?: Date): number {
    const t = x instanceof Date ? yearFractionBetween(this.dayCounter, x, d2 as Date, refStart, refEnd) : x;
    checkTime('t', t, false);
    const r = this.rate;
    const f = this.frequency;
    const simple = (): number => {
      const c = 1 + r * t;
      if (!(c > 0)) throw InvalidInputError.outOfRange('t', t, `[0, ${-1 / r}) (1 + r t must be positive for r = ${r} simple)`);
      return c;
    };
    // (1 + r/f)^{ft} as exp(ft·log1p(r/f)): no loss for small r/f.
    const compounded = (): number => Math.exp(f * t * Math.log1p(r / f));
    switch (this.compounding) {
      case Compounding.Simple:
        return simple();
      case Compounding.Compounded:
        return compounded();
      case Compounding.Continuous:
        return Math.exp(r * t);
      case Compounding.SimpleThenCompounded:
        return t <= 1 / f ? simple() : compounded();
      case Compounding.CompoundedThenSimple:
        return t <= 1 / f ? compounded() : simple();
    }
  }

  /**
   * Discount factor 1 / C(t) over a year fraction t, or between two dates.
   * @param t - year fraction ≥ 0 (or two dates, as `compoundFactor`).
   * @returns the discount factor, > 0.
   * @throws InvalidInputError as `compoundFactor`.
   */
  discountFactor(t: number): number;
  /**
   * Discount factor between two dates (arguments as the dates form of `compoundFactor`).
   * @throws InvalidInputError as `compoundFactor`.
   */
  discountFactor(d1: Date, d2: Date, refStart?: Date, refEnd?: Date): number;
  discountFactor(x: number | Date, d2?: Date, refStart?: Date, refEnd?: Date): number {
    return 1 / (x instanceof Date ? this.compoundFactor(x, d2 as Date, refStart, refEnd) : this.compoundFactor(x));
  }

  /**
   * The rate under other conventions with the same compound factor over the same period.
   *
   * @remarks
   * Either over a year fraction t (the day counter stays this rate's), or between two dates:
   * `equivalentRate(resultDayCounter, compounding, frequency, d1, d2, refStart?, refEnd?)`
   * measures this rate's accrual with its own day counter and the result's with
   * `resultDayCounter`.
   * @param compounding - the result's compounding rule.
   * @param frequency - the result's frequency (a regular one when compounded).
   * @param t - year fraction > 0 (≥ 0 when the compound factor is 1).
   * @returns a new InterestRate.
   * @throws InvalidInputError for a bad compounding, frequency or time, or d2 before d1.
   */
  equivalentRate(compounding: Compounding, frequency: Frequency, t: number): InterestRate;
  /**
   * The equivalent rate between two dates: this rate accrues by its own day counter, the result
   * by `resultDayCounter`.
   * @param resultDayCounter - the result's day counter.
   * @param compounding - the result's compounding rule.
   * @param frequency - the result's frequency.
   * @param d1 - start date.
   * @param d2 - end date, after d1.
   * @param refStart - reference-period start, for day counters that need one.
   * @param refEnd - reference-period end, likewise.
   * @throws InvalidInputError as the time form, or when d2 precedes d1.
   */
  equivalentRate(resultDayCounter: DayCounter, compounding: Compounding, frequency: Frequency, d1: Date, d2: Date, refStart?: Date, refEnd?: Date): InterestRate;
  equivalentRate(
    a: Compounding | DayCounter,
    b: Compounding | Frequency,
    c: Frequency | number,
    d1?: Date,
    d2?: Date,
    refStart?: Date,
    refEnd?: Date,
  ): InterestRate {
    if (a instanceof DayCounter) {
      const t1 = yearFractionBetween(this.dayCounter, d1 as Date, d2 as Date, refStart, refEnd);
      const t2 = yearFractionBetween(a, d1 as Date, d2 as Date, refStart, refEnd);
      return InterestRate.impliedRate(this.compoundFactor(t1), a, b as Compounding, c as Frequency, t2);
    }
    return InterestRate.impliedRate(this.compoundFactor(c), this.dayCounter, a, b as Frequency, c);
  }

  /**
   * The rate that turns 1 into `compound` over a year fraction t (or between two dates by
   * `dayCounter`) under the given conventions.
   *
   * @remarks
   * Inverts C(t): r = (C − 1)/t (simple), f (C^{1/(f t)} − 1) (compounded), ln C / t
   * (continuous), and the piecewise rules on either side of t = 1/f. A compound factor of 1
   * gives rate 0 for any t ≥ 0.
   * Source: QuantLib `ql/interestrate.cpp` (`InterestRate::impliedRate`).
   * @param compound - the compound factor, finite and > 0.
   * @param dayCounter - the result's day counter.
   * @param compounding - the result's compounding rule.
   * @param frequency - the result's frequency (a regular one when compounded).
   * @param t - year fraction > 0 (≥ 0 when compound = 1), or `d1` then `d2` ≥ `d1` (dates).
   * @returns a new InterestRate.
   * @throws InvalidInputError when compound ≤ 0 or not finite, t is out of range, d2 precedes
   * d1, or the compounding or frequency is not allowed.
   */
  static impliedRate(compound: number, dayCounter: DayCounter, compounding: Compounding, frequency: Frequency, t: number): InterestRate;
  /**
   * The implied rate between two dates, t = dayCounter.yearFraction(d1, d2, refStart, refEnd).
   * @param compound - the compound factor, finite and > 0.
   * @param dayCounter - the result's day counter (measures d1 → d2).
   * @param compounding - the result's compounding rule.
   * @param frequency - the result's frequency.
   * @param d1 - start date.
   * @param d2 - end date, after d1 (on or after when compound = 1).
   * @param refStart - reference-period start, for day counters that need one.
   * @param refEnd - reference-period end, likewise.
   * @throws InvalidInputError as the time form, or when d2 precedes d1.
   */
  static impliedRate(compound: number, dayCounter: DayCounter, compounding: Compounding, frequency: Frequency, d1: Date, d2: Date, refStart?: Date, refEnd?: Date): InterestRate;
  static impliedRate(
    compound: number,
    dayCounter: DayCounter,
    compounding: Compounding,
    frequency: Frequency,
    x: number | Date,
    d2?: Date,
    refStart?: Date,
    refEnd?: Date,
  ): InterestRate {
    if (typeof compound !== 'number' || !(compound > 0) || !Number.isFinite(compound)) {
      throw InvalidInputError.outOfRange('compound', compound, '(0, ∞)');
    }
    if (!(dayCounter instanceof DayCounter)) throw InvalidInputError.outOfRange('dayCounter', dayCounter, 'a DayCounter');
    checkCompounding(compounding);
    checkFrequency(compounding, frequency);
    const t = x instanceof Date ? yearFractionBetween(dayCounter, x, d2 as Date, refStart, refEnd) : x;
    checkTime('t', t, compound !== 1);
    if (compound === 1) return new InterestRate(0, dayCounter, compounding, frequency);
    const f = frequency;
    const simple = (): number => (compound - 1) / t;
    // f (C^{1/(ft)} − 1) as f·expm1(ln C/(ft)): no cancellation when C is close to 1.
    const compounded = (): number => f * Math.expm1(Math.log(compound) / (f * t));
    let r: number;
    switch (compounding) {
      case Compounding.Simple:
        r = simple();
        break;
      case Compounding.Compounded:
        r = compounded();
        break;
      case Compounding.Continuous:
        r = Math.log(compound) / t;
        break;
      case Compounding.SimpleThenCompounded:
        r = t <= 1 / f ? simple() : compounded();
        break;
      case Compounding.CompoundedThenSimple:
        r = t <= 1 / f ? compounded() : simple();
        break;
    }
    if (!Number.isFinite(r)) {
      throw InvalidInputError.outOfRange('compound', compound, `a factor whose implied rate over t = ${t} is finite`);
    }
    return new InterestRate(r, dayCounter, compounding, frequency);
  }

  /** E.g. `"5.000000 % Actual/365 (Fixed) Semiannual compounding"`, as QuantLib prints rates. */
  toString(): string {
    const head = `${(this.rate * 100).toFixed(6)} % ${this.dayCounter.name()}`;
    switch (this.compounding) {
      case Compounding.Simple:
        return `${head} simple compounding`;
      case Compounding.Continuous:
        return `${head} continuous compounding`;
      case Compounding.Compounded:
        return `${head} ${Frequency[this.frequency]} compounding`;
      case Compounding.SimpleThenCompounded:
        return `${head} simple compounding up to ${12 / this.frequency} months, then ${Frequency[this.frequency]} compounding`;
      case Compounding.CompoundedThenSimple:
        return `${head} compounding up to ${12 / this.frequency} months, then ${Frequency[this.frequency]} simple compounding`;
    }
  }
}
