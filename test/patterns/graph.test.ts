// The reactive graph, counted: emissions, recalculations and subscriptions, not just "something happened".
import { asapScheduler, map, type Subscription } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalyticEuropeanEngine } from '../../engines/blackscholes/AnalyticEuropeanEngine.js';
import type { PricingResult } from '../../instruments/PricingResult.js';
import { VanillaOption } from '../../instruments/VanillaOption.js';
import { QuantflowError } from '../../src/errors.js';
import { graphStats } from '../../src/patterns/graphStats.js';
import { Handle } from '../../src/patterns/Handle.js';
import { RelinkableHandle } from '../../src/patterns/RelinkableHandle.js';
import { setPropagationScheduler } from '../../src/patterns/setPropagationScheduler.js';
import { transaction } from '../../src/patterns/transaction.js';
import { GeneralizedBlackScholesProcess } from '../../src/processes/GeneralizedBlackScholesProcess.js';
import { DerivedQuote } from '../../src/quotes/DerivedQuote.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { BlackConstantVol } from '../../termstructures/volatility/BlackConstantVol.js';
import type { BlackVolTermStructure } from '../../termstructures/volatility/BlackVolTermStructure.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../_lib/market.js';

/** A vanilla option that counts its recalculations. */
class CountedOption extends VanillaOption {
  calculations = 0;
  protected override performCalculations(): void {
    this.calculations++;
    super.performCalculations();
  }
}

function countedBook(n: number, engine: AnalyticEuropeanEngine): CountedOption[] {
  const book: CountedOption[] = [];
  for (let i = 0; i < n; i++) {
    const strike = 50 + (i % 101);
    const days = 30 + 7 * (i % 50);
    const type = i % 2 === 0 ? OptionType.Call : OptionType.Put;
    const template = europeanOption(type, strike, days);
    const option = new CountedOption(template.terms.payoff, template.terms.exercise);
    option.setPricingEngine(engine);
    book.push(option);
  }
  return book;
}

function listen(options: readonly VanillaOption[]): { counts: number[]; last: (PricingResult | undefined)[]; subs: Subscription[] } {
  const counts = options.map(() => 0);
  const last: (PricingResult | undefined)[] = options.map(() => undefined);
  const subs = options.map((o, i) =>
    o.results$.subscribe((r) => {
      counts[i]!++;
      last[i] = r;
    }),
  );
  return { counts, last, subs };
}

/** The diamond: spot feeds a rate curve and a vol surface, both feeding one option. */
function diamond() {
  const spot = new SimpleQuote(100);
  const spotHandle = new Handle<Quote>(spot);
  const rateOf = (s: number) => 0.01 + s / 5000;
  const volOf = (s: number) => (0.2 * 100) / s;
  const ref = { referenceDate: today };
  const curve = new FlatForward(new Handle<Quote>(new DerivedQuote(spotHandle, rateOf)), ref);
  const surface = new BlackConstantVol(new Handle<Quote>(new DerivedQuote(spotHandle, volOf)), ref);
  const dividends = new FlatForward(0.01, ref);
  const process = new GeneralizedBlackScholesProcess(
    spotHandle,
    new Handle<YieldTermStructure>(dividends),
    new Handle<YieldTermStructure>(curve),
    new Handle<BlackVolTermStructure>(surface),
  );
  const option = europeanOption(OptionType.Call, 105, 182);
  option.setPricingEngine(new AnalyticEuropeanEngine(process));
  return { spot, option, rateOf, volOf };
}

/** NPV of the same option on a market built from scratch with constant inputs. */
function staticNpv(s: number, r: number, sigma: number): number {
  const m = flatMarket(s, r, 0.01, sigma);
  const option = europeanOption(OptionType.Call, 105, 182);
  option.setPricingEngine(m.engine);
  return option.NPV();
}

beforeEach(setToday);
afterEach(() => {
  setPropagationScheduler('sync');
});

