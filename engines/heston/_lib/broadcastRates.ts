// Internal: a per-maturity rate input (a number, or length 1 or n) checked and broadcast to length
// n; shared by the Heston and rough Heston batch pricers.
import { InvalidInputError } from '../../../src/errors.js';

/** @throws InvalidInputError naming `${name}.length` or `${name}[j]` when the length or a value is bad. @internal */
export function broadcastRates(name: string, x: ArrayLike<number> | number, n: number): Float64Array {
  const v = typeof x === 'number' ? Float64Array.of(x) : Float64Array.from(x);
  if (v.length !== 1 && v.length !== n) throw InvalidInputError.outOfRange(`${name}.length`, v.length, `{1, ${n}} (expiries.length)`);
  for (let j = 0; j < v.length; j++) if (!Number.isFinite(v[j]!)) throw InvalidInputError.outOfRange(`${name}[${j}]`, v[j], '(-∞, ∞), finite');
  if (v.length === n) return v;
  return new Float64Array(n).fill(v[0]!);
}
