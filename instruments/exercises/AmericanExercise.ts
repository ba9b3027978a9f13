import { InvalidInputError } from '../../src/errors.js';
import type { Date } from '../../src/time/Date.js';
import { Exercise } from './Exercise.js';
import { ExerciseType } from './ExerciseType.js';

/**
 * Exercise on any date in [earliestDate, latestDate].
 *
 * @remarks
 * `payoffAtExpiry` (QuantLib's flag): when true, an exercised payoff is paid at the latest date
 * rather than on exercise (matters for American digitals).
 * Source: QuantLib `ql/exercise.hpp` (`AmericanExercise`).
 *
 * @example
 * ```ts
 * import { AmericanExercise, Date } from 'quantflow';
 * new AmericanExercise(Date.fromISO('2025-01-02'), Date.fromISO('2026-01-02')).dates().length; //=> 2
 * ```
 * @public
 */
export class AmericanExercise extends Exercise {
  readonly type = ExerciseType.American;

  /**
   * @param earliestDate - first exercise date (usually the evaluation date).
   * @param latestDate - expiry; on or after `earliestDate`.
   * @param payoffAtExpiry - pay at expiry rather than on exercise; default false.
   * @throws InvalidInputError when `latestDate` is before `earliestDate`.
   */
  constructor(
    readonly earliestDate: Date,
    readonly latestDate: Date,
    readonly payoffAtExpiry = false,
  ) {
    super();
    if (latestDate.isBefore(earliestDate)) {
      throw InvalidInputError.outOfRange('latestDate', latestDate.toISOString(), `[earliestDate = ${earliestDate.toISOString()}, ∞)`);
    }
  }

  dates(): readonly Date[] {
    return [this.earliestDate, this.latestDate];
  }
}