describe('reactive graph', () => {
  it('1. diamond: one tick gives exactly one emission, computed from the new state of both branches', () => {
    const { spot, option, rateOf, volOf } = diamond();
    const seen: PricingResult[] = [];
    const sub = option.results$.subscribe((r) => seen.push(r));
    expect(seen).toHaveLength(1); // the current price on subscription

    spot.setValue(110);
    expect(seen).toHaveLength(2);
    const r = seen[1]!;
    expect(r.ok).toBe(true);
    // Both branches moved: compare with a market built from scratch at the new state (exact, same arithmetic).
    const expected = staticNpv(110, rateOf(110), volOf(110));
    expect(r.ok && r.npv).toBe(expected);
    // …and not with a half-updated graph (only one branch moved).
    expect(expected).not.toBeCloseTo(staticNpv(110, rateOf(100), volOf(110)), 6);
    expect(expected).not.toBeCloseTo(staticNpv(110, rateOf(110), volOf(100)), 6);
    sub.unsubscribe();
  });

  it('2. a transaction of 100 quote updates over a 1,000-option book gives one reprice per option', () => {
    const m = flatMarket();
    const book = countedBook(1000, m.engine);
    const { counts, last, subs } = listen(book);
    const before = book.map((o) => o.calculations);
    transaction(() => {
      for (let k = 1; k <= 100; k++) {
        if (k % 2 === 0) m.spot.setValue(100 + k / 10);
        else m.vol.setValue(0.2 + k / 1000);
      }
    });
    expect(counts.every((c) => c === 2)).toBe(true); // initial + one reprice
    expect(book.every((o, i) => o.calculations - before[i]! === 1)).toBe(true);
    // The reprice saw the final state: spot 110, vol 0.299.
    expect(last[0]!.ok && last[0]!.additionalResults['spot']).toBe(110);
    expect(last[0]!.ok && last[0]!.additionalResults['volatility']).toBeCloseTo(0.299, 14);
    subs.forEach((s) => s.unsubscribe());
  });

  it('3. relinking a handle reprices everything downstream, once', () => {
    const m = flatMarket();
    const book = countedBook(200, m.engine);
    const { counts, last, subs } = listen(book);
    const npvBefore = book.map((o) => o.NPV());
    m.riskFree.linkTo(new FlatForward(0.07, { referenceDate: today }));
    expect(counts.every((c) => c === 2)).toBe(true);
    expect(book.every((o) => o.calculations === 2)).toBe(true);
    // Calls gain and puts lose value when the rate rises (rho sign).
    book.forEach((o, i) => {
      const r = last[i]!;
      expect(r.ok).toBe(true);
      if (r.ok) expect(Math.sign(r.npv - npvBefore[i]!)).toBe(o.terms.payoff.optionType === OptionType.Call ? 1 : -1);
    });
    subs.forEach((s) => s.unsubscribe());
  });

  it('4. an invalid quote gives { ok: false } and the stream recovers when the quote is valid again', () => {
    const m = flatMarket();
    const option = europeanOption(OptionType.Put, 95, 90);
    option.setPricingEngine(m.engine);
    const seen: PricingResult[] = [];
    let completed = false;
    const sub = option.results$.subscribe({ next: (r) => seen.push(r), complete: () => (completed = true) });
    const good = seen[0]!;
    m.spot.setValue(Number.NaN);
    m.spot.setValue(101);
    m.vol.reset(); // "set invalid"
    m.vol.setValue(0.2);
    m.spot.setValue(100);
    expect(seen.map((r) => r.ok)).toEqual([true, false, true, false, true, true]);
    const failure = seen[1]!;
    expect(failure.ok === false && failure.error).toBeInstanceOf(QuantflowError);
    expect(failure.ok === false && failure.error.code).toBe('INVALID_QUOTE');
    expect(seen[5]).toEqual(good); // back to the original state, same price
    expect(completed).toBe(false);
    sub.unsubscribe();
  });

  it('5. 100,000 subscribe/unsubscribe cycles leave zero live subscriptions and bounded heap', () => {
    const m = flatMarket();
    const option = europeanOption(OptionType.Call, 100, 365);
    option.setPricingEngine(m.engine);
    const gc = (globalThis as { gc?: () => void }).gc;
    const baseSinks = graphStats().liveSinks;
    const baseObservers = option.observerCount;
    const cycle = (n: number) => {
      for (let i = 0; i < n; i++) {
        const a = option.results$.subscribe(() => undefined);
        const b = m.spot.value$.subscribe(() => undefined);
        if (i % 1000 === 0) m.spot.setValue(100 + (i % 7)); // some ticks while subscribed
        a.unsubscribe();
        b.unsubscribe();
      }
    };
    cycle(10_000); // warm up JIT and rxjs internals before measuring
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    cycle(100_000);
    gc?.();
    const heapAfter = process.memoryUsage().heapUsed;
    expect(graphStats().liveSinks).toBe(baseSinks);
    expect(graphStats().pendingSinks).toBe(0);
    expect(option.observerCount).toBe(baseObservers);
    expect(m.spot.observerCount).toBe(1); // only its handle
    // Bound: 2 MB for 200,000 subscriptions = 10 bytes each, far below the hundreds of bytes one
    // retained subscriber costs. gc is exposed by vitest.config.ts; without it the bound is noise.
    expect(gc).toBeTypeOf('function');
    expect(heapAfter - heapBefore).toBeLessThan(2 * 1024 * 1024);
  });

  it('6. laziness: nobody reads → never computed; frozen → not recomputed until unfrozen', () => {
    const m = flatMarket();
    const [unread, frozen] = countedBook(2, m.engine);
    for (let k = 0; k < 50; k++) m.spot.setValue(100 + k);
    expect(unread!.calculations).toBe(0);

    const seen: PricingResult[] = [];
    const sub = frozen!.results$.subscribe((r) => seen.push(r));
    const c0 = frozen!.calculations;
    frozen!.freeze();
    for (let k = 0; k < 10; k++) m.spot.setValue(120 + k);
    expect(frozen!.calculations).toBe(c0);
    expect(seen).toHaveLength(1);
    const pinned = frozen!.NPV();
    expect(seen[0]!.ok && seen[0]!.npv).toBe(pinned);
    frozen!.unfreeze();
    expect(seen).toHaveLength(2);
    expect(frozen!.calculations).toBe(c0 + 1);
    expect(seen[1]!.ok && seen[1]!.additionalResults['spot']).toBe(129);
    expect(unread!.calculations).toBe(0);
    sub.unsubscribe();
  });

  it('7. a dependency cycle is refused when it is built', () => {
    const h = new RelinkableHandle<Quote>(new SimpleQuote(1));
    const doubled = new DerivedQuote(h, (x) => 2 * x);
    const build = () => h.linkTo(doubled);
    expect(build).toThrow(QuantflowError);
    expect(build).toThrow(/dependency cycle/);
    try {
      build();
    } catch (e) {
      expect((e as QuantflowError).code).toBe('DEPENDENCY_CYCLE');
    }
    expect(h.currentLink()).not.toBe(doubled); // the handle kept a usable state
    expect(doubled.value()).toBe(2);

    // A longer loop: curve rate ← quote ← handle ← curve's derived quote.
    const rateHandle = new RelinkableHandle<Quote>(new SimpleQuote(0.01));
    const curve = new FlatForward(rateHandle, { referenceDate: today });
    const curveHandle = new Handle<YieldTermStructure>(curve);
    const fromCurve = new DerivedQuote(new Handle<Quote>(new SimpleQuote(0.02)), (x) => x);
    curveHandle.registerObserver(fromCurve);
    expect(() => rateHandle.linkTo(fromCurve)).toThrow(/dependency cycle/);
  });

  it('marbles: synchronous propagation emits per tick; asap scheduling coalesces a burst', () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    testScheduler.run(({ cold, expectObservable }) => {
      const m = flatMarket();
      const option = europeanOption(OptionType.Call, 100, 365);
      option.setPricingEngine(m.engine);
      const spots = cold('-a-b-c|', { a: 101, b: 102, c: 103 });
      spots.subscribe((s) => m.spot.setValue(s));
      const npvs = { x: 100, a: 101, b: 102, c: 103 };
      expectObservable(option.results$.pipe(mapSpot())).toBe('xa-b-c', npvs);
    });
    // asapScheduler: three ticks before the microtask → one reprice, on the latest spot.
    setPropagationScheduler(asapScheduler);
    const m = flatMarket();
    const option = europeanOption(OptionType.Call, 100, 365);
    option.setPricingEngine(m.engine);
    const spotsSeen: number[] = [];
    const sub = option.results$.pipe(mapSpot()).subscribe((s) => spotsSeen.push(s));
    m.spot.setValue(101);
    m.spot.setValue(102);
    m.spot.setValue(103);
    expect(spotsSeen).toEqual([100]);
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        expect(spotsSeen).toEqual([100, 103]);
        sub.unsubscribe();
        resolve();
      }, 0),
    );
  });
});

function mapSpot() {
  return map((r: PricingResult) => (r.ok ? (r.additionalResults['spot'] as number) : Number.NaN));
}

describe('reactive graph, in marbles', () => {
  it('a frozen instrument stays silent; unfreezing emits once; unsubscribing ends emissions', () => {
    const testScheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    testScheduler.run(({ cold, expectObservable }) => {
      const m = flatMarket();
      const option = europeanOption(OptionType.Call, 100, 365);
      option.setPricingEngine(m.engine);
      // spot ticks at 1, 3 (frozen), 5 (frozen); unfreeze at 7; tick at 9 after unsubscribing at 8.
      cold('-a-b-c-u-d|', { a: 101, b: 102, c: 103, u: 0, d: 104 }).subscribe((v) => {
        if (v === 102) option.freeze();
        if (v === 0) option.unfreeze();
        else m.spot.setValue(v);
      });
      expectObservable(option.results$.pipe(mapSpot()), '^-------!').toBe('xa-----c', { x: 100, a: 101, c: 103 });
    });
  });
});
