import { checkFinite, checkNonNegative, checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import { LazyObject } from '../../../src/patterns/LazyObject.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { quoteHandle } from '../../_lib/quoteHandle.js';
import type { SabrParameters } from './SabrParameters.js';
import { sabrVolatility } from './sabrVolatility.js';
import { checkSabrParameters } from './_lib/checkSabrParameters.js';

/**
 * Options of {@link SabrSmileSection}: the quoting convention, the expansion and the shift.
 * @public
 */
export interface SabrSmileSectionOptions {
  /** `'lognormal'` (default): `volatility()` is the Black vol (of K + s, F + s); `'normal'`: the Bachelier vol. */
  readonly volatilityType?: 'lognormal' | 'normal';
  /** `'hagan2002'` (default) or `'obloj2008'` (lognormal only). */
  readonly approximation?: 'hagan2002' | 'obloj2008';
  /** Shift s ≥ 0 of shifted SABR (price or rate units); default 0. */
  readonly shift?: number;
}

/**
 * One expiry's smile given by SABR parameters: vol and variance by strike in the Black or the
 * Bachelier convention, optionally shifted.
 *
 * @remarks
 * vol(K) = {@link sabrVolatility}(K, F, T, {α, β, ν, ρ}, options); variance(K) = vol(K)²·T (Black
 * total variance, or normal variance in price units² for the Bachelier convention). A lazy object
 * (nothing to compute for fixed parameters); {@link SabrFittedSmileSection} overrides
 * `parameters()`. Observes the forward quote when one is given as a handle.
 * Source: P. S. Hagan et al. (2002), "Managing smile risk", Wilmott, eq. (2.17a)–(2.17b);
 * QuantLib `ql/termstructures/volatility/sabrsmilesection.hpp`.
 * Checked against: the QuantLib 1.29 `sabr` cases through the section, a forward tick notifying
 * and changing the ATM vol (test/termstructures/volatility/sabrSmile.test.ts).
 *
 * @example
 * ```ts
 * import { SabrSmileSection } from 'quantflow';
 * const s = new SabrSmileSection(1, 100, { alpha: 0.2, beta: 1, nu: 0.5, rho: -0.4 });
 * s.volatility(100); //=> 0.2011666666666667
 * ```
 * @public
 */
export class SabrSmileSection extends LazyObject {
  private readonly time: number;
  private readonly forwardQuote: Handle<Quote>;
  private readonly fixed: SabrParameters | undefined;
  private readonly opts: Required<SabrSmileSectionOptions>;

  /**
   * @param exerciseTime - T > 0 in years.
   * @param forward - F with F + shift > 0 (price or rate units), or a quote handle (observed).
   * @param parameters - a valid SABR set; omitted only by subclasses that override `parameters()`.
   * @param options - vol convention, expansion and shift ({@link SabrSmileSectionOptions}).
   * @throws InvalidInputError when T is not > 0, F + shift is not > 0, the shift is negative, or
   *   the parameters are out of range (α > 0, β ∈ [0, 1], ν ≥ 0, ρ ∈ (−1, 1)).
   */
  constructor(exerciseTime: number, forward: number | Handle<Quote>, parameters?: SabrParameters, options: SabrSmileSectionOptions = {}) {
    super();
    checkPositive('exerciseTime', exerciseTime);
    const shift = options.shift ?? 0;
    checkNonNegative('options.shift', shift);
    const volatilityType = options.volatilityType ?? 'lognormal';
    const approximation = options.approximation ?? 'hagan2002';
    if (volatilityType !== 'lognormal' && volatilityType !== 'normal') throw InvalidInputError.outOfRange('options.volatilityType', volatilityType, "{'lognormal', 'normal'}");
    if (approximation !== 'hagan2002' && approximation !== 'obloj2008') throw InvalidInputError.outOfRange('options.approximation', approximation, "{'hagan2002', 'obloj2008'}");
    if (volatilityType === 'normal' && approximation !== 'hagan2002') throw InvalidInputError.outOfRange('options.approximation', approximation, "{'hagan2002'} (with volatilityType 'normal')");
    this.opts = { shift, volatilityType, approximation };
    this.time = exerciseTime;
    this.forwardQuote = quoteHandle('forward', forward, (name, f) => {
      checkFinite(name, f);
      if (!(f + shift > 0)) throw InvalidInputError.outOfRange(name, f, `(${-shift}, ∞) (forward + shift > 0)`);
    });
    this.registerWith(this.forwardQuote);
    if (parameters !== undefined) checkSabrParameters('parameters', parameters);
    this.fixed = parameters === undefined ? undefined : Object.freeze({ ...parameters });
  }

  /** Nothing to compute for fixed parameters; fitted subclasses override. */
  protected performCalculations(): void {}

  /** Time to expiry T in years. */
  exerciseTime(): number {
    return this.time;
  }

  /** The shift s ≥ 0 (0 for plain SABR). */
  shift(): number {
    return this.opts.shift;
  }

  /** The convention of `volatility()`: `'lognormal'` (Black) or `'normal'` (Bachelier). */
  volatilityType(): 'lognormal' | 'normal' {
    return this.opts.volatilityType;
  }

  /** The expansion: `'hagan2002'` or `'obloj2008'`. */
  approximation(): 'hagan2002' | 'obloj2008' {
    return this.opts.approximation;
  }

  /**
   * The forward F, read from its quote.
   * @throws InvalidInputError when F + shift is not > 0; QuantflowError for an invalid quote.
   */
  forward(): number {
    this.calculate();
    return this.forwardValue();
  }

  /** The forward's quote value, checked, without bringing the object up to date (for subclasses' calculations). */
  protected forwardValue(): number {
    const f = this.forwardQuote.currentLink().value();
    if (!(f + this.opts.shift > 0) || !Number.isFinite(f)) throw InvalidInputError.outOfRange('forward', f, `(${-this.opts.shift}, ∞) (forward + shift > 0)`);
    return f;
  }

  /**
   * The SABR parameters {α, β, ν, ρ} of the slice.
   * @throws whatever the subclass's calculation throws (a fit's errors).
   */
  parameters(): SabrParameters {
    this.calculate();
    if (this.fixed === undefined) throw InvalidInputError.outOfRange('parameters', undefined, 'a SABR set (or a subclass that fits one)');
    return this.fixed;
  }

  /**
   * The implied vol at a strike in the section's convention.
   * @param strike - K with K + shift > 0.
   * @returns Black vol (annualised decimal) or normal vol (price units per √year).
   * @throws InvalidInputError when K + shift is not > 0.
   */
  volatility(strike: number): number {
    const p = this.parameters();
    return sabrVolatility(strike, this.forward(), this.time, p, this.opts);
  }

  /**
   * vol(K)²·T: Black total variance (dimensionless) or normal variance (price units²).
   * @param strike - K with K + shift > 0.
   * @throws InvalidInputError when K + shift is not > 0.
   */
  variance(strike: number): number {
    const v = this.volatility(strike);
    return v * v * this.time;
  }
}
