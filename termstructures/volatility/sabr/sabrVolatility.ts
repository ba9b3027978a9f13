import { checkFinite, checkNonNegative } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { SabrParameters } from './SabrParameters.js';
import { checkSabrParameters } from './_lib/checkSabrParameters.js';
import { haganLognormalVol, haganNormalVol, oblojLognormalVol } from './_lib/sabrFormulas.js';

/**
 * Options of {@link sabrVolatility}.
 * @public
 */
export interface SabrVolatilityOptions {
  /**
   * `'lognormal'` (default): the Black vol (of the shifted forward and strike when `shift` ≠ 0);
   * `'normal'`: the Bachelier (normal) vol, in price units per √year, which is the same with or
   * without the shift.
   */
  readonly volatilityType?: 'lognormal' | 'normal';
  /** `'hagan2002'` (default) or `'obloj2008'` (lognormal only: Obłój's corrected leading term). */
  readonly approximation?: 'hagan2002' | 'obloj2008';
  /** Displacement s ≥ 0 of shifted SABR (the formulas are applied to F + s and K + s); default 0. */
  readonly shift?: number;
}

/**
 * SABR implied volatility of a strike: Hagan et al.'s lognormal (Black) expansion, Obłój's
 * correction of it, or the normal (Bachelier) expansion, optionally shifted.
 *
 * @remarks
 * Lognormal, Hagan et al. (2002) eq. (2.17a)–(2.17b), with l = ln(F/K):
 * σ_B = α / ((FK)^{(1−β)/2}(1 + (1−β)²l²/24 + (1−β)⁴l⁴/1920)) · z/x(z) ·
 * (1 + [(1−β)²α²/(24(FK)^{1−β}) + ρβνα/(4(FK)^{(1−β)/2}) + (2−3ρ²)ν²/24]T),
 * z = (ν/α)(FK)^{(1−β)/2} l, x(z) = ln((√(1−2ρz+z²) + z − ρ)/(1 − ρ)).
 * Near the money, as QuantLib 1.29 does: l = ε − ε²/2 with ε = (F − K)/K when F and K agree to
 * 42 ulps, and z/x(z) = 1 − ρz/2 − (3ρ² − 2)z²/12 when z² ≤ 10·2⁻⁵², so K = F gives exactly
 * α/F^{1−β}·(1 + [...]T).
 * Obłój (2008): the leading factor is replaced by ν·l/x(z) with z = ν(F^{1−β} − K^{1−β})/(α(1−β))
 * (z = νl/α for β = 1); the bracket [...]T is Hagan's.
 * Normal: Hagan et al. (2002), Appendix B, normal-vol expansion in its geometric-average form:
 * σ_N = α(FK)^{β/2}·(1 + l²/24 + l⁴/1920)/(1 + (1−β)²l²/24 + (1−β)⁴l⁴/1920)·z/x(z)·
 * (1 + [−β(2−β)α²/(24(FK)^{1−β}) + ρβνα/(4(FK)^{(1−β)/2}) + (2−3ρ²)ν²/24]T).
 * Shifted SABR applies each formula to F + s and K + s.
 * Source: P. S. Hagan, D. Kumar, A. S. Lesniewski, D. E. Woodward (2002), "Managing smile risk",
 * Wilmott Magazine, Sept., 84–108, eqs. (2.17a)–(2.17b) and Appendix B; J. Obłój (2008), "Fine-tune
 * your smile: correction to Hagan et al.", Wilmott Magazine, May; QuantLib 1.29 `sabrVolatility`,
 * `shiftedSabrVolatility` (near-the-money treatment).
 * Checked against: every QuantLib 1.29 `sabr` case (lognormal, normal, shifted) to 1e-10
 * relative; the ATM limit; ν → 0 (β = 1: σ = α; β < 1: Hagan–Woodward 1999 CEV vol); Obłój = Hagan
 * at the money; Antonov–Spector's quoted Hagan vols (test/termstructures/volatility/sabr.test.ts).
 *
 * @example
 * ```ts
 * import { sabrVolatility } from 'quantflow';
 * sabrVolatility(100, 100, 1, { alpha: 0.2, beta: 1, nu: 0.5, rho: -0.4 }); //=> 0.2011666666666667
 * ```
 * @param strike - K (price or rate units), finite, with K + shift > 0.
 * @param forward - F, finite, with F + shift > 0.
 * @param expiryTime - T ≥ 0 in years.
 * @param parameters - α > 0, β ∈ [0, 1], ν ≥ 0, ρ ∈ (−1, 1) ({@link SabrParameters}).
 * @param options - vol type, approximation, shift ({@link SabrVolatilityOptions}).
 * @returns the Black vol (annualised decimal) or the normal vol (price units per √year).
 * @throws InvalidInputError when an argument is outside its range (naming it, its value and the
 *   range), or `obloj2008` is asked with `volatilityType: 'normal'`.
 * @public
 */
export function sabrVolatility(strike: number, forward: number, expiryTime: number, parameters: SabrParameters, options: SabrVolatilityOptions = {}): number {
  const shift = options.shift ?? 0;
  checkNonNegative('options.shift', shift);
  checkFinite('strike', strike);
  checkFinite('forward', forward);
  if (!(strike + shift > 0)) throw InvalidInputError.outOfRange('strike', strike, `(${-shift}, ∞) (strike + shift > 0)`);
  if (!(forward + shift > 0)) throw InvalidInputError.outOfRange('forward', forward, `(${-shift}, ∞) (forward + shift > 0)`);
  checkNonNegative('expiryTime', expiryTime);
  checkSabrParameters('parameters', parameters);
  const type = options.volatilityType ?? 'lognormal';
  const approximation = options.approximation ?? 'hagan2002';
  if (type !== 'lognormal' && type !== 'normal') throw InvalidInputError.outOfRange('options.volatilityType', type, "{'lognormal', 'normal'}");
  if (approximation !== 'hagan2002' && approximation !== 'obloj2008') throw InvalidInputError.outOfRange('options.approximation', approximation, "{'hagan2002', 'obloj2008'}");
  const k = strike + shift;
  const f = forward + shift;
  if (type === 'normal') {
    if (approximation !== 'hagan2002') throw InvalidInputError.outOfRange('options.approximation', approximation, "{'hagan2002'} (with volatilityType 'normal')");
    return haganNormalVol(k, f, expiryTime, parameters);
  }
  return approximation === 'obloj2008' ? oblojLognormalVol(k, f, expiryTime, parameters) : haganLognormalVol(k, f, expiryTime, parameters);
}
