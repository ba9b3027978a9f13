import type { AverageType } from './AverageType.js';
import { checkAverageType } from './_lib/checkAverageType.js';
import type { Exercise } from './exercises/Exercise.js';
import { OneAssetOption, type OneAssetOptionTerms } from './OneAssetOption.js';
import type { StrikedTypePayoff } from './payoffs/StrikedTypePayoff.js';

/**
 * Terms of a {@link ContinuousAveragingAsianOption}.
 * @public
 */
export interface ContinuousAveragingAsianOptionTerms extends OneAssetOptionTerms {
  readonly averageType: AverageType;
}

/**
 * What engines for continuously averaged Asian options receive.
 * @public
 */
export interface ContinuousAveragingAsianOptionArguments {
  readonly averageType: AverageType;
  readonly payoff: StrikedTypePayoff;
  readonly exercise: Exercise;
}

/**
 * An average-price Asian option whose average runs continuously from the evaluation date to
 * expiry: payoff(A) with A the arithmetic or geometric average of the spot.
 *
 * @remarks
 * Source: QuantLib `ql/instruments/asianoption.hpp` (`ContinuousAveragingAsianOption`).
 * @public
 */
export class ContinuousAveragingAsianOption extends OneAssetOption<ContinuousAveragingAsianOptionTerms, ContinuousAveragingAsianOptionArguments> {
  /**
   * @param averageType - arithmetic or geometric.
   * @param payoff - a striked payoff applied to the average.
   * @param exercise - a `EuropeanExercise`.
   * @throws InvalidInputError for an unknown average type or an invalid payoff.
   */
  constructor(averageType: AverageType, payoff: StrikedTypePayoff, exercise: Exercise) {
    super({ averageType, payoff, exercise });
    checkAverageType(averageType);
  }

  protected buildArguments(): ContinuousAveragingAsianOptionArguments {
    return { averageType: this.terms.averageType, payoff: this.terms.payoff, exercise: this.terms.exercise };
  }

  protected rebuild(terms: ContinuousAveragingAsianOptionTerms): this {
    return new ContinuousAveragingAsianOption(terms.averageType, terms.payoff, terms.exercise) as this;
  }
}
