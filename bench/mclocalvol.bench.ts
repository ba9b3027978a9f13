// Local-vol Monte Carlo: paths·steps per second of McLocalVolEngine on the fused WASM kernel vs
// its TypeScript reference (the same algorithm), plain and antithetic, one strike and 25 strikes
// per path (the kernel called directly); QuantLib 1.29 MCEuropeanEngine on a process whose Black
// surface QuantLib turns into a LocalVolSurface (Dupire by finite differences at every step),
// where python3.11 QuantLib is installed. Asserts nothing.
import { localVolMcGrid, McLocalVolEngine } from '../engines/localvol/McLocalVolEngine.js';
import { EuropeanExercise } from '../instruments/exercises/EuropeanExercise.js';
import { OptionType } from '../instruments/OptionType.js';
import { PlainVanillaPayoff } from '../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../instruments/VanillaOption.js';
import type { BatchBackend } from '../src/kernels/black.js';
import { kernelBackend } from '../src/kernels/kernelBackend.js';
import { mcLocalVolRun } from '../src/kernels/mclocalvol.js';
import { Handle } from '../src/patterns/Handle.js';
import type { Quote } from '../src/quotes/Quote.js';
import { SimpleQuote } from '../src/quotes/SimpleQuote.js';
import { Settings } from '../src/settings.js';
import { Date } from '../src/time/Date.js';
import { LocalVolTermStructure } from '../termstructures/volatility/LocalVolTermStructure.js';
import { FlatForward } from '../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../termstructures/yield/YieldTermStructure.js';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { formatRate, medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

/** A smooth skewed local vol: 0.2 − 0.15·tanh(ln(S/100)) + 0.02·t. */
class SkewLocalVol extends LocalVolTermStructure {
  constructor(today: Date) {
    super({ referenceDate: today });
  }
  protected localVolImpl(t: number, s: number): number {
    return 0.2 - 0.15 * Math.tanh(Math.log(s / 100)) + 0.02 * t;
  }
}

function quantLibRate(): string {
  const py = '/usr/bin/python3.11';
  if (!existsSync(py) || spawnSync(py, ['-c', 'import QuantLib']).status !== 0) return 'skipped: python3.11 QuantLib bindings not found';
  const script = `
import QuantLib as ql, time, math
today = ql.Date(2, 1, 2025); ql.Settings.instance().evaluationDate = today
dc = ql.Actual365Fixed(); cal = ql.NullCalendar()
S = ql.QuoteHandle(ql.SimpleQuote(100.0))
r = ql.YieldTermStructureHandle(ql.FlatForward(today, 0.03, dc))
q = ql.YieldTermStructureHandle(ql.FlatForward(today, 0.01, dc))
dates = [today + d for d in (91, 182, 365, 730)]
strikes = [60.0 + 5 * i for i in range(17)]
m = ql.Matrix(len(strikes), len(dates))
for i, k in enumerate(strikes):
    for j in range(len(dates)):
        m[i][j] = 0.2 - 0.1 * math.tanh(math.log(k / 100.0))
surf = ql.BlackVarianceSurface(today, cal, dates, strikes, m, dc)
surf.enableExtrapolation()
p = ql.BlackScholesMertonProcess(S, q, r, ql.BlackVolTermStructureHandle(surf))
opt = ql.VanillaOption(ql.PlainVanillaPayoff(ql.Option.Call, 100.0), ql.EuropeanExercise(today + 365))
steps = 100; M = 4096
opt.setPricingEngine(ql.MCEuropeanEngine(p, 'pseudorandom', timeSteps=steps, requiredSamples=M, seed=42))
t = time.perf_counter(); opt.NPV(); t2 = time.perf_counter() - t
print(steps * M / t2)
`;
  const res = spawnSync(py, ['-c', script], { encoding: 'utf8' });
  if (res.status !== 0) return `skipped: QuantLib script failed: ${res.stderr.split('\n').slice(-2).join(' ')}`;
  return `${formatRate(Number(res.stdout.trim()))} path·steps (1 run, 4096 paths × 100 steps, C++ via Python; its local vol is Dupire by finite differences on a BlackVarianceSurface at every step)`;
}

export function run(): void {
  const today = Date.fromISO('2025-01-02');
  Settings.instance.evaluationDate.set(today);
  const ref = { referenceDate: today };
  const spot = new Handle<Quote>(new SimpleQuote(100));
  const r = new Handle<YieldTermStructure>(new FlatForward(0.03, ref));
  const q = new Handle<YieldTermStructure>(new FlatForward(0.01, ref));
  const lv = new SkewLocalVol(today);
  const lvh = new Handle<LocalVolTermStructure>(lv);
  const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
  const steps = 100;
  const rows: Array<Record<string, string>> = [];
  const rates: Record<string, number> = {};
  for (const antithetic of [false, true]) {
    for (const backend of ['typescript', 'simd'] as BatchBackend[]) {
      if (backend !== 'typescript' && kernelBackend() !== 'simd') continue;
      const samples = backend === 'typescript' ? 16384 : 131072;
      const t = medianSeconds(() => {
        option.setPricingEngine(new McLocalVolEngine(spot, q, r, lvh, { samples, seed: 1, timeSteps: steps, antithetic, backend }));
        option.NPV();
      }, REPEATS, 1);
      const pathSteps = samples * steps * (antithetic ? 2 : 1);
      rates[`${antithetic}${backend}`] = pathSteps / t;
      rows.push({
        workload: `engine, 1 strike${antithetic ? ', antithetic' : ''}`, impl: backend === 'typescript' ? 'TypeScript reference' : 'WASM kernel',
        'paths·steps': formatRate(pathSteps / t), 'ms / price': (t * 1e3).toFixed(1), samples: String(samples),
        'price ± se': `${option.NPV().toFixed(4)} ± ${option.errorEstimate()!.toFixed(4)}`,
        'WASM / TS': backend === 'simd' ? `${(rates[`${antithetic}simd`]! / rates[`${antithetic}typescript`]!).toFixed(2)}×` : '',
      });
    }
  }
  // 25 strikes per path through the kernel directly (the grid sampled once, outside the timing).
  const g = localVolMcGrid(lv, 100, r.currentLink(), q.currentLink(), 1, steps, 241, 6);
  const np = 25;
  const payoffs = new Float64Array(2 * np);
  for (let k = 0; k < np; k++) {
    payoffs[k] = 60 + 3.5 * k;
    payoffs[np + k] = payoffs[k]! < 100 ? -1 : 1;
  }
  for (const backend of ['typescript', 'simd'] as BatchBackend[]) {
    if (backend !== 'typescript' && kernelBackend() !== 'simd') continue;
    const samples = backend === 'typescript' ? 16384 : 131072;
    const acc = new Float64Array(5 * np);
    const t = medianSeconds(() => {
      acc.fill(0);
      mcLocalVolRun({ samples, firstPath: 0, key0: 1, key1: 0, steps, antithetic: false, stepData: g.stepData, volGrid: g.volGrid, nx: g.nx, params: g.params, payoffs, nPayoffs: np }, acc, backend);
    }, REPEATS, 1);
    rates[`multi${backend}`] = (samples * steps) / t;
    rows.push({
      workload: `kernel, ${np} strikes per path`, impl: backend === 'typescript' ? 'TypeScript reference' : 'WASM kernel',
      'paths·steps': formatRate((samples * steps) / t), 'ms / price': ((t * 1e3) / np).toFixed(2) + ' per strike', samples: String(samples),
      'price ± se': `ATM-ish strike ${payoffs[11]!.toFixed(1)}: ${(acc[55]! / samples).toFixed(4)}`,
      'WASM / TS': backend === 'simd' ? `${(rates['multisimd']! / rates['multitypescript']!).toFixed(2)}×` : '',
    });
  }
  console.log(`McLocalVolEngine: call K = 100, T = 1, ${steps} log-Euler steps, 241 log-spot nodes, Philox (median of ${REPEATS}); kernelBackend() = ${kernelBackend()}`);
  console.table(rows);
  console.log(`QuantLib 1.29 MCEuropeanEngine with a local-vol process: ${quantLibRate()}`);
}
