// Internal: input checks shared by the Heston and rough Heston batch pricers (spot and strike
// axis; per-maturity rates, a number or length 1 or n, broadcast to length n).
import { InvalidInputError } from '../../../src/errors.js';

/**
 * Checks spot > 0, m ≥ 1 strikes each finite > 0 and n ≥ 1 expiries (their values are the caller's).
 * @returns the strikes as a Float64Array.
 * @throws InvalidInputError naming `spot`, `strikes.length`, `expiries.length` or `strikes[i]`. @internal
 */
export function checkSpotAndStrikes(spot: number, strikes: ArrayLike<number>, expiries: number): Float64Array {
  if (!(spot > 0) || !Number.isFinite(spot)) throw InvalidInputError.outOfRange('spot', spot, '(0, ∞)');
  const m = strikes.length;
  if (!(m >= 1)) throw InvalidInputError.outOfRange('strikes.length', m, '[1, ∞)');
  if (!(expiries >= 1)) throw InvalidInputError.outOfRange('expiries.length', expiries, '[1, ∞)');
  const K = Float64Array.from(strikes);
  for (let i = 0; i < m; i++) if (!(K[i]! > 0) || !Number.isFinite(K[i]!)) throw InvalidInputError.outOfRange(`strikes[${i}]`, K[i], '(0, ∞)');
  return K;
}

/** @throws InvalidInputError naming `${name}.length` or `${name}[j]` when the length or a value is bad. @internal */
export function broadcastRates(name: string, x: ArrayLike<number> | number, n: number): Float64Array {
  const v = typeof x === 'number' ? Float64Array.of(x) : Float64Array.from(x);
  if (v.length !== 1 && v.length !== n) throw InvalidInputError.outOfRange(`${name}.length`, v.length, `{1, ${n}} (expiries.length)`);
  for (let j = 0; j < v.length; j++) if (!Number.isFinite(v[j]!)) throw InvalidInputError.outOfRange(`${name}[${j}]`, v[j], '(-∞, ∞), finite');
  if (v.length === n) return v;
  return new Float64Array(n).fill(v[0]!);
}
