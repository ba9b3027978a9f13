import { InvalidInputError } from '../../src/errors.js';
import type { Date } from '../../src/time/Date.js';
import { Exercise } from './Exercise.js';
import { ExerciseType } from './ExerciseType.js';

/**
 * Exercise on any of a set of dates.
 *
 * @remarks
 * Source: QuantLib `ql/exercise.hpp` (`BermudanExercise`).
 *
 * @example
 * ```ts
 * import { BermudanExercise, Date } from 'quantflow';
 * new BermudanExercise([Date.fromISO('2026-01-02'), Date.fromISO('2025-07-02')]).dates()[0].toISOString(); //=> '2025-07-02'
 * ```
 * @public
 */
export class BermudanExercise extends Exercise {
  readonly type = ExerciseType.Bermudan;
  private readonly sorted: readonly Date[];

  /**
   * @param dates - the exercise dates, any order, at least one; duplicates are removed.
   * @param payoffAtExpiry - pay at the last date rather than on exercise; default false.
   * @throws InvalidInputError when `dates` is empty.
   */
  constructor(
    dates: readonly Date[],
    readonly payoffAtExpiry = false,
  ) {
    super();
    if (dates.length === 0) throw InvalidInputError.outOfRange('dates.length', 0, '[1, ∞)');
    const unique = new Map(dates.map((d) => [d.serialNumber, d]));
    this.sorted = [...unique.values()].sort((a, b) => a.serialNumber - b.serialNumber);
  }

  dates(): readonly Date[] {
    return this.sorted;
  }
}
