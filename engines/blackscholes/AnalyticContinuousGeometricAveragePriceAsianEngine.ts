import { InvalidInputError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { AverageType } from '../../instruments/AverageType.js';
import type { ContinuousAveragingAsianOptionArguments } from '../../instruments/ContinuousAveragingAsianOption.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import { PricingEngine } from '../PricingEngine.js';
import { BlackCalculator } from './BlackCalculator.js';

/**
 * Closed-form price of a continuously averaged geometric average-price Asian option
 * (Kemna–Vorst) under Black–Scholes–Merton, the average running from today to expiry.
 *
 * @remarks
 * ln G = (1/T)∫₀ᵀ ln S_u du is normal with mean ln S + (r − q − σ²/2) T/2 and variance σ²T/3,
 * so the option is Black's formula with forward E[G] = S exp((r − q)T/2 − σ²T/12),
 * standard deviation σ√(T/3) and discount e^{−rT}. r and q are the curves' continuously
 * compounded zero rates to expiry and σ² T the vol surface's total variance at (T, K) — exact
 * for flat inputs, as in QuantLib.
 * Payoffs: any striked payoff of {@link BlackCalculator} on G.
 * Greeks (chain rule through E[G] and the standard deviation): delta, gamma, vega (per 1.00 of
 * vol), rho, dividendRho (per 1.00 of rate). Theta is not produced (the averaging window is
 * anchored at the evaluation date).
 * Additional results: `spot`, `forward` (E[G]), `stdDev`, `strike`, `riskFreeDiscount`,
 * `timeToExpiry` (vol time), `volatility`.
 * Observes: the process.
 * Source: Kemna & Vorst (1990), "A pricing method for options based on average asset values",
 * J. Banking Finance 14, 113–129; Haug (2007), The Complete Guide to Option Pricing Formulas,
 * 2nd ed., §4.20.1 (geometric average-rate options); QuantLib
 * `ql/pricingengines/asian/analytic_cont_geom_av_price.hpp`.
 * Checked against: `test/engines/blackscholes/AnalyticContinuousGeometricAveragePriceAsianEngine.test.ts`
 * (QuantLib 1.29 `asian.continuous_geometric` at 1e-10 relative, Haug's example, Greeks by
 * bump-and-reprice).
 * @public
 */
export class AnalyticContinuousGeometricAveragePriceAsianEngine extends PricingEngine<ContinuousAveragingAsianOptionArguments> {
  /** @param process - the Black–Scholes–Merton process (spot, curves, vol surface). */
  constructor(readonly process: GeneralizedBlackScholesProcess) {
    super();
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the exercise is not European, the average is not geometric,
   * the payoff is not supported or the spot is not positive.
   */
  calculate(args: ContinuousAveragingAsianOptionArguments): PricingResults {
    if (args.exercise.type !== ExerciseType.European) {
      throw InvalidInputError.outOfRange('exercise.type', args.exercise.type, '{European}');
    }
    if (args.averageType !== AverageType.Geometric) {
      throw InvalidInputError.outOfRange('averageType', args.averageType, '{Geometric}');
    }
    const p = this.process;
    const spot = p.spot();
    const vol = p.blackVolatility.currentLink();
    const riskFree = p.riskFreeRate.currentLink();
    const dividend = p.dividendYield.currentLink();
    const strike = args.payoff.strike;
    const expiry = args.exercise.lastDate();
    const variance = vol.blackVariance(expiry, strike);
    const tVol = vol.timeFromReference(expiry);
    const tRate = riskFree.timeFromReference(expiry);
    const tDiv = dividend.timeFromReference(expiry);
    const riskFreeDiscount = riskFree.discount(expiry);
    const dividendDiscount = dividend.discount(expiry);
    // ln E[G] = ln S + ½ ln(D_q/D_r) − w/12.
    const forward = spot * Math.exp(0.5 * Math.log(dividendDiscount / riskFreeDiscount) - variance / 12);
    const stdDev = Math.sqrt(variance / 3);
    const black = BlackCalculator.fromPayoff(args.payoff, forward, stdDev, riskFreeDiscount);
    const value = black.value();
    const dF = black.deltaForward();
    const sigma = tVol > 0 ? Math.sqrt(variance / tVol) : 0;
    return {
      value,
      greeks: {
        delta: black.delta(spot),
        gamma: black.gamma(spot),
        // ∂ln E[G]/∂σ = −σT/6, ∂s/∂σ = √(T/3).
        vega: dF * forward * (-sigma * tVol / 6) + black.vega(1) * Math.sqrt(tVol / 3),
        rho: -tRate * value + dF * forward * 0.5 * tRate,
        dividendRho: -dF * forward * 0.5 * tDiv,
      },
      additionalResults: { spot, forward, stdDev, strike, riskFreeDiscount, timeToExpiry: tVol, volatility: sigma },
    };
  }
}
