// The README's example: a spot quote, a curve, a vol surface, an option with an engine;
// subscribe to results$, move the spot, see the reprice, swap the engine.
import {
  AnalyticEuropeanEngine,
  BlackConstantVol,
  BlackVarianceSurface,
  Date,
  EuropeanExercise,
  FlatForward,
  GeneralizedBlackScholesProcess,
  Handle,
  OptionType,
  PlainVanillaPayoff,
  Settings,
  SimpleQuote,
  VanillaOption,
  type BlackVolTermStructure,
  type PricingResult,
  type Quote,
  type YieldTermStructure,
} from '../src/index.js';

/** Runs the quickstart and returns what it printed, for the twin test. */
export function quickstart(log: (line: string) => void = console.log): PricingResult[] {
  const today = Date.fromISO('2025-01-02');
  Settings.instance.evaluationDate.set(today);

  const spot = new SimpleQuote(100);
  const riskFree = new FlatForward(0.05, { referenceDate: today });
  const dividends = new FlatForward(0.02, { referenceDate: today });
  const expiries = [today.addDays(91), today.addDays(365)];
  const strikes = [80, 100, 120];
  const vols = [
    [0.25, 0.24], // K = 80: 3M, 1Y
    [0.2, 0.2], //   K = 100
    [0.18, 0.19], // K = 120
  ];
  const surface = new BlackVarianceSurface(expiries, strikes, vols, { referenceDate: today });

  const process = new GeneralizedBlackScholesProcess(
    new Handle<Quote>(spot),
    new Handle<YieldTermStructure>(dividends),
    new Handle<YieldTermStructure>(riskFree),
    new Handle<BlackVolTermStructure>(surface),
  );
  const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
  option.setPricingEngine(new AnalyticEuropeanEngine(process));

  const seen: PricingResult[] = [];
  const subscription = option.results$.subscribe((r) => {
    seen.push(r);
    if (r.ok) log(`NPV ${r.npv.toFixed(6)}  delta ${r.greeks.delta?.toFixed(6)}`);
    else log(`error: ${r.error.message}`);
  });
  spot.setValue(101); // one tick → one reprice

  // Swap the engine: the same option on a flat 30 % vol.
  const stressed = new GeneralizedBlackScholesProcess(
    new Handle<Quote>(spot),
    new Handle<YieldTermStructure>(dividends),
    new Handle<YieldTermStructure>(riskFree),
    new Handle<BlackVolTermStructure>(new BlackConstantVol(0.3, { referenceDate: today })),
  );
  option.setPricingEngine(new AnalyticEuropeanEngine(stressed));
  subscription.unsubscribe();
  return seen;
}

if (import.meta.url === `file://${process.argv[1]}`) quickstart();
