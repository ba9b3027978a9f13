// Internal: the input checks shared by the rough Heston batch pricers (COS and Lewis).
import { InvalidInputError } from '../../../src/errors.js';
import { checkRoughHestonParameters } from '../../../src/models/RoughHestonModel.js';
import type { RoughHestonParameters } from '../../../src/processes/RoughHestonParameters.js';
import { broadcastRates } from '../../heston/_lib/broadcastRates.js';
import type { RoughHestonBatchInputs } from '../cosRoughHestonBatch.js';

/** Checked batch inputs: strikes as Float64Array, maturities ascending, rates broadcast to length n. @internal */
export interface CheckedRoughHestonBatch {
  readonly params: RoughHestonParameters;
  readonly K: Float64Array;
  readonly T: number[];
  readonly r: Float64Array;
  readonly q: Float64Array;
}

/** @throws InvalidInputError naming the first bad input (spot, strikes[i], expiries[j], rates, parameters). @internal */
export function checkRoughHestonBatchInputs(inputs: RoughHestonBatchInputs): CheckedRoughHestonBatch {
  const { spot, strikes, expiries } = inputs;
  const params = checkRoughHestonParameters(inputs.params);
  if (!(spot > 0) || !Number.isFinite(spot)) throw InvalidInputError.outOfRange('spot', spot, '(0, ∞)');
  const m = strikes.length;
  const n = expiries.length;
  if (!(m >= 1)) throw InvalidInputError.outOfRange('strikes.length', m, '[1, ∞)');
  if (!(n >= 1)) throw InvalidInputError.outOfRange('expiries.length', n, '[1, ∞)');
  const K = Float64Array.from(strikes);
  for (let i = 0; i < m; i++) if (!(K[i]! > 0) || !Number.isFinite(K[i]!)) throw InvalidInputError.outOfRange(`strikes[${i}]`, K[i], '(0, ∞)');
  const T = Array.from(expiries);
  for (let j = 0; j < n; j++) {
    if (!(T[j]! > 0) || !Number.isFinite(T[j]!) || (j > 0 && !(T[j]! > T[j - 1]!))) throw InvalidInputError.outOfRange(`expiries[${j}]`, T[j], '(0, ∞), strictly ascending');
  }
  const r = broadcastRates('riskFreeRates', inputs.riskFreeRates, n);
  const q = broadcastRates('dividendYields', inputs.dividendYields, n);
  return { params, K, T, r, q };
}
