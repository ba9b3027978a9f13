import { InvalidInputError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { AverageType } from '../../instruments/AverageType.js';
import type { DiscreteAveragingAsianOptionArguments } from '../../instruments/DiscreteAveragingAsianOption.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import { PricingEngine } from '../PricingEngine.js';
import { BlackCalculator } from './BlackCalculator.js';
import { discreteGeometricAsianMoments } from './_lib/discreteGeometricAsianMoments.js';

/**
 * Closed-form price of a discretely monitored geometric average-price Asian option under
 * Black–Scholes–Merton, with past fixings.
 *
 * @remarks
 * The geometric average G = (A · Π_i S_{t_i})^{1/N} of a lognormal spot is lognormal: with
 * g_i = ln(D_q(t_i)/D_r(t_i)) and total variances w_i = w(t_i, K) read from the vol surface,
 * ln G has mean [ln A + Σ_i (ln S + g_i − w_i/2)]/N and variance [Σ_i (2(m − i) − 1) w_i]/N²
 * (i = 1…m, ascending), and the option is Black's formula on E[G] with that variance,
 * discounted from expiry. With flat r, q, σ this is QuantLib's formula exactly; with curves and
 * a vol term structure it is exact for deterministic r(t), q(t), σ(t) at the strike.
 * Fixing dates before the evaluation date are ignored: they must be in `runningAccumulator`
 * (product of past fixings) and `pastFixings` (their count), as in QuantLib.
 * Payoffs: any striked payoff of {@link BlackCalculator} on G (vanilla, cash-or-nothing,
 * asset-or-nothing — paying G —, gap).
 * Greeks (by the chain rule through E[G] and Var[ln G]): delta, gamma, vega (parallel shift of the
 * Black vol at every fixing, per 1.00), rho and dividendRho (parallel shift of the curve, per
 * 1.00). Theta is not produced.
 * Additional results: `spot`, `forward` (E[G]), `stdDev` (√Var[ln G]), `strike`,
 * `riskFreeDiscount`, `timeToExpiry` (risk-free curve time), `fixings` (N), `spotWeight` (m/N).
 * Observes: the process.
 * Source: Kemna & Vorst (1990), "A pricing method for options based on average asset values",
 * J. Banking Finance 14, 113–129; QuantLib
 * `ql/pricingengines/asian/analytic_discr_geom_av_price.hpp`.
 * Checked against: `test/engines/blackscholes/AnalyticDiscreteGeometricAveragePriceAsianEngine.test.ts`
 * (QuantLib 1.29 `asian.discrete.geometric_npv` at 1e-10 relative; one fixing = European;
 * many fixings → continuous engine; past fixings; Greeks by bump-and-reprice).
 * @public
 */
export class AnalyticDiscreteGeometricAveragePriceAsianEngine extends PricingEngine<DiscreteAveragingAsianOptionArguments> {
  /** @param process - the Black–Scholes–Merton process (spot, curves, vol surface). */
  constructor(readonly process: GeneralizedBlackScholesProcess) {
    super();
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the exercise is not European, the average is not geometric,
   * the payoff is not supported, the accumulator is not positive or the spot is not positive.
   */
  calculate(args: DiscreteAveragingAsianOptionArguments): PricingResults {
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

    const future = args.fixingDates.filter((d) => vol.timeFromReference(d) >= 0);
    const m = future.length;
    const growths = new Float64Array(m);
    const variances = new Float64Array(m);
    let sumRateTime = 0;
    let sumDivTime = 0;
    const dVariance = new Float64Array(m); // ∂w_i/∂σ under a parallel vol shift
    for (let i = 0; i < m; i++) {
      const d = future[i]!;
      growths[i] = Math.log(dividend.discount(d) / riskFree.discount(d));
      variances[i] = vol.blackVariance(d, strike);
      dVariance[i] = 2 * Math.sqrt(variances[i]! * vol.timeFromReference(d));
      sumRateTime += riskFree.timeFromReference(d);
      sumDivTime += dividend.timeFromReference(d);
    }
    const mo = discreteGeometricAsianMoments(spot, growths, variances, args.runningAccumulator, args.pastFixings);
    const N = mo.fixings;
    const riskFreeDiscount = riskFree.discount(expiry);
    const black = BlackCalculator.fromPayoff(args.payoff, mo.forward, mo.stdDev, riskFreeDiscount);
    const value = black.value();
    const G = mo.forward;
    const dF = black.deltaForward();
    const dGdS = (mo.spotWeight * G) / spot;
    const d2GdS2 = (mo.spotWeight * (mo.spotWeight - 1) * G) / (spot * spot);
    let dMean = 0;
    let dVar = 0;
    for (let i = 0; i < m; i++) {
      dMean -= 0.5 * dVariance[i]!;
      dVar += (1 + 2 * (m - 1 - i)) * dVariance[i]!;
    }
    dMean /= N;
    dVar /= N * N;
    const dLnGdSigma = dMean + 0.5 * dVar;
    const dStdDevdSigma = mo.stdDev > 0 ? dVar / (2 * mo.stdDev) : 0;
    const tRate = riskFree.timeFromReference(expiry);
    return {
      value,
      greeks: {
        delta: dF * dGdS,
        gamma: black.gammaForward() * dGdS * dGdS + dF * d2GdS2,
        vega: dF * G * dLnGdSigma + black.vega(1) * dStdDevdSigma,
        rho: -tRate * value + (dF * G * sumRateTime) / N,
        dividendRho: -(dF * G * sumDivTime) / N,
      },
      additionalResults: {
        spot,
        forward: G,
        stdDev: mo.stdDev,
        strike,
        riskFreeDiscount,
        timeToExpiry: tRate,
        fixings: N,
        spotWeight: mo.spotWeight,
      },
    };
  }
}
