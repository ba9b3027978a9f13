// Hull–White Bermudan swaption, 10 years (1Y no-call, annual exercise): time per price of the
// trinomial tree (1,000 steps) and the Crank–Nicolson FD engine (100² … 400²), beside native
// QuantLib 1.29's TreeSwaptionEngine and FdHullWhiteSwaptionEngine on the same swaption when g++
// and the QuantLib headers are installed. Errors are against a converged value (our FD at
// 2000 × 2000, cross-checked with QuantLib's FD at 400 × 400). Prints one table; asserts nothing.
import { spawnSync } from 'node:child_process';
import { FdHullWhiteSwaptionEngine } from '../engines/hullwhite/fd/FdHullWhiteSwaptionEngine.js';
import { TreeSwaptionEngine } from '../engines/hullwhite/tree/TreeSwaptionEngine.js';
import type { PricingEngine } from '../engines/PricingEngine.js';
import { BermudanExercise } from '../instruments/exercises/BermudanExercise.js';
import { Swaption, type SwaptionArguments } from '../instruments/Swaption.js';
import { SwapType } from '../instruments/SwapType.js';
import { VanillaSwap } from '../instruments/VanillaSwap.js';
import { IborIndex } from '../src/indexes/IborIndex.js';
import { HullWhite } from '../src/models/HullWhite.js';
import { Currency } from '../src/money/Currency.js';
import { Handle } from '../src/patterns/Handle.js';
import { SimpleQuote } from '../src/quotes/SimpleQuote.js';
import { Settings } from '../src/settings.js';
import { Actual365Fixed } from '../src/time/Actual365Fixed.js';
import { BusinessDayConvention } from '../src/time/BusinessDayConvention.js';
import { Date } from '../src/time/Date.js';
import { NullCalendar } from '../src/time/NullCalendar.js';
import { Period } from '../src/time/Period.js';
import { Schedule } from '../src/time/Schedule.js';
import { FlatForward } from '../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../termstructures/yield/YieldTermStructure.js';
import { medianSeconds } from './_lib/measure.js';
import { quantLibProgram } from './_lib/quantLibProgram.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const CASE = { rate: 0.03, a: 0.1, sigma: 0.01, fixedRate: 0.0304549 };

function quantLibCpp(): Map<string, { seconds: number; npv: number }> | string {
  const exe = quantLibProgram('hullwhite_tree_bench', 'ql/pricingengines/swaption/fdhullwhiteswaptionengine.hpp');
  if (typeof exe !== 'string') return exe.skipped;
  const run = spawnSync(exe, [CASE.rate, CASE.a, CASE.sigma, CASE.fixedRate, REPEATS].map(String), { encoding: 'utf8' });
  if (run.status !== 0) return `hullwhite_tree_bench failed: ${run.stderr.split('\n')[0]}`;
  const out = new Map<string, { seconds: number; npv: number }>();
  for (const line of run.stdout.trim().split('\n')) {
    const [name, seconds, npv] = line.split(/\s+/);
    out.set(name as string, { seconds: Number(seconds), npv: Number(npv) });
  }
  return out;
}

export function run(): void {
  const today = Date.fromISO('2025-01-02');
  Settings.instance.evaluationDate.set(today);
  const dc = new Actual365Fixed();
  const curve = new Handle<YieldTermStructure>(new FlatForward(new Handle(new SimpleQuote(CASE.rate)), { referenceDate: today, dayCounter: dc }));
  const model = new HullWhite(curve, CASE.a, CASE.sigma);
  const index = new IborIndex({ familyName: 'FlatIdx', tenor: Period.parse('6M'), fixingDays: 0, currency: Currency.USD, fixingCalendar: new NullCalendar(), dayCounter: dc, convention: BusinessDayConvention.Unadjusted, forwardingTermStructure: curve });
  const sched = (tenor: string) => new Schedule({ effectiveDate: Date.fromISO('2026-01-02'), terminationDate: Date.fromISO('2035-01-02'), tenor: Period.parse(tenor), calendar: new NullCalendar(), convention: BusinessDayConvention.Unadjusted });
  const fixed = sched('1Y');
  const swap = new VanillaSwap(SwapType.Payer, 1, fixed, CASE.fixedRate, dc, sched('6M'), index, 0, dc, BusinessDayConvention.Unadjusted);
  const swaption = new Swaption(swap, new BermudanExercise(fixed.dates().slice(0, -1)));
  const args = swaption.arguments();
  const engines: ReadonlyArray<readonly [string, string, PricingEngine<SwaptionArguments>]> = [
    ['tree-1000', 'tree, 1,000 steps', new TreeSwaptionEngine(model, 1000)],
    ['fd-100x100', 'FD 100 × 100', new FdHullWhiteSwaptionEngine(model, { tGrid: 100, xGrid: 100 })],
    ['fd-200x200', 'FD 200 × 200', new FdHullWhiteSwaptionEngine(model, { tGrid: 200, xGrid: 200 })],
    ['fd-400x400', 'FD 400 × 400', new FdHullWhiteSwaptionEngine(model, { tGrid: 400, xGrid: 400 })],
  ];
  const converged = new FdHullWhiteSwaptionEngine(model, { tGrid: 2000, xGrid: 2000 }).calculate(args).value;
  const ql = quantLibCpp();
  console.log(
    `Bermudan payer swaption, swap 2026-01-02 → 2035-01-02 (K ${(100 * CASE.fixedRate).toFixed(4)} %), exercise yearly 2026 … 2034; ` +
      `Hull–White a = ${CASE.a}, σ = ${CASE.sigma} on a flat ${100 * CASE.rate} % curve`,
  );
  console.log(`converged value (quantflow FD 2000 × 2000): ${converged.toFixed(10)}; quantflow: median of ${REPEATS} after 2 warm-ups (engine.calculate); QuantLib: its tree timed once, FD median of ${REPEATS}`);
  const ours = engines.map(([key, label, engine]) => {
    let npv = 0;
    const secs = medianSeconds(() => {
      npv = engine.calculate(args).value;
    }, REPEATS);
    return { key, label, secs, npv };
  });
  const table = ours.map((o) => {
    const q = typeof ql === 'string' ? undefined : ql.get(o.key);
    // cheapest quantflow engine at least as accurate as QuantLib's on this row
    const match = q === undefined ? undefined : ours.filter((x) => Math.abs(x.npv - converged) <= Math.abs(q.npv - converged)).sort((x, y) => x.secs - y.secs)[0];
    return {
      engine: o.label,
      'quantflow ms': (o.secs * 1e3).toFixed(2),
      'QuantLib ms': q ? (q.seconds * 1e3).toFixed(2) : '—',
      '× QuantLib (same grid)': q ? (q.seconds / o.secs).toFixed(1) : '—',
      'quantflow price': o.npv.toFixed(10),
      'QuantLib price': q ? q.npv.toFixed(10) : '—',
      'quantflow error': (o.npv - converged).toExponential(2),
      'QuantLib error': q ? (q.npv - converged).toExponential(2) : '—',
      '× QuantLib (same accuracy)': q && match ? `${(q.seconds / match.secs).toFixed(1)} (${match.key})` : '—',
    };
  });
  console.table(table);
  if (typeof ql === 'string') console.log(`QuantLib C++ skipped: ${ql} (install: apt-get install -y libquantlib0-dev g++)`);
}
