import type { Date } from '../../src/time/Date.js';
import { Exercise } from './Exercise.js';
import { ExerciseType } from './ExerciseType.js';

/**
 * Exercise on a single date, the expiry.
 *
 * @remarks
 * Source: QuantLib `ql/exercise.hpp` (`EuropeanExercise`).
 *
 * @example
 * ```ts
 * import { Date, EuropeanExercise } from 'quantflow';
 * new EuropeanExercise(Date.fromISO('2026-06-19')).lastDate().toISOString(); //=> '2026-06-19'
 * ```
 * @public
 */
export class EuropeanExercise extends Exercise {
  readonly type = ExerciseType.European;

  /** @param date - the expiry date. */
  constructor(readonly date: Date) {
    super();
  }

  dates(): readonly Date[] {
    return [this.date];
  }
}
