import { checkFinite, checkNonNegative } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import { impliedStdDev } from '../../../src/kernels/_lib/impliedVolTable.js';
import type { OptionType } from '../../../instruments/OptionType.js';
import { checkBlackArguments, checkOptionType } from './_lib/checkFormulaArguments.js';
import { priceOutOfRange } from './_lib/priceOutOfRange.js';

const RANGE = 'from the discounted intrinsic value up to, not including, D·(F + d) for calls or D·(K + d) for puts';

/**
 * Implied standard deviation s = σ√T of a Black-76 price, by Jäckel's "Let's Be Rational".
 *
 * @remarks
 * Solves {@link blackFormula}(optionType, strike, forward, s, discount, displacement) = blackPrice
 * for s. The undiscounted price p = blackPrice/D loses its intrinsic value (ω(F − K))⁺ and is
 * normalised by √((F+d)(K+d)); the out-of-the-money normalised price β is then inverted. Where
 * |ln(F/K)| ≲ 10·s and s ≲ 2 (at the money; more further out) — practically every quoted option —
 * a tabulated guess good to 1e-5 (bicubic in coordinates of the Bachelier limit,
 * docs/models/implied-volatility.md) takes one third-order Householder step on b − β. Elsewhere
 * the full method runs: the four-branch rational initial guess (lower map, two rational cubic
 * middle pieces, upper map) and at most two Householder(3) steps on the branch's objective
 * function (1/ln b, b, or ln(b_max − b)). Both land on the same s to a few ulps. Cost: a handful
 * of exp/log/Φ evaluations, no loop to convergence; the first call builds or copies the table.
 *
 * Accuracy. Write τ = p − (ω(F − K))⁺ for the time value. The round trip
 * price → s → {@link blackFormula} reproduces blackPrice to ≤ 1e-13 relative whenever the price
 * carries information about s, i.e. whenever
 *   (a) τ ≥ 2⁻⁵⁰·max(F+d, K+d) ≈ 8.9e-16·max(F+d, K+d) (the time value stands above the rounding
 *       of the intrinsic value and of the forward), and
 *   (b) τ/√((F+d)(K+d)) ≥ 1e-300 (the normalised price is a normal double), and
 *   (c) |ln((F+d)/(K+d))| ≤ 700 (e^(±x/2) representable).
 * Outside (a) the price is intrinsic value plus round-off: the returned s (possibly 0) still
 * reprices blackPrice to ≈ 1e-15 relative, but s itself is arbitrary. The implied s is as accurate
 * as the price allows: a relative price error δ moves s by δ·V/(s·∂V/∂s) relative, which is large
 * deep in or out of the money.
 *
 * Same name and first six arguments as QuantLib's `blackFormulaImpliedStdDev`; no guess,
 * accuracy or iteration arguments are needed.
 *
 * Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53 (2016 revision): §3
 * normalised Black function, §4 initial guess, §5 rational cubic (Delbourgo–Gregory 1985),
 * §6 Householder(3) iteration; Φ⁻¹ by Wichura's AS 241 (1988). The tabulated guess follows the
 * idea of K. Glau, P. Herold, D. B. Madan, C. Pötz, "The Chebyshev method for the implied
 * volatility", J. Comput. Finance (2019), arXiv:1710.01797 (interpolate s in transformed
 * coordinates).
 *
 * Checked against: QuantLib 1.29 `blackFormulaImpliedStdDev` and `VanillaOption.impliedVolatility`
 * (section `bsm_implied_vol` of test/reference/quantlib-1.29.json); fast-check round trips over
 * random (F, K, T, σ), |ln(F/K)| up to 10 standard deviations, calls and puts
 * (test/engines/blackscholes/formulas/impliedVolatility.test.ts).
 *
 * @param optionType - `OptionType.Call` or `OptionType.Put`.
 * @param strike - K; K + displacement > 0 (price units).
 * @param forward - F; F + displacement > 0 (price units).
 * @param blackPrice - the option's price, discounted by D; D·(ω(F − K))⁺ ≤ blackPrice < D·(F+d)
 *   for calls, < D·(K+d) for puts.
 * @param discount - D > 0; default 1.
 * @param displacement - d ≥ 0; default 0.
 * @returns s = σ√T ≥ 0 (0 exactly when blackPrice equals the discounted intrinsic value).
 * @throws InvalidInputError when blackPrice is below the discounted intrinsic value or at or above
 *   the upper bound (the message names the price and the allowed range), or when another argument
 *   is outside its range.
 *
 * @example
 * ```ts
 * import { blackFormulaImpliedStdDev, OptionType } from 'quantflow';
 * blackFormulaImpliedStdDev(OptionType.Call, 100, 100, 7.57708214642728, 0.951229424500714);
 * //=> 0.20000000000000018
 * ```
 * @see blackFormula
 * @see impliedBlackVolatility
 * @public
 */
export function blackFormulaImpliedStdDev(
  optionType: OptionType,
  strike: number,
  forward: number,
  blackPrice: number,
  discount = 1,
  displacement = 0,
): number {
  checkOptionType(optionType);
  checkBlackArguments(strike, forward, undefined, discount, displacement);
  checkFinite('blackPrice', blackPrice);
  checkNonNegative('blackPrice', blackPrice);
  const f = forward + displacement;
  const k = strike + displacement;
  if (!(k > 0)) throw InvalidInputError.outOfRange('strike', strike, `(${-displacement}, ∞) (strike + displacement > 0: the price does not depend on vol at K + d = 0)`);
  // Bounds compared in discounted terms, as blackFormula computes them (D·intrinsic exactly).
  const lower = discount * Math.max(optionType * (f - k), 0);
  const upper = discount * (optionType > 0 ? f : k);
  if (!(blackPrice >= lower && blackPrice < upper)) throw priceOutOfRange('blackPrice', blackPrice, lower, upper, RANGE);
  return impliedStdDev(blackPrice / discount, f, k, optionType);
}
