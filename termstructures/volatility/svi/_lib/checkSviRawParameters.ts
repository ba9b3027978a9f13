// Internal: validation of raw SVI parameters at the boundary.
import { InvalidInputError } from '../../../../src/errors.js';
import type { SviRawParameters } from '../SviRawParameters.js';

/**
 * Throws unless (a, b, ρ, m, σ) is a valid raw SVI slice: all finite, b ≥ 0, |ρ| < 1, σ > 0,
 * a + bσ√(1 − ρ²) ≥ 0. The message names `<argument>.<field>`, its value and the range.
 * @internal
 */
export function checkSviRawParameters(argument: string, p: SviRawParameters): void {
  if (typeof p !== 'object' || p === null) throw InvalidInputError.outOfRange(argument, p, 'an object { a, b, rho, m, sigma }');
  for (const key of ['a', 'b', 'rho', 'm', 'sigma'] as const) {
    const v = p[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw InvalidInputError.outOfRange(`${argument}.${key}`, v, '(-∞, ∞), finite');
  }
  if (!(p.b >= 0)) throw InvalidInputError.outOfRange(`${argument}.b`, p.b, '[0, ∞)');
  if (!(Math.abs(p.rho) < 1)) throw InvalidInputError.outOfRange(`${argument}.rho`, p.rho, '(-1, 1)');
  if (!(p.sigma > 0)) throw InvalidInputError.outOfRange(`${argument}.sigma`, p.sigma, '(0, ∞)');
  const floor = -p.b * p.sigma * Math.sqrt(1 - p.rho * p.rho);
  if (!(p.a >= floor)) {
    throw InvalidInputError.outOfRange(`${argument}.a`, p.a, `[${floor}, ∞) (a + b·sigma·√(1 − rho²) ≥ 0: the minimum total variance must be ≥ 0)`);
  }
}
