import { InvalidInputError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { PricingEngine } from '../PricingEngine.js';
import { BlackCalculator } from './BlackCalculator.js';

/**
 * Closed-form pricing of European vanilla options under Black–Scholes–Merton, with Greeks.
 *
 * @remarks
 * Reduces the market to forward F = S · D_q(T) / D_r(T), standard deviation s = √w(T, K) from
 * the vol surface's total variance at the strike, and discount D_r(T), then applies
 * {@link BlackCalculator}. Greeks (QuantLib conventions): delta, gamma, vega (per 1.00 of vol),
 * theta (per year), thetaPerDay, rho and dividendRho (per 1.00), deltaForward, elasticity,
 * strikeSensitivity, itmCashProbability. Each sensitivity uses the time of the curve it
 * differentiates (vol, risk-free, dividend day counters).
 * Additional results: `spot`, `forward`, `strike`, `volatility`, `timeToExpiry` (vol time),
 * `riskFreeDiscount`, `dividendDiscount`.
 * Observes: the process.
 * Source: Black & Scholes (1973); Merton (1973); QuantLib
 * `ql/pricingengines/vanilla/analyticeuropeanengine.hpp`.
 * Checked against: `test/engines/blackscholes/AnalyticEuropeanEngine.test.ts` (QuantLib 1.29
 * `bsm_european` cases at 1e-10, bump-and-reprice Greeks, put–call parity).
 *
 * @public
 */
export class AnalyticEuropeanEngine extends PricingEngine<VanillaOptionArguments> {
  /** @param process - the Black–Scholes–Merton process (spot, curves, vol surface). */
  constructor(readonly process: GeneralizedBlackScholesProcess) {
    super();
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the exercise is not European or the payoff is not plain vanilla.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spot or a curve quote is invalid.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    if (args.exercise.type !== ExerciseType.European) {
      throw InvalidInputError.outOfRange('exercise.type', args.exercise.type, '{European}');
    }
    if (!(args.payoff instanceof PlainVanillaPayoff)) {
      throw InvalidInputError.outOfRange('payoff', args.payoff.name(), '{Vanilla}');
    }
    const p = this.process;
    const expiry = args.exercise.lastDate();
    const strike = args.payoff.strike;
    const spot = p.x0.currentLink().value();
    if (!(spot > 0)) throw InvalidInputError.outOfRange('spot', spot, '(0, ∞)');
    const vol = p.blackVolatility.currentLink();
    const riskFree = p.riskFreeRate.currentLink();
    const dividend = p.dividendYield.currentLink();
    const variance = vol.blackVariance(expiry, strike);
    const riskFreeDiscount = riskFree.discount(expiry);
    const dividendDiscount = dividend.discount(expiry);
    const forward = (spot * dividendDiscount) / riskFreeDiscount;
    const black = new BlackCalculator(args.payoff.optionType, strike, forward, Math.sqrt(variance), riskFreeDiscount);

    const tVol = vol.timeFromReference(expiry);
    const tRate = riskFree.timeFromReference(expiry);
    const tDiv = dividend.timeFromReference(expiry);
    const theta = black.theta(spot, tRate);
    return {
      value: black.value(),
      greeks: {
        delta: black.delta(spot),
        gamma: black.gamma(spot),
        vega: black.vega(tVol),
        theta,
        thetaPerDay: theta / 365,
        rho: black.rho(tRate),
        dividendRho: black.dividendRho(tDiv),
        deltaForward: black.deltaForward(),
        elasticity: black.elasticity(spot),
        strikeSensitivity: black.strikeSensitivity(),
        itmCashProbability: black.itmCashProbability(),
      },
      additionalResults: {
        spot,
        forward,
        strike,
        volatility: tVol > 0 ? Math.sqrt(variance / tVol) : 0,
        timeToExpiry: tVol,
        riskFreeDiscount,
        dividendDiscount,
      },
    };
  }
}
