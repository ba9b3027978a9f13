import type { RoughHestonParameters } from '../../src/processes/RoughHestonParameters.js';

/**
 * A route to the rough Heston log characteristic function
 * log E[exp(iu ln(S_T / F_T))] at complex nodes u = uRe + i·uIm for every maturity.
 *
 * @remarks
 * Output arrays have length uRe.length × maturities.length; entry j·uRe.length + i is node i at
 * maturity j. Maturities are in years, ascending, > 0.
 * @public
 */
export type RoughHestonLogCf = (
  params: RoughHestonParameters,
  uRe: Float64Array,
  uIm: Float64Array,
  maturities: readonly number[],
) => { re: Float64Array; im: Float64Array };
