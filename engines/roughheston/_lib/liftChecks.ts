// Internal: argument checks shared by the lift and Padé routes. Never re-exported.
import { InvalidInputError } from '../../../src/errors.js';
import { checkRoughHestonParameters } from '../../../src/models/RoughHestonModel.js';
import type { RoughHestonParameters } from '../../../src/processes/RoughHestonParameters.js';

/**
 * Validates rough Heston parameters (the model's check, names prefixed `params.`).
 * @returns a frozen copy.
 */
export function liftCheckParams(p: RoughHestonParameters): RoughHestonParameters {
  return checkRoughHestonParameters(p, 'params.');
}

/** Validates the node and maturity arrays of a RoughHestonLogCf call. */
export function liftCheckNodes(uRe: Float64Array, uIm: Float64Array, maturities: readonly number[]): void {
  if (uIm.length !== uRe.length) throw InvalidInputError.outOfRange('uIm.length', uIm.length, `${uRe.length} (uRe.length)`);
  for (let i = 0; i < uRe.length; i++) {
    if (!Number.isFinite(uRe[i]!)) throw InvalidInputError.outOfRange(`uRe[${i}]`, uRe[i], '(-∞, ∞), finite');
    if (!Number.isFinite(uIm[i]!)) throw InvalidInputError.outOfRange(`uIm[${i}]`, uIm[i], '(-∞, ∞), finite');
  }
  for (let j = 0; j < maturities.length; j++) {
    const t = maturities[j]!;
    const prev = j === 0 ? 0 : maturities[j - 1]!;
    if (!(t > prev) || !Number.isFinite(t)) throw InvalidInputError.outOfRange(`maturities[${j}]`, t, `(${prev}, ∞), ascending`);
  }
}
