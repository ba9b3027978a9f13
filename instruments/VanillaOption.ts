import { InvalidInputError } from '../src/errors.js';
import { Settings } from '../src/settings.js';
import { Instrument } from './Instrument.js';
import type { Exercise } from './exercises/Exercise.js';
import { StrikedTypePayoff } from './payoffs/StrikedTypePayoff.js';

/**
 * Terms of a {@link VanillaOption}: a striked payoff and an exercise.
 * @public
 */
export interface VanillaOptionTerms {
  readonly payoff: StrikedTypePayoff;
  readonly exercise: Exercise;
}

/**
 * What engines for vanilla options receive (validated by the instrument).
 * @public
 */
export interface VanillaOptionArguments {
  readonly payoff: StrikedTypePayoff;
  readonly exercise: Exercise;
}

/**
 * A single-asset option with a striked payoff (plain vanilla, digitals…) and European,
 * American or Bermudan exercise.
 *
 * @remarks
 * Expired (value 0) once its last exercise date is before the evaluation date (on the date
 * itself it is alive unless `Settings.includeReferenceDateEvents`).
 * Observes: its engine (a change of evaluation date reaches it through the engine's term
 * structures, as in QuantLib; the instrument itself holds no global registration, so a
 * discarded instrument is garbage once nothing references it).
 * Results (from engines): NPV, Greeks (see `Greeks`), engine-specific additional results.
 *
 * Source: QuantLib `ql/instruments/vanillaoption.hpp`, `oneassetoption.hpp`.
 * Checked against: `test/instruments/VanillaOption.test.ts` (QuantLib 1.29 reference values).
 *
 * @example
 * ```ts
 * import { Date, EuropeanExercise, OptionType, PlainVanillaPayoff, VanillaOption } from 'quantflow';
 * const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(Date.fromISO('2026-06-19')));
 * option.with((d) => { d.payoff.strike = 105; }).terms.payoff.strike; //=> 105
 * ```
 * @public
 */
export class VanillaOption extends Instrument<VanillaOptionTerms, VanillaOptionArguments> {
  /**
   * @param payoff - a striked payoff (e.g. `PlainVanillaPayoff`).
   * @param exercise - the exercise schedule (e.g. `EuropeanExercise`).
   * @throws InvalidInputError when `payoff` is not a striked payoff or its strike/type is invalid.
   */
  constructor(payoff: StrikedTypePayoff, exercise: Exercise) {
    super({ payoff, exercise });
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

  protected buildArguments(): VanillaOptionArguments {
    return { payoff: this.terms.payoff, exercise: this.terms.exercise };
  }

  protected rebuild(terms: VanillaOptionTerms): this {
    return new VanillaOption(terms.payoff, terms.exercise) as this;
  }
}
