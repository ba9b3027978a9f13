import type { Exercise } from './exercises/Exercise.js';
import { OneAssetOption, type OneAssetOptionTerms } from './OneAssetOption.js';
import type { StrikedTypePayoff } from './payoffs/StrikedTypePayoff.js';

/**
 * Terms of a {@link VanillaOption}: a striked payoff and an exercise.
 * @public
 */
export type VanillaOptionTerms = OneAssetOptionTerms;

/**
 * What engines for vanilla options receive (validated by the instrument).
 * @public
 */
export interface VanillaOptionArguments {
  readonly payoff: StrikedTypePayoff;
  readonly exercise: Exercise;
}

/**
 * A single-asset option with a striked payoff (plain vanilla, cash-or-nothing, asset-or-nothing,
 * gap) and European, American or Bermudan exercise.
 *
 * @remarks
 * Expired (value 0) once its last exercise date is before the evaluation date.
 * Observes: its engine (a change of evaluation date reaches it through the engine's term
 * structures, as in QuantLib; the instrument itself holds no global registration, so a
 * discarded instrument is garbage once nothing references it).
 * Results (from engines): NPV, Greeks (see `Greeks`), engine-specific additional results.
 *
 * Source: QuantLib `ql/instruments/vanillaoption.hpp`, `oneassetoption.hpp`.
 * Checked against: `test/engines/blackscholes/AnalyticEuropeanEngine.test.ts` (QuantLib 1.29
 * reference values).
 *
 * @example
 * ```ts
 * import { Date, EuropeanExercise, OptionType, PlainVanillaPayoff, VanillaOption } from 'quantflow';
 * const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(Date.fromISO('2026-06-19')));
 * option.with((d) => { d.payoff.strike = 105; }).terms.payoff.strike; //=> 105
 * ```
 * @public
 */
export class VanillaOption extends OneAssetOption<VanillaOptionTerms, VanillaOptionArguments> {
  /**
   * @param payoff - a striked payoff (e.g. `PlainVanillaPayoff`).
   * @param exercise - the exercise schedule (e.g. `EuropeanExercise`).
   * @throws InvalidInputError when `payoff` is not a striked payoff or its strike/type is invalid.
   */
  constructor(payoff: StrikedTypePayoff, exercise: Exercise) {
    super({ payoff, exercise });
  }

  protected buildArguments(): VanillaOptionArguments {
    return { payoff: this.terms.payoff, exercise: this.terms.exercise };
  }

  protected rebuild(terms: VanillaOptionTerms): this {
    return new VanillaOption(terms.payoff, terms.exercise) as this;
  }
}
