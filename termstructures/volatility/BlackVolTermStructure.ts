import { checkFinite } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { TermStructure, type DateOrTime } from '../TermStructure.js';

/**
 * Black (lognormal) implied volatility σ(t, K) and total variance w(t, K) = σ² t.
 *
 * @remarks
 * Subclasses implement `blackVarianceImpl(t, strike)` for t ≥ 0 (the total variance; the vol
 * follows as √(w / t), with σ(0, K) taken over a tiny time as QuantLib does). Vols are
 * annualised decimals (0.2 = 20 %).
 * Source: QuantLib `ql/termstructures/volatility/equityfx/blackvoltermstructure.hpp`.
 * @public
 */
export abstract class BlackVolTermStructure extends TermStructure {
  /** Total variance σ²t at a checked time and strike. */
  protected abstract blackVarianceImpl(t: number, strike: number): number;

  /** Smallest strike read without extrapolation. */
  minStrike(): number {
    return -Infinity;
  }

  /** Largest strike read without extrapolation. */
  maxStrike(): number {
    return Infinity;
  }

  /**
   * Total Black variance w(t, K) = σ(t, K)² t.
   * @param x - date or time in years ≥ 0.
   * @param strike - strike in price units; finite.
   * @param extrapolate - allow reads outside the time or strike range for this call.
   * @returns the variance, ≥ 0.
   * @throws InvalidInputError for negative/non-finite times or strikes, or outside the range
   * without extrapolation.
   */
  blackVariance(x: DateOrTime, strike: number, extrapolate = false): number {
    const t = this.checkedTime(x, extrapolate);
    this.checkStrike(strike, extrapolate);
    return this.blackVarianceImpl(t, strike);
  }

  /**
   * Black implied volatility σ(t, K) = √(w(t, K) / t).
   * @param x - date or time in years ≥ 0.
   * @param strike - strike in price units.
   * @returns the vol as a decimal.
   * @throws InvalidInputError as {@link BlackVolTermStructure.blackVariance}.
   */
  blackVol(x: DateOrTime, strike: number, extrapolate = false): number {
    const t = this.checkedTime(x, extrapolate);
    this.checkStrike(strike, extrapolate);
    const tt = Math.max(t, 1e-5);
    return Math.sqrt(this.blackVarianceImpl(tt, strike) / tt);
  }

  private checkStrike(strike: number, extrapolate: boolean): void {
    checkFinite('strike', strike);
    if (!(extrapolate || this.allowsExtrapolation()) && (strike < this.minStrike() || strike > this.maxStrike())) {
      throw InvalidInputError.outOfRange('strike', strike, `[${this.minStrike()}, ${this.maxStrike()}] (extrapolation not enabled)`);
    }
  }
}
