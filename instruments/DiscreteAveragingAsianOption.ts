import { checkFinite, checkInteger } from '../src/_lib/checks.js';
import { InvalidInputError } from '../src/errors.js';
import type { Date } from '../src/time/Date.js';
import type { AverageType } from './AverageType.js';
import { checkAverageType } from './_lib/checkAverageType.js';
import type { Exercise } from './exercises/Exercise.js';
import { OneAssetOption, type OneAssetOptionTerms } from './OneAssetOption.js';
import type { StrikedTypePayoff } from './payoffs/StrikedTypePayoff.js';

/**
 * Terms of a {@link DiscreteAveragingAsianOption}.
 * @public
 */
export interface DiscreteAveragingAsianOptionTerms extends OneAssetOptionTerms {
  readonly averageType: AverageType;
  /**
   * The fixings already taken: their sum (arithmetic) or product (geometric), QuantLib's
   * `runningAccumulator`; 0 (arithmetic) or 1 (geometric) when there are none.
   */
  readonly runningAccumulator: number;
  /** How many fixings the accumulator holds; ≥ 0. */
  readonly pastFixings: number;
  /** The future fixing dates, ascending. */
  readonly fixingDates: readonly Date[];
}

/**
 * What engines for discretely averaged Asian options receive.
 * @public
 */
export interface DiscreteAveragingAsianOptionArguments {
  readonly averageType: AverageType;
  readonly runningAccumulator: number;
  readonly pastFixings: number;
  readonly fixingDates: readonly Date[];
  readonly payoff: StrikedTypePayoff;
  readonly exercise: Exercise;
}

/**
 * An average-price Asian option on the average of the spot at given fixing dates (including
 * fixings already taken): payoff(A), A = (Σ fixings)/n or (Π fixings)^{1/n}.
 *
 * @remarks
 * Source: QuantLib `ql/instruments/asianoption.hpp` (`DiscreteAveragingAsianOption`).
 * @public
 */
export class DiscreteAveragingAsianOption extends OneAssetOption<DiscreteAveragingAsianOptionTerms, DiscreteAveragingAsianOptionArguments> {
  /**
   * @param averageType - arithmetic or geometric.
   * @param runningAccumulator - sum (arithmetic) or product (geometric) of past fixings.
   * @param pastFixings - number of past fixings; integer ≥ 0.
   * @param fixingDates - future fixing dates, at least one, strictly increasing.
   * @param payoff - a striked payoff applied to the average.
   * @param exercise - a `EuropeanExercise` on or after the last fixing date.
   * @throws InvalidInputError naming the argument outside its range.
   */
  constructor(
    averageType: AverageType,
    runningAccumulator: number,
    pastFixings: number,
    fixingDates: readonly Date[],
    payoff: StrikedTypePayoff,
    exercise: Exercise,
  ) {
    super({ averageType, runningAccumulator, pastFixings, fixingDates: [...fixingDates], payoff, exercise });
    checkAverageType(averageType);
    checkFinite('runningAccumulator', runningAccumulator);
    checkInteger('pastFixings', pastFixings, 0);
    if (fixingDates.length === 0) throw InvalidInputError.outOfRange('fixingDates.length', 0, '[1, ∞)');
    for (let i = 1; i < fixingDates.length; i++) {
      if (!fixingDates[i]!.isAfter(fixingDates[i - 1]!)) {
        throw InvalidInputError.outOfRange(`fixingDates[${i}]`, fixingDates[i]!.toISOString(), `(${fixingDates[i - 1]!.toISOString()}, ∞): strictly increasing`);
      }
    }
    const last = fixingDates[fixingDates.length - 1]!;
    if (exercise.lastDate().isBefore(last)) {
      throw InvalidInputError.outOfRange('exercise.lastDate()', exercise.lastDate().toISOString(), `[last fixing date ${last.toISOString()}, ∞)`);
    }
  }

  protected buildArguments(): DiscreteAveragingAsianOptionArguments {
    const t = this.terms;
    return {
      averageType: t.averageType,
      runningAccumulator: t.runningAccumulator,
      pastFixings: t.pastFixings,
      fixingDates: t.fixingDates,
      payoff: t.payoff,
      exercise: t.exercise,
    };
  }

  protected rebuild(terms: DiscreteAveragingAsianOptionTerms): this {
    return new DiscreteAveragingAsianOption(terms.averageType, terms.runningAccumulator, terms.pastFixings, terms.fixingDates, terms.payoff, terms.exercise) as this;
  }
}
