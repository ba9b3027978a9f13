// Validation of the five Heston parameters, shared by HestonProcess and HestonModel.
import { InvalidInputError } from '../../errors.js';
import type { HestonParameters } from '../HestonParameters.js';

/** Throws InvalidInputError naming the first parameter outside its range; returns a frozen copy. */
export function checkHestonParameters(p: HestonParameters): HestonParameters {
  for (const name of ['v0', 'kappa', 'theta', 'sigma'] as const) {
    const x = p[name];
    if (typeof x !== 'number' || !(x > 0) || !Number.isFinite(x)) throw InvalidInputError.outOfRange(name, x, '(0, ∞)');
  }
  if (typeof p.rho !== 'number' || !(p.rho > -1 && p.rho < 1)) throw InvalidInputError.outOfRange('rho', p.rho, '(-1, 1)');
  return Object.freeze({ v0: p.v0, kappa: p.kappa, theta: p.theta, sigma: p.sigma, rho: p.rho });
}
