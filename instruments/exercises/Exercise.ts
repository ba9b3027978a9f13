import { immerable } from 'immer';
import type { Date } from '../../src/time/Date.js';
import type { ExerciseType } from './ExerciseType.js';

/**
 * The dates on which an option may be exercised.
 * Source: QuantLib `ql/exercise.hpp`.
 * @public
 */
export abstract class Exercise {
  static readonly [immerable] = true;

  /** American, Bermudan or European. */
  abstract readonly type: ExerciseType;

  /** The exercise dates (a window's ends for American), ascending. */
  abstract dates(): readonly Date[];

  /** The last exercise date. */
  lastDate(): Date {
    const d = this.dates();
    return d[d.length - 1] as Date;
  }
}
