// A Heston market on live quotes for tests: flat r and q curves, a spot quote, process and model.
import { Handle } from '../../../../src/patterns/Handle.js';
import { RelinkableHandle } from '../../../../src/patterns/RelinkableHandle.js';
import { HestonModel } from '../../../../src/models/HestonModel.js';
import type { HestonParameters } from '../../../../src/processes/HestonParameters.js';
import { HestonProcess } from '../../../../src/processes/HestonProcess.js';
import type { Quote } from '../../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../../src/quotes/SimpleQuote.js';
import { FlatForward } from '../../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../../termstructures/yield/YieldTermStructure.js';
import type { PricingEngine } from '../../../../engines/PricingEngine.js';
import type { VanillaOptionArguments } from '../../../../instruments/VanillaOption.js';
import { europeanOption, type OptionType, today } from '../../../_lib/market.js';
import { quantlib } from '../../../_lib/reference.js';

export interface HestonMarket {
  spot: SimpleQuote;
  rate: SimpleQuote;
  dividend: SimpleQuote;
  riskFree: RelinkableHandle<YieldTermStructure>;
  dividendCurve: RelinkableHandle<YieldTermStructure>;
  process: HestonProcess;
  model: HestonModel;
}

export const lewisParams: HestonParameters = { v0: 0.04, kappa: 4, theta: 0.25, sigma: 1, rho: -0.5 };

export function hestonMarket(s: number, r: number, q: number, p: HestonParameters): HestonMarket {
  const spot = new SimpleQuote(s);
  const rate = new SimpleQuote(r);
  const dividend = new SimpleQuote(q);
  const ref = { referenceDate: today };
  const riskFree = new RelinkableHandle<YieldTermStructure>(new FlatForward(new Handle<Quote>(rate), ref));
  const dividendCurve = new RelinkableHandle<YieldTermStructure>(new FlatForward(new Handle<Quote>(dividend), ref));
  const process = new HestonProcess(riskFree, dividendCurve, new Handle<Quote>(spot), p.v0, p.kappa, p.theta, p.sigma, p.rho);
  return { spot, rate, dividend, riskFree, dividendCurve, process, model: new HestonModel(process) };
}

/** A case of the QuantLib 1.29 `heston` section (test/reference/quantlib-1.29.json). */
export interface HestonCase {
  id: string;
  inputs: { S: number; K: number; N_days: number; T: number; r: number; q: number } & HestonParameters;
  outputs: { call: number; put: number };
}
export const hestonCases: HestonCase[] = quantlib['heston'].cases;
export const hestonGrid = quantlib['heston'].grid_standard_params;

/** A European option `days` ahead on a fresh flat Heston market, priced by `engine(model)`. */
export function hestonOption(engine: (model: HestonModel) => PricingEngine<VanillaOptionArguments>, S: number, K: number, days: number, r: number, q: number, p: HestonParameters, type: OptionType) {
  const m = hestonMarket(S, r, q, p);
  const option = europeanOption(type, K, days);
  option.setPricingEngine(engine(m.model));
  return { m, option };
}
