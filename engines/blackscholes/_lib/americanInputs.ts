// Internal: reads the Black–Scholes market for an American vanilla approximation. Never re-exported.
import { InvalidInputError } from '../../../src/errors.js';
import type { GeneralizedBlackScholesProcess } from '../../../src/processes/GeneralizedBlackScholesProcess.js';
import { ExerciseType } from '../../../instruments/exercises/ExerciseType.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import type { VanillaOptionArguments } from '../../../instruments/VanillaOption.js';

/** Market seen by an American approximation: S, K, ω, D_r, D_q, total variance w = σ²T, times. */
export interface AmericanInputs {
  readonly spot: number;
  readonly strike: number;
  readonly omega: 1 | -1;
  readonly riskFreeDiscount: number;
  readonly dividendDiscount: number;
  readonly variance: number;
  readonly T: number;
  readonly r: number;
  readonly q: number;
  readonly sigma: number;
}

/**
 * Checks American exercise and a plain-vanilla payoff, and reads the process at expiry.
 * @throws InvalidInputError naming `exercise.type`, `payoff`, `spot` or `payoff.strike`.
 */
export function americanInputs(process: GeneralizedBlackScholesProcess, args: VanillaOptionArguments): AmericanInputs {
  if (args.exercise.type !== ExerciseType.American) {
    throw InvalidInputError.outOfRange('exercise.type', args.exercise.type, '{American}');
  }
  if (!(args.payoff instanceof PlainVanillaPayoff)) {
    throw InvalidInputError.outOfRange('payoff', args.payoff.name(), '{Vanilla}');
  }
  const spot = process.spot();
  const strike = args.payoff.strike;
  if (!(strike > 0)) throw InvalidInputError.outOfRange('payoff.strike', strike, '(0, ∞)');
  const vol = process.blackVolatility.currentLink();
  const riskFree = process.riskFreeRate.currentLink();
  const dividend = process.dividendYield.currentLink();
  const expiry = args.exercise.lastDate();
  const T = vol.timeFromReference(expiry);
  const variance = vol.blackVariance(expiry, strike);
  const riskFreeDiscount = riskFree.discount(expiry);
  const dividendDiscount = dividend.discount(expiry);
  const tr = riskFree.timeFromReference(expiry);
  const tq = dividend.timeFromReference(expiry);
  return {
    spot,
    strike,
    omega: args.payoff.optionType === 1 ? 1 : -1,
    riskFreeDiscount,
    dividendDiscount,
    variance,
    T,
    r: tr > 0 ? -Math.log(riskFreeDiscount) / tr : 0,
    q: tq > 0 ? -Math.log(dividendDiscount) / tq : 0,
    sigma: T > 0 ? Math.sqrt(variance / T) : 0,
  };
}
