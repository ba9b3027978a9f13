import { InvalidInputError } from '../../../errors.js';

/** Throws unless `xs` is finite and strictly increasing with at least `minLength` points. */
export function checkGrid(argument: string, xs: ArrayLike<number>, minLength = 2): void {
  if (xs.length < minLength) throw InvalidInputError.outOfRange(`${argument}.length`, xs.length, `[${minLength}, ∞)`);
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    if (!Number.isFinite(x)) throw InvalidInputError.outOfRange(`${argument}[${i}]`, x, 'finite numbers');
    if (i > 0 && !(x > (xs[i - 1] as number))) {
      throw InvalidInputError.outOfRange(`${argument}[${i}]`, x, `(${argument}[${i - 1}] = ${xs[i - 1]}, ∞): strictly increasing`);
    }
  }
}
