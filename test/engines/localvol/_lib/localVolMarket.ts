// Concrete LocalVolTermStructure subclasses and a flat market for the local-vol MC tests.
import { Handle } from '../../../../src/patterns/Handle.js';
import type { Quote } from '../../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../../src/quotes/SimpleQuote.js';
import { LocalVolTermStructure } from '../../../../termstructures/volatility/LocalVolTermStructure.js';
import { FlatForward } from '../../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../../termstructures/yield/YieldTermStructure.js';
import { McLocalVolEngine, type McLocalVolEngineOptions } from '../../../../engines/localvol/McLocalVolEngine.js';
import { today } from '../../../_lib/market.js';

/** σ_loc(t, S) = f(t, S) for any function. */
export class FunctionLocalVol extends LocalVolTermStructure {
  constructor(private readonly f: (t: number, s: number) => number) {
    super({ referenceDate: today });
  }
  protected localVolImpl(t: number, s: number): number {
    return this.f(t, s);
  }
}

/** Displaced diffusion: σ_loc(S) = σ(S + d)/S, so S + d is lognormal when r = q. */
export function displacedLocalVol(sigma: number, d: number): FunctionLocalVol {
  return new FunctionLocalVol((_t, s) => (sigma * (s + d)) / s);
}

export interface LocalVolMarket {
  spot: SimpleQuote;
  riskFree: Handle<YieldTermStructure>;
  dividend: Handle<YieldTermStructure>;
  localVol: Handle<LocalVolTermStructure>;
  engine(options?: McLocalVolEngineOptions): McLocalVolEngine;
}

export function localVolMarket(lv: LocalVolTermStructure, s = 100, r = 0.03, q = 0.01): LocalVolMarket {
  const spot = new SimpleQuote(s);
  const riskFree = new Handle<YieldTermStructure>(new FlatForward(r, { referenceDate: today }));
  const dividend = new Handle<YieldTermStructure>(new FlatForward(q, { referenceDate: today }));
  const localVol = new Handle<LocalVolTermStructure>(lv);
  return {
    spot, riskFree, dividend, localVol,
    engine: (options = {}) => new McLocalVolEngine(new Handle<Quote>(spot), dividend, riskFree, localVol, options),
  };
}
