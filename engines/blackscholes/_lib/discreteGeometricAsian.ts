// Internal: closed-form price of a discrete geometric average-price Asian option (flat r, q, σ),
// for use as a Monte Carlo control variate. Never re-exported.
import { checkFinite, checkNonNegative } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { OptionType } from '../../../instruments/OptionType.js';
import { BlackCalculator } from '../BlackCalculator.js';
import { discreteGeometricAsianMoments } from './discreteGeometricAsianMoments.js';

/** Inputs of {@link discreteGeometricAsian}; flat continuously compounded rates and vol. */
export interface DiscreteGeometricAsianInputs {
  /** S > 0, the spot today. */
  readonly spot: number;
  /** Future fixing times in years from today, ascending, each ≥ 0 (a fixing at 0 fixes at S). */
  readonly fixingTimes: ArrayLike<number>;
  /** Product of the past fixings (QuantLib's runningAccumulator), > 0; 1 when there are none. Default 1. */
  readonly runningAccumulator?: number;
  /** Number of past fixings in the accumulator, integer ≥ 0. Default 0. */
  readonly pastFixings?: number;
  /** K > 0. */
  readonly strike: number;
  /** Call (1) or put (−1): payoff max(ω(G − K), 0) at `maturity`. */
  readonly optionType: OptionType;
  /** r, continuously compounded, flat. */
  readonly riskFreeRate: number;
  /** q, continuously compounded, flat. */
  readonly dividendYield: number;
  /** σ ≥ 0, flat. */
  readonly volatility: number;
  /** Payment time T ≥ 0 in years (the discount is e^{−rT}); usually the last fixing time. */
  readonly maturity: number;
}

/**
 * Price of a discrete geometric average-price Asian option under Black–Scholes with flat r, q, σ:
 * Black's formula on the lognormal G with forward E[G] and log-variance Var[ln G].
 *
 * Source: Kemna & Vorst (1990), "A pricing method for options based on average asset values",
 * J. Banking Finance 14, 113–129 (discrete form as in QuantLib's
 * `AnalyticDiscreteGeometricAveragePriceAsianEngine`, with past fixings).
 * Checked against: `test/engines/blackscholes/AnalyticDiscreteGeometricAveragePriceAsianEngine.test.ts`
 * (QuantLib 1.29 `asian.discrete.geometric_npv` to 1e-10 relative).
 *
 * @returns the present value in price units.
 * @throws InvalidInputError naming the argument outside its range.
 */
export function discreteGeometricAsian(inputs: DiscreteGeometricAsianInputs): number {
  const { spot, fixingTimes, strike, optionType, riskFreeRate: r, dividendYield: q, volatility: sigma, maturity } = inputs;
  checkFinite('riskFreeRate', r);
  checkFinite('dividendYield', q);
  checkNonNegative('volatility', sigma);
  checkNonNegative('maturity', maturity);
  const m = fixingTimes.length;
  const growths = new Float64Array(m);
  const variances = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const t = fixingTimes[i]!;
    checkNonNegative(`fixingTimes[${i}]`, t);
    if (i > 0 && t < fixingTimes[i - 1]!) throw InvalidInputError.outOfRange(`fixingTimes[${i}]`, t, `[${fixingTimes[i - 1]}, ∞): ascending`);
    growths[i] = (r - q) * t;
    variances[i] = sigma * sigma * t;
  }
  const mo = discreteGeometricAsianMoments(spot, growths, variances, inputs.runningAccumulator ?? 1, inputs.pastFixings ?? 0);
  return new BlackCalculator(optionType, strike, mo.forward, mo.stdDev, Math.exp(-r * maturity)).value();
}
