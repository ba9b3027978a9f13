// Internal: validation of SABR parameters at the boundary.
import { InvalidInputError } from '../../../../src/errors.js';
import type { SabrParameters } from '../SabrParameters.js';

/**
 * Throws unless (α, β, ν, ρ) is a valid SABR set: α > 0, β ∈ [0, 1], ν ≥ 0, ρ ∈ (−1, 1), all
 * finite. The message names `<argument>.<field>`, its value and the range.
 * @internal
 */
export function checkSabrParameters(argument: string, p: SabrParameters): void {
  if (typeof p !== 'object' || p === null) throw InvalidInputError.outOfRange(argument, p, 'an object { alpha, beta, nu, rho }');
  const { alpha, beta, nu, rho } = p;
  if (typeof alpha !== 'number' || !(alpha > 0) || !Number.isFinite(alpha)) throw InvalidInputError.outOfRange(`${argument}.alpha`, alpha, '(0, ∞)');
  if (typeof beta !== 'number' || !(beta >= 0 && beta <= 1)) throw InvalidInputError.outOfRange(`${argument}.beta`, beta, '[0, 1]');
  if (typeof nu !== 'number' || !(nu >= 0) || !Number.isFinite(nu)) throw InvalidInputError.outOfRange(`${argument}.nu`, nu, '[0, ∞)');
  if (typeof rho !== 'number' || !(rho > -1 && rho < 1)) throw InvalidInputError.outOfRange(`${argument}.rho`, rho, '(-1, 1)');
}
