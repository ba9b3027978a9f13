import { checkPositive } from '../../../src/_lib/checks.js';
import type { OptionType } from '../../../instruments/OptionType.js';
import { blackFormulaImpliedStdDev } from './blackFormulaImpliedStdDev.js';

/**
 * Implied Black-76 volatility σ of a price: {@link blackFormulaImpliedStdDev} divided by √T.
 *
 * @remarks
 * σ annualised (0.2 = 20 %) for an expiry T in years (the year fraction of the vol surface,
 * e.g. Actual/365 Fixed). Same accuracy statement, method and errors as
 * {@link blackFormulaImpliedStdDev}. For a spot-quoted option use F = S·e^((r−q)T) and D = e^(−rT).
 *
 * Source: P. Jäckel, "Let's Be Rational", Wilmott (2015) 40–53 (2016 revision).
 *
 * Checked against: QuantLib 1.29 implied vols (`bsm_implied_vol` reference section) and round
 * trips (test/engines/blackscholes/formulas/impliedVolatility.test.ts).
 *
 * @param optionType - `OptionType.Call` or `OptionType.Put`.
 * @param strike - K; K + displacement > 0.
 * @param forward - F; F + displacement > 0.
 * @param blackPrice - discounted price in [D·(ω(F − K))⁺, D·F) for calls, [.., D·K) for puts.
 * @param expiry - T > 0 in years.
 * @param discount - D > 0; default 1.
 * @param displacement - d ≥ 0; default 0.
 * @returns σ ≥ 0, annualised.
 * @throws InvalidInputError when the price is outside [intrinsic, upper bound) or another argument
 *   is outside its range; the message names it.
 *
 * @example
 * ```ts
 * import { impliedBlackVolatility, OptionType } from 'quantflow';
 * impliedBlackVolatility(OptionType.Put, 100, 100, 7.57708214642728, 1, 0.951229424500714);
 * //=> 0.20000000000000018
 * ```
 * @public
 */
export function impliedBlackVolatility(
  optionType: OptionType,
  strike: number,
  forward: number,
  blackPrice: number,
  expiry: number,
  discount = 1,
  displacement = 0,
): number {
  checkPositive('expiry', expiry);
  return blackFormulaImpliedStdDev(optionType, strike, forward, blackPrice, discount, displacement) / Math.sqrt(expiry);
}
