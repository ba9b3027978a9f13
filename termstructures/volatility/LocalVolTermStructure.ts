import { checkFinite } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { TermStructure, type DateOrTime } from '../TermStructure.js';

/**
 * Local volatility σ_loc(t, S): the diffusion coefficient of dS/S = (r − q) dt + σ_loc(t, S) dW
 * that reproduces a given implied-volatility surface (Dupire 1994).
 *
 * @remarks
 * Subclasses implement `localVolImpl(t, underlyingLevel)` for a checked time t ≥ 0 and a level
 * S > 0. Vols are annualised decimals.
 * Source: QuantLib `ql/termstructures/volatility/equityfx/localvoltermstructure.hpp`;
 * B. Dupire (1994), "Pricing with a smile", Risk 7(1).
 * @public
 */
export abstract class LocalVolTermStructure extends TermStructure {
  /** Local vol at a checked time and a positive finite level. */
  protected abstract localVolImpl(t: number, underlyingLevel: number): number;

  /** Smallest underlying level read without extrapolation. */
  minStrike(): number {
    return 0;
  }

  /** Largest underlying level read without extrapolation. */
  maxStrike(): number {
    return Infinity;
  }

  /**
   * Local volatility σ_loc(t, S).
   * @param x - date or time in years ≥ 0.
   * @param underlyingLevel - level S of the underlying in price units; finite and > 0.
   * @param extrapolate - allow reads outside the time or level range for this call.
   * @returns the local vol as a decimal, ≥ 0.
   * @throws InvalidInputError for negative/non-finite times, non-positive or non-finite levels,
   * or reads outside the range without extrapolation.
   */
  localVol(x: DateOrTime, underlyingLevel: number, extrapolate = false): number {
    const t = this.checkedTime(x, extrapolate);
    checkFinite('underlyingLevel', underlyingLevel);
    if (!(underlyingLevel > 0)) throw InvalidInputError.outOfRange('underlyingLevel', underlyingLevel, '(0, ∞)');
    if (!(extrapolate || this.allowsExtrapolation()) && (underlyingLevel < this.minStrike() || underlyingLevel > this.maxStrike())) {
      throw InvalidInputError.outOfRange('underlyingLevel', underlyingLevel, `[${this.minStrike()}, ${this.maxStrike()}] (extrapolation not enabled)`);
    }
    return this.localVolImpl(t, underlyingLevel);
  }
}
