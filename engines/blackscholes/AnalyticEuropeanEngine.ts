import { InvalidInputError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import { AssetOrNothingPayoff } from '../../instruments/payoffs/AssetOrNothingPayoff.js';
import { CashOrNothingPayoff } from '../../instruments/payoffs/CashOrNothingPayoff.js';
import { GapPayoff } from '../../instruments/payoffs/GapPayoff.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { PricingEngine } from '../PricingEngine.js';
import { BlackCalculator } from './BlackCalculator.js';

/**
 * Closed-form pricing of European options with a striked payoff (plain vanilla, cash-or-nothing,
 * asset-or-nothing, gap) under Black–Scholes–Merton, with Greeks.
 *
 * @remarks
 * Reduces the market to forward F = S · D_q(T) / D_r(T), standard deviation s = √w(T, K) from
 * the vol surface's total variance at the strike, and discount D_r(T), then applies
 * {@link BlackCalculator}. Greeks (QuantLib conventions): delta, gamma, vega (per 1.00 of vol),
 * theta (per year), thetaPerDay, rho and dividendRho (per 1.00), deltaForward, elasticity,
 * strikeSensitivity (the digital's cash and the gap's second strike held fixed),
 * itmCashProbability; and vanna = ∂²V/∂S∂σ, volga = ∂²V/∂σ² (per 1.00 of vol), charm = ∂Δ/∂t
 * (per year of calendar time), speed = ∂³V/∂S³. Each sensitivity uses the time of the curve it
 * differentiates (vol, risk-free, dividend day counters); theta and charm use the risk-free time.
 * A cash-or-nothing digital's vega and volga change sign at the money and its implied
 * volatility is not unique: do not invert it.
 * Additional results: `spot`, `forward`, `strike`, `volatility`, `timeToExpiry` (vol time),
 * `riskFreeDiscount`, `dividendDiscount`.
 * Observes: the process.
 * Source: Black & Scholes (1973); Merton (1973); QuantLib
 * `ql/pricingengines/vanilla/analyticeuropeanengine.hpp`.
 * Checked against: `test/engines/blackscholes/AnalyticEuropeanEngine.test.ts` (QuantLib 1.29
 * `bsm_european` cases at 1e-10, Haug (2007) digital and gap examples, bump-and-reprice Greeks
 * for every payoff, put–call parity, asset-or-nothing − K · cash-or-nothing = vanilla).
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
   * @throws InvalidInputError when the exercise is not European or the payoff is not one of the four supported.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spot or a curve quote is invalid.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    if (args.exercise.type !== ExerciseType.European) {
      throw InvalidInputError.outOfRange('exercise.type', args.exercise.type, '{European}');
    }
    const payoff = args.payoff as unknown;
    if (!(payoff instanceof PlainVanillaPayoff || payoff instanceof CashOrNothingPayoff || payoff instanceof AssetOrNothingPayoff || payoff instanceof GapPayoff)) {
      const name = (payoff as { name?: () => string }).name?.() ?? String(payoff);
      throw InvalidInputError.outOfRange('payoff', name, '{Vanilla, CashOrNothing, AssetOrNothing, Gap}');
    }
    const p = this.process;
    const expiry = args.exercise.lastDate();
    const strike = args.payoff.strike;
    const spot = p.spot();
    const vol = p.blackVolatility.currentLink();
    const riskFree = p.riskFreeRate.currentLink();
    const dividend = p.dividendYield.currentLink();
    const variance = vol.blackVariance(expiry, strike);
    const riskFreeDiscount = riskFree.discount(expiry);
    const dividendDiscount = dividend.discount(expiry);
    const forward = (spot * dividendDiscount) / riskFreeDiscount;
    const black = BlackCalculator.fromPayoff(args.payoff, forward, Math.sqrt(variance), riskFreeDiscount);

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
        vanna: black.vanna(spot, tVol),
        volga: black.volga(tVol),
        charm: black.charm(spot, tRate),
        speed: black.speed(spot),
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
