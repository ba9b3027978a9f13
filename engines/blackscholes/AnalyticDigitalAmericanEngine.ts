import { InvalidInputError } from '../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { AmericanExercise } from '../../instruments/exercises/AmericanExercise.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import { AssetOrNothingPayoff } from '../../instruments/payoffs/AssetOrNothingPayoff.js';
import { CashOrNothingPayoff } from '../../instruments/payoffs/CashOrNothingPayoff.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import { PricingEngine } from '../PricingEngine.js';
import { firstPassageTerms, type LogSpotTerm } from './_lib/firstPassageTerms.js';
import { sumLogSpotTerms } from './_lib/sumLogSpotTerms.js';

/**
 * Closed-form price of American (one-touch) digital options under Black–Scholes–Merton:
 * cash-or-nothing or asset-or-nothing, paid when the spot first touches the strike or at expiry.
 *
 * @remarks
 * The strike K acts as a barrier: above the spot for a call, below it for a put. With
 * h = ln(K/S), ν = r − q − σ²/2 and the first-passage functional
 * Φ(ρ, ν) = E[e^{−ρτ} 1{τ ≤ T}] = e^{(ν−ν̃)h/σ²} N(η(h − ν̃T)/(σ√T)) + e^{(ν+ν̃)h/σ²} N(η(h + ν̃T)/(σ√T)),
 * ν̃ = √(ν² + 2ρσ²), η = +1 (put, barrier below) or −1 (call):
 * - cash C at hit: C Φ(r, ν); asset at hit (pays S_τ = K): K Φ(r, ν);
 * - cash C at expiry (`AmericanExercise.payoffAtExpiry`): C D_r Φ(0, ν);
 * - asset at expiry (pays S_T if the strike was touched): S D_q Φ(0, ν + σ²) (share measure).
 * A spot already at or past the strike pays at once: C or S at hit, C D_r or S D_q at expiry.
 * r, q are the curves' zero rates to expiry and σ² T the vol surface's total variance at (T, K)
 * (exact for flat inputs, as QuantLib). The exercise's earliest date is taken as today.
 * Greeks: delta and gamma (analytic, in the spot). Others are not produced.
 * Additional results: `spot`, `strike`, `volatility`, `timeToExpiry`, `riskFreeRate`,
 * `dividendYield`.
 * Observes: the process.
 * Source: Reiner & Rubinstein (1991), "Unscrambling the binary code", Risk 4(9), 75–83;
 * Haug (2007), The Complete Guide to Option Pricing Formulas, 2nd ed., §4.19.5 (binary barrier
 * options, cases 1–4 and 9–12); QuantLib `ql/pricingengines/vanilla/analyticdigitalamericanengine.hpp`
 * (name and conventions).
 * Checked against: `test/engines/blackscholes/AnalyticDigitalAmericanEngine.test.ts` (Haug 1998
 * p. 95 values as in QuantLib's test suite, native QuantLib 1.29 values for at-expiry payment,
 * immediate payment when in the money, Greeks by bump-and-reprice, one-touch ≥ European digital).
 * @public
 */
export class AnalyticDigitalAmericanEngine extends PricingEngine<VanillaOptionArguments> {
  /** @param process - the Black–Scholes–Merton process (spot, curves, vol surface). */
  constructor(readonly process: GeneralizedBlackScholesProcess) {
    super();
    this.registerWith(process);
  }

  /**
   * @throws InvalidInputError when the exercise is not American, the payoff is neither
   * cash-or-nothing nor asset-or-nothing, or the spot is not positive.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    const exercise = args.exercise;
    if (exercise.type !== ExerciseType.American || !(exercise instanceof AmericanExercise)) {
      throw InvalidInputError.outOfRange('exercise.type', exercise.type, '{American}');
    }
    const payoff = args.payoff;
    const isCash = payoff instanceof CashOrNothingPayoff;
    if (!isCash && !(payoff instanceof AssetOrNothingPayoff)) {
      throw InvalidInputError.outOfRange('payoff', payoff.name(), '{CashOrNothing, AssetOrNothing}');
    }
    const p = this.process;
    const spot = p.spot();
    const K = payoff.strike;
    if (!(K > 0)) throw InvalidInputError.outOfRange('payoff.strike', K, '(0, ∞)');
    const vol = p.blackVolatility.currentLink();
    const riskFree = p.riskFreeRate.currentLink();
    const dividend = p.dividendYield.currentLink();
    const expiry = exercise.lastDate();
    const T = riskFree.timeFromReference(expiry);
    const tVol = vol.timeFromReference(expiry);
    const variance = vol.blackVariance(expiry, K);
    const Dr = riskFree.discount(expiry);
    const Dq = dividend.discount(expiry);
    const tDiv = dividend.timeFromReference(expiry);
    const r = T > 0 ? -Math.log(Dr) / T : 0;
    const q = tDiv > 0 ? -Math.log(Dq) / tDiv : 0;
    const sigma = tVol > 0 ? Math.sqrt(variance / tVol) : 0;
    const cash = isCash ? payoff.cashPayoff : 0;
    const atExpiry = exercise.payoffAtExpiry;
    const additionalResults = { spot, strike: K, volatility: sigma, timeToExpiry: T, riskFreeRate: r, dividendYield: q };

    const touched = payoff.optionType * (spot - K) >= 0;
    if (touched) {
      // Paid now (at hit) or at expiry; delta = d(value)/dS, gamma = 0.
      const value = isCash ? (atExpiry ? cash * Dr : cash) : atExpiry ? spot * Dq : spot;
      const delta = isCash ? 0 : atExpiry ? Dq : 1;
      return { value, greeks: { delta, gamma: 0 }, additionalResults };
    }
    if (T === 0 || variance === 0) {
      // No time or no diffusion left: cannot touch (a deterministic drift path is not handled).
      if (variance === 0 && T > 0) throw InvalidInputError.outOfRange('volatility', sigma, '(0, ∞) for an untouched American digital');
      return { value: 0, greeks: { delta: 0, gamma: 0 }, additionalResults };
    }
    const h = Math.log(K / spot);
    const nu = r - q - 0.5 * sigma * sigma;
    let terms: LogSpotTerm[];
    if (!atExpiry) {
      terms = firstPassageTerms(h, nu, sigma, T, r, isCash ? cash : K);
    } else if (isCash) {
      terms = firstPassageTerms(h, nu, sigma, T, 0, cash * Dr);
    } else {
      // S D_q × P*(hit): the extra factor S adds 1 to every term's power of S.
      terms = firstPassageTerms(h, nu + sigma * sigma, sigma, T, 0, spot * Dq).map((t) => ({ ...t, kappa: t.kappa + 1 }));
    }
    const { v, vx, vxx } = sumLogSpotTerms(terms);
    return {
      value: v,
      greeks: { delta: vx / spot, gamma: (vxx - vx) / (spot * spot) },
      additionalResults,
    };
  }
}
