// Builds small Black–Scholes markets for tests; every piece is a public quantflow object.
import { AnalyticEuropeanEngine } from '../../engines/blackscholes/AnalyticEuropeanEngine.js';
import { AmericanExercise } from '../../instruments/exercises/AmericanExercise.js';
import { EuropeanExercise } from '../../instruments/exercises/EuropeanExercise.js';
import { OptionType } from '../../instruments/OptionType.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../../instruments/VanillaOption.js';
import { Handle } from '../../src/patterns/Handle.js';
import { RelinkableHandle } from '../../src/patterns/RelinkableHandle.js';
import { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { Settings } from '../../src/settings.js';
import { Date } from '../../src/time/Date.js';
import { BlackConstantVol } from '../../termstructures/volatility/BlackConstantVol.js';
import type { BlackVolTermStructure } from '../../termstructures/volatility/BlackVolTermStructure.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';

export const today = Date.fromISO('2025-01-02');

export function setToday(): void {
  Settings.instance.evaluationDate.set(today);
}

export interface FlatMarket {
  spot: SimpleQuote;
  rate: SimpleQuote;
  dividend: SimpleQuote;
  vol: SimpleQuote;
  riskFree: RelinkableHandle<YieldTermStructure>;
  dividendCurve: RelinkableHandle<YieldTermStructure>;
  volSurface: RelinkableHandle<BlackVolTermStructure>;
  process: GeneralizedBlackScholesProcess;
  engine: AnalyticEuropeanEngine;
}

/** Flat r, q, σ on live quotes; handles are relinkable. Reference date fixed at `today`. */
export function flatMarket(s = 100, r = 0.05, q = 0.02, sigma = 0.2): FlatMarket {
  const spot = new SimpleQuote(s);
  const rate = new SimpleQuote(r);
  const dividend = new SimpleQuote(q);
  const vol = new SimpleQuote(sigma);
  const ref = { referenceDate: today };
  const riskFree = new RelinkableHandle<YieldTermStructure>(new FlatForward(new Handle<Quote>(rate), ref));
  const dividendCurve = new RelinkableHandle<YieldTermStructure>(new FlatForward(new Handle<Quote>(dividend), ref));
  const volSurface = new RelinkableHandle<BlackVolTermStructure>(new BlackConstantVol(new Handle<Quote>(vol), ref));
  const process = new GeneralizedBlackScholesProcess(new Handle<Quote>(spot), dividendCurve, riskFree, volSurface);
  const engine = new AnalyticEuropeanEngine(process);
  return { spot, rate, dividend, vol, riskFree, dividendCurve, volSurface, process, engine };
}

export function europeanOption(type: OptionType, strike: number, days: number): VanillaOption {
  return new VanillaOption(new PlainVanillaPayoff(type, strike), new EuropeanExercise(today.addDays(days)));
}

/** An American vanilla exercisable from `today` to `today + days`. */
export function americanOption(type: OptionType, strike: number, days: number): VanillaOption {
  return new VanillaOption(new PlainVanillaPayoff(type, strike), new AmericanExercise(today, today.addDays(days)));
}

export { OptionType };
