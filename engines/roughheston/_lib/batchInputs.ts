// Internal: the input checks shared by the rough Heston batch pricers (COS and Lewis).
import { InvalidInputError } from '../../../src/errors.js';
import { checkRoughHestonParameters } from '../../../src/models/RoughHestonModel.js';
import type { RoughHestonParameters } from '../../../src/processes/RoughHestonParameters.js';
import { broadcastRates, checkSpotAndStrikes } from '../../heston/_lib/batchChecks.js';
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
  const n = expiries.length;
  const K = checkSpotAndStrikes(spot, strikes, n);
  const T = Array.from(expiries);
  for (let j = 0; j < n; j++) {
    if (!(T[j]! > 0) || !Number.isFinite(T[j]!) || (j > 0 && !(T[j]! > T[j - 1]!))) throw InvalidInputError.outOfRange(`expiries[${j}]`, T[j], '(0, ∞), strictly ascending');
  }
  const r = broadcastRates('riskFreeRates', inputs.riskFreeRates, n);
  const q = broadcastRates('dividendYields', inputs.dividendYields, n);
  return { params, K, T, r, q };
}
