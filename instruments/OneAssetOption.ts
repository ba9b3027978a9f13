import { InvalidInputError } from '../src/errors.js';
import { Settings } from '../src/settings.js';
import { Instrument } from './Instrument.js';
import type { Exercise } from './exercises/Exercise.js';
import { StrikedTypePayoff } from './payoffs/StrikedTypePayoff.js';

/**
 * The terms every single-asset option has: a striked payoff and an exercise.
 * @public
 */
export interface OneAssetOptionTerms {
  readonly payoff: StrikedTypePayoff;
  readonly exercise: Exercise;
}

/**
 * Base of single-asset options (vanilla, barrier, Asian): payoff and exercise checks and expiry.
 *
 * @remarks
 * Expired (value 0) once its last exercise date is before the evaluation date (on the date
 * itself it is alive unless `Settings.includeReferenceDateEvents`).
 * Source: QuantLib `ql/instruments/oneassetoption.hpp`.
 *
 * @typeParam Terms - the option's terms (at least payoff and exercise).
 * @typeParam Args - the arguments its engines take.
 * @public
 */
export abstract class OneAssetOption<Terms extends OneAssetOptionTerms, Args> extends Instrument<Terms, Args> {
  /**
   * @param terms - the option's terms; `payoff` must be a valid `StrikedTypePayoff`.
   * @throws InvalidInputError when `payoff` is not a striked payoff or its strike/type is invalid.
   */
  protected constructor(terms: Terms) {
    super(terms);
    const payoff = terms.payoff as unknown;
    if (!(payoff instanceof StrikedTypePayoff)) {
      throw InvalidInputError.outOfRange('payoff', (payoff as object)?.constructor?.name, 'a StrikedTypePayoff');
    }
    payoff.validate();
  }

  override isExpired(): boolean {
    const today = Settings.instance.evaluationDate.value();
    const last = this.terms.exercise.lastDate();
    return Settings.instance.includeReferenceDateEvents ? last.isOnOrBefore(today) : last.isBefore(today);
  }
}
