// Peizer–Pratt method 2 inversion h⁻¹(z, n) of the normal CDF by a binomial one, n odd
// (Leisen & Reimer 1996, eq. (6), from Peizer & Pratt 1968).
import { InvalidInputError } from '../../../src/errors.js';

export function peizerPrattMethod2Inversion(z: number, n: number): number {
  if (!(Number.isInteger(n) && n % 2 === 1 && n > 0)) throw InvalidInputError.outOfRange('n', n, 'odd integers ≥ 1');
  const a = z / (n + 1 / 3 + 0.1 / (n + 1));
  const e = Math.exp(-a * a * (n + 1 / 6));
  return 0.5 + Math.sign(z) * Math.sqrt(0.25 * (1 - e));
}
