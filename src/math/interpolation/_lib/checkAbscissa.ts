import { InvalidInputError } from '../../../errors.js';

/** Throws when x is NaN, or outside [lo, hi] without extrapolation. */
export function checkAbscissa(x: number, lo: number, hi: number, allowExtrapolation: boolean): void {
  if (Number.isNaN(x) || (!allowExtrapolation && !(x >= lo && x <= hi))) {
    throw InvalidInputError.outOfRange('x', x, `[${lo}, ${hi}]${allowExtrapolation ? '' : ' (extrapolation not allowed)'}`);
  }
}
