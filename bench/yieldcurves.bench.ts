// Yield curves: bootstrap time of a 30-instrument OIS curve, and repricing 10,000 swaps after one
// quote tick in a transaction (with the number of re-bootstraps it caused).
import { DiscountingSwapEngine } from '../engines/discounting/DiscountingSwapEngine.js';
import { SwapType } from '../instruments/SwapType.js';
import { VanillaSwap } from '../instruments/VanillaSwap.js';
import { FixingsStore } from '../src/indexes/FixingsStore.js';
import { IborIndex } from '../src/indexes/IborIndex.js';
import { Currency } from '../src/money/Currency.js';
import { Handle } from '../src/patterns/Handle.js';
import { transaction } from '../src/patterns/transaction.js';
import type { Quote } from '../src/quotes/Quote.js';
import { SimpleQuote } from '../src/quotes/SimpleQuote.js';
import { Settings } from '../src/settings.js';
import { Actual360 } from '../src/time/Actual360.js';
import { Date } from '../src/time/Date.js';
import { Period } from '../src/time/Period.js';
import { Schedule } from '../src/time/Schedule.js';
import { Thirty360, Thirty360Convention } from '../src/time/Thirty360.js';
import { TimeUnit } from '../src/time/TimeUnit.js';
import { UnitedStates, UnitedStatesMarket } from '../src/time/UnitedStates.js';
import { PiecewiseYieldCurve, type PiecewiseYieldCurveOptions } from '../termstructures/yield/PiecewiseYieldCurve.js';
import { OISRateHelper } from '../termstructures/yield/ratehelpers/OISRateHelper.js';
import type { YieldTermStructure } from '../termstructures/yield/YieldTermStructure.js';
import { medianSeconds } from './_lib/measure.js';

/** A PiecewiseYieldCurve that counts its bootstraps. */
class CountingCurve extends PiecewiseYieldCurve {
  bootstraps = 0;
  protected override performCalculations(): void {
    this.bootstraps++;
    super.performCalculations();
  }
}

const today = Date.fromISO('2025-01-31');
const calendar = new UnitedStates(UnitedStatesMarket.SOFR);
/** 30 OIS tenors, 1M … 50Y, with a humped level around 4 %. */
const TENORS: readonly string[] = [
  '1M', '2M', '3M', '4M', '5M', '6M', '7M', '8M', '9M', '10M', '11M', '1Y', '18M', '2Y', '3Y', '4Y', '5Y', '6Y', '7Y', '8Y',
  '9Y', '10Y', '12Y', '15Y', '20Y', '25Y', '30Y', '35Y', '40Y', '50Y',
];

function market(options: PiecewiseYieldCurveOptions): { curve: CountingCurve; quotes: SimpleQuote[] } {
  const quotes = TENORS.map((_, i) => new SimpleQuote(0.043 - 0.004 * Math.sin(i / 9)));
  const helpers = TENORS.map(
    (t, i) => new OISRateHelper(new Handle<Quote>(quotes[i] as SimpleQuote), Period.parse(t), { settlementDays: 2, calendar, dayCounter: new Actual360(), paymentLag: 2 }),
  );
  return { curve: new CountingCurve(helpers, { referenceDate: today, ...options }), quotes };
}

