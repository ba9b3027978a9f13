// What both Heston vanilla engines read: the option's terms and the model's market, checked once.
import type { HestonModel } from '../../../src/models/HestonModel.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';
import type { VanillaOptionArguments } from '../../../instruments/VanillaOption.js';
import { europeanVanillaPayoff } from '../../_lib/europeanVanillaPayoff.js';

export interface HestonVanillaInputs {
  readonly spot: number;
  readonly strike: number;
  /** +1 call, −1 put. */
  readonly omega: number;
  /** Years from the risk-free curve's reference date (its day counter). */
  readonly t: number;
  readonly riskFreeDiscount: number;
  readonly dividendDiscount: number;
  readonly params: HestonParameters;
}

/** Checks European exercise and a plain vanilla payoff; reads spot, curves and parameters. */
export function hestonVanillaInputs(model: HestonModel, args: VanillaOptionArguments): HestonVanillaInputs {
  const payoff = europeanVanillaPayoff(args);
  const process = model.process;
  const expiry = args.exercise.lastDate();
  const riskFree = process.riskFreeRate.currentLink();
  const dividend = process.dividendYield.currentLink();
  return {
    spot: process.spot(),
    strike: payoff.strike,
    omega: payoff.optionType,
    t: riskFree.timeFromReference(expiry),
    riskFreeDiscount: riskFree.discount(expiry),
    dividendDiscount: dividend.discount(expiry),
    params: model.parameters,
  };
}
