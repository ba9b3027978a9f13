import { InvalidInputError } from '../../../errors.js';

/** Throws unless `ys` has `length` finite entries. */
export function checkValues(argument: string, ys: ArrayLike<number>, length: number, lengthName: string): void {
  if (ys.length !== length) throw InvalidInputError.outOfRange(`${argument}.length`, ys.length, `{${length}} (${lengthName})`);
  for (let i = 0; i < ys.length; i++) {
    if (!Number.isFinite(ys[i])) throw InvalidInputError.outOfRange(`${argument}[${i}]`, ys[i], 'finite numbers');
  }
}
