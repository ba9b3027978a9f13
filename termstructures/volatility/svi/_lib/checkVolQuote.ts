// Internal: the per-strike check of a bid/ask vol quote set, shared by the SVI smile fit and the
// (e)SSVI surface fits.
import { InvalidInputError } from '../../../../src/errors.js';
import type { SviSmileQuotes } from '../fitSviSmile.js';

/**
 * Checks quote i of one expiry: strike finite > 0, bid vol finite > 0, ask vol finite ≥ bid, mid
 * vol finite > 0 (default (bid + ask)/2).
 * @param name - the expiry's name in messages (`quotes`, `quotes[s]`).
 * @returns the mid vol.
 * @throws InvalidInputError naming `${name}.strikes[i]`, `.bidVols[i]`, `.askVols[i]` or `.midVols[i]`.
 */
export function checkVolQuote(name: string, q: SviSmileQuotes, i: number): number {
  const K = q.strikes[i] as number;
  const b = q.bidVols[i] as number;
  const a = q.askVols[i] as number;
  if (!(K > 0) || !Number.isFinite(K)) throw InvalidInputError.outOfRange(`${name}.strikes[${i}]`, K, '(0, ∞)');
  if (!(b > 0) || !Number.isFinite(b)) throw InvalidInputError.outOfRange(`${name}.bidVols[${i}]`, b, '(0, ∞)');
  if (!(a >= b) || !Number.isFinite(a)) throw InvalidInputError.outOfRange(`${name}.askVols[${i}]`, a, `[${b}, ∞) (at least the bid vol)`);
  const m = q.midVols === undefined ? 0.5 * (b + a) : (q.midVols[i] as number);
  if (!(m > 0) || !Number.isFinite(m)) throw InvalidInputError.outOfRange(`${name}.midVols[${i}]`, m, '(0, ∞)');
  return m;
}
