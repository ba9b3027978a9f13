// @test McLmmSwaptionEngine: Swaption instruments priced by the LIBOR market model
import { describe, expect, it } from 'vitest';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { AbcdFunction } from '../../../engines/lmm/AbcdFunction.js';
import { LiborMarketModel } from '../../../engines/lmm/LiborMarketModel.js';
import { LmmCalibratedModel } from '../../../engines/lmm/LmmCalibratedModel.js';
import { McLmmSwaptionEngine } from '../../../engines/lmm/McLmmSwaptionEngine.js';
import { mcLmmBermudanSwaption } from '../../../engines/lmm/mcLmmBermudanSwaption.js';
import { BermudanExercise } from '../../../instruments/exercises/BermudanExercise.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { Swaption } from '../../../instruments/Swaption.js';
import { SwapType } from '../../../instruments/SwapType.js';
import { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import { Date } from '../../../src/time/Date.js';
import { Period } from '../../../src/time/Period.js';
import { hullWhiteMarket, referenceSwap } from '../hullwhite/_lib/hullWhiteMarket.js';

describe('McLmmSwaptionEngine', () => {
  const m = hullWhiteMarket();
  const curve = m.curve.currentLink();
  // Rate times on the swap's semiannual schedule from 2026-01-02 to 2031-01-02.
  const dates = Array.from({ length: 11 }, (_, i) => Date.fromISO('2026-01-02').addPeriod(Period.parse(`${6 * i}M`)));
  const rateTimes = dates.map((d) => curve.timeFromReference(d));
  const model = new LiborMarketModel({
    rateTimes, discounts: rateTimes.map((t) => curve.discount(t)),
    volatility: new AbcdFunction(0.05, 0.4, 0.9, 0.12), correlation: { form: 'rebonato', beta: 0.3, rhoInfinity: 0.4 },
    factors: 3, // the closed forms then see the same rank-3 correlation as the 3-factor paths
  });
  const K = model.swapRate(0, 10, 2).rate;
  const options = { paths: 4000, seed: 9, factors: 3 };

  it('prices a Bermudan exactly as mcLmmBermudanSwaption on the mapped terms', () => {
    const swap = referenceSwap(m, SwapType.Payer, '2026-01-02', 5, K);
    const exercise = new BermudanExercise(['2026-01-02', '2027-01-02', '2028-01-02', '2029-01-02', '2030-01-02'].map((d) => Date.fromISO(d)));
    const s = new Swaption(swap, exercise);
    s.setPricingEngine(new McLmmSwaptionEngine(model, m.curve, options));
    const direct = mcLmmBermudanSwaption(model, { type: 'payer', strike: K, exerciseIndices: [0, 2, 4, 6, 8], end: 10, fixedEvery: 2 }, options);
    expect(s.NPV()).toBe(direct.value);
    expect(s.errorEstimate()).toBe(direct.errorEstimate);
  });

  it('prices a European at Black with Rebonato’s vol within 3 se + 0.5 %', () => {
    const swap = referenceSwap(m, SwapType.Receiver, '2026-01-02', 5, K, 1e6);
    const s = new Swaption(swap, new EuropeanExercise(Date.fromISO('2026-01-02')));
    s.setPricingEngine(new McLmmSwaptionEngine(model, m.curve, { ...options, rng: 'sobol' }));
    const { rate, annuity } = model.swapRate(0, 10, 2);
    const black = 1e6 * blackFormula(OptionType.Put, K, rate, model.swaptionVolatility(0, 10, 2) * Math.sqrt(rateTimes[0]!), annuity);
    expect(Math.abs(s.NPV() - black), `${s.NPV()} ± ${s.errorEstimate()} vs ${black}`).toBeLessThan(3 * s.errorEstimate() + 0.005 * black);
  });

  it('reprices once when a quote of its calibrated model ticks', () => {
    const vol = new SimpleQuote(0.18);
    const calibrated = new LmmCalibratedModel(
      m.curve, rateTimes,
      [1, 3, 5, 7, 9].map((i) => ({ index: i, volatility: 0.2 - 0.004 * i })),
      [{ start: 2, end: 10, fixedEvery: 2, kind: 'black', volatility: new Handle<Quote>(vol) }],
      { globalSeed: { generations: 8 } },
    );
    const s = new Swaption(referenceSwap(m, SwapType.Payer, '2026-01-02', 5, K), new BermudanExercise(['2026-01-02', '2027-01-02', '2028-01-02'].map((d) => Date.fromISO(d))));
    s.setPricingEngine(new McLmmSwaptionEngine(calibrated, m.curve, { paths: 2000, seed: 3, factors: 2 }));
    let emissions = 0;
    const sub = s.results$.subscribe(() => emissions++);
    const before = s.NPV();
    const seen = emissions;
    vol.setValue(0.2);
    const after = s.NPV();
    expect(after).toBeGreaterThan(before);
    expect(emissions - seen).toBe(1);
    sub.unsubscribe();
    expect(() => {
      const bad = new Swaption(referenceSwap(m, SwapType.Payer, '2026-03-02', 5, K), new EuropeanExercise(Date.fromISO('2026-03-02')));
      bad.setPricingEngine(new McLmmSwaptionEngine(model, m.curve, options));
      bad.NPV();
    }).toThrow(/exerciseTimes\[0\]/);
  });
});