export function run(): void {
  Settings.instance.evaluationDate.set(today);

  console.log('\nBootstrap of a 30-instrument SOFR OIS curve (1M … 50Y, annual, 2-day lag), one quote bumped per run');
  console.log('interpolation                 median ms   bootstraps/s');
  for (const [label, options] of [
    ['log-linear discount', { traits: 'discount', interpolation: 'logLinear' }],
    ['linear zero', { traits: 'zeroYield', interpolation: 'linear' }],
    ['monotone convex (global)', { traits: 'discount', interpolation: 'monotoneConvex' }],
  ] as const) {
    const { curve, quotes } = market(options);
    let k = 0;
    const s = medianSeconds(() => {
      const q = quotes[k++ % quotes.length] as SimpleQuote;
      q.setValue(q.value() + (k % 2 === 0 ? 1e-4 : -1e-4));
      curve.discount(40);
    }, 15);
    console.log(`${label.padEnd(29)} ${(s * 1e3).toFixed(2).padStart(9)}   ${(1 / s).toFixed(0).padStart(12)}`);
  }

  // 10,000 single-curve swaps: fixed annual 30/360 vs a 6M term rate, maturities 1 … 30 years.
  const { curve, quotes } = market({});
  const handle = new Handle<YieldTermStructure>(curve);
  const index = new IborIndex({
    familyName: 'TermSOFR', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.USD, fixingCalendar: calendar,
    dayCounter: new Actual360(), forwardingTermStructure: handle, fixingsStore: new FixingsStore(),
  });
  const engine = new DiscountingSwapEngine(handle);
  const spot = calendar.advance(today, 2, TimeUnit.Days);
  const schedules = new Map<string, Schedule>();
  const schedule = (years: number, tenor: string): Schedule => {
    const key = `${years}/${tenor}`;
    let s = schedules.get(key);
    if (s === undefined) {
      s = new Schedule({ effectiveDate: spot, terminationDate: spot.add(years, TimeUnit.Years), tenor: Period.parse(tenor), calendar });
      schedules.set(key, s);
    }
    return s;
  };
  const built = process.hrtime.bigint();
  const swaps: VanillaSwap[] = [];
  for (let i = 0; i < 10_000; i++) {
    const years = 1 + (i % 30);
    const swap = new VanillaSwap(
      i % 2 === 0 ? SwapType.Payer : SwapType.Receiver, 1e6 + 1000 * i, schedule(years, '1Y'), 0.03 + 0.02 * ((i * 7919) % 1000) / 1000,
      new Thirty360(Thirty360Convention.BondBasis), schedule(years, '6M'), index, 0, new Actual360(),
    );
    swap.setPricingEngine(engine);
    swaps.push(swap);
  }
  const buildMs = Number(process.hrtime.bigint() - built) / 1e6;
  const coupons = swaps.reduce((a, s) => a + s.legs[0]!.length + s.legs[1]!.length, 0);

  let emissions = 0;
  const subs = swaps.map((s) => s.results$.subscribe((r) => { if (r.ok) emissions++; else throw r.error; }));
  const first = curve.bootstraps;
  console.log(`\n10,000 VanillaSwaps (fixed annual vs 6M term rate, 1 … 30 years; ${coupons} coupons) on the 30-instrument curve, built in ${buildMs.toFixed(0)} ms`);
  console.log('tick in a transaction                       ms     re-bootstraps   emissions');
  for (let tick = 0; tick < 5; tick++) {
    emissions = 0;
    const before = curve.bootstraps;
    const t0 = process.hrtime.bigint();
    transaction(() => {
      const q = quotes[21] as SimpleQuote; // the 10Y quote
      q.setValue(q.value() + (tick % 2 === 0 ? 1e-4 : -1e-4));
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`push (subscribed), tick ${tick}               ${ms.toFixed(1).padStart(8)}   ${String(curve.bootstraps - before).padStart(13)}   ${String(emissions).padStart(9)}`);
  }
  for (const s of subs) s.unsubscribe();
  for (let tick = 0; tick < 3; tick++) {
    const before = curve.bootstraps;
    const t0 = process.hrtime.bigint();
    transaction(() => {
      const q = quotes[21] as SimpleQuote;
      q.setValue(q.value() + (tick % 2 === 0 ? 1e-4 : -1e-4));
    });
    let total = 0;
    for (const s of swaps) total += s.NPV();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`pull (NPV() after the tick), tick ${tick}     ${ms.toFixed(1).padStart(8)}   ${String(curve.bootstraps - before).padStart(13)}   ${Number.isFinite(total) ? '10000 NPVs' : 'NaN'}`);
  }
  console.log(`(first pricing bootstrapped ${first} time(s) before the ticks)`);
  for (const s of swaps) s.dispose();
}
