import { impliedStdDev } from './_lib/impliedVolTable.js';

/** An input column: length n, or length 1 (broadcast). */
type Column = Float64Array | Int8Array;

/**
 * Implied Black-76 volatilities over struct-of-arrays inputs, in plain TypeScript: the oracle for
 * the WebAssembly implied-vol kernels and their fallback.
 *
 * @remarks
 * Per option: p = price/D, s = implied standard deviation of p (the tabulated guess and one
 * Householder(3) step where the table reaches, else Jäckel's "Let's Be Rational": four-branch
 * rational initial guess, at most two steps), σ = s/√T. The same algorithm, table, approximations
 * (the kernels' exp, log, Φ, Cody's erfcx, AS 241 Φ⁻¹) and operation order as
 * `kernels/impliedvol.ts`, so the paths agree to the last bits. No validation: the
 * caller ({@link impliedBlackVolatilityBatch}) checks every input, including that each price lies
 * in [discounted intrinsic value, discounted upper bound).
 *
 * Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, 2016 revision.
 *
 * Checked against: QuantLib 1.29 implied vols and round trips through `blackFormula`; the
 * WebAssembly kernels on 10^5 random inputs (test/kernels/impliedVol.test.ts).
 *
 * @param n - number of options.
 * @param prices - discounted option prices, length n or 1.
 * @param forwards - forwards F > 0, length n or 1.
 * @param strikes - strikes K > 0, length n or 1.
 * @param expiries - T > 0 in years, length n or 1.
 * @param discounts - discount factors D > 0, length n or 1.
 * @param optionTypes - +1 call / −1 put, length n or 1.
 * @param out - output σ (annualised), length ≥ n.
 * @internal
 */
export function impliedBlackVolatilityReference(
  n: number,
  prices: Column, forwards: Column, strikes: Column, expiries: Column, discounts: Column, optionTypes: Column,
  out: Float64Array,
): void {
  const sP = prices.length === 1 ? 0 : 1;
  const sF = forwards.length === 1 ? 0 : 1;
  const sK = strikes.length === 1 ? 0 : 1;
  const sT = expiries.length === 1 ? 0 : 1;
  const sD = discounts.length === 1 ? 0 : 1;
  const sW = optionTypes.length === 1 ? 0 : 1;
  for (let i = 0; i < n; i++) {
    const s = impliedStdDev(prices[i * sP] / discounts[i * sD], forwards[i * sF], strikes[i * sK], optionTypes[i * sW]);
    out[i] = s / Math.sqrt(expiries[i * sT]);
  }
}
