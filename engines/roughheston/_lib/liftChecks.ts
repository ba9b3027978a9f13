// Internal: argument checks shared by the lift and Padé routes. Never re-exported.
import { InvalidInputError } from '../../../src/errors.js';
import type { RoughHestonParameters } from '../../../src/processes/RoughHestonParameters.js';

/** Validates rough Heston parameters against the ranges of RoughHestonParameters' docstring. */
export function liftCheckParams(p: RoughHestonParameters): RoughHestonParameters {
  const fin = (name: string, v: number, ok: boolean, range: string): void => {
    if (!ok || !Number.isFinite(v)) throw InvalidInputError.outOfRange(`params.${name}`, v, range);
  };
  fin('v0', p.v0, p.v0 >= 0, '[0, ∞)');
  fin('theta', p.theta, p.theta >= 0, '[0, ∞)');
  fin('kappa', p.kappa, p.kappa >= 0, '[0, ∞)');
  fin('sigma', p.sigma, p.sigma > 0, '(0, ∞)');
  fin('rho', p.rho, p.rho > -1 && p.rho < 1, '(-1, 1)');
  fin('hurst', p.hurst, p.hurst > 0 && p.hurst <= 0.5, '(0, 0.5]');
  if (p.v0 === 0 && p.theta === 0) throw InvalidInputError.outOfRange('params.v0', p.v0, '(0, ∞) when params.theta = 0');
  return p;
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
