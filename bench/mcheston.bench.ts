// Heston QE Monte Carlo: paths·steps per second of McHestonEngine on the fused WASM kernel vs its
// TypeScript reference (the same algorithm), on a Feller-satisfying and a Feller-violating set,
// plain and antithetic; with the price and error for each row. Asserts nothing.
import { McHestonEngine } from '../engines/heston/McHestonEngine.js';
import { EuropeanExercise } from '../instruments/exercises/EuropeanExercise.js';
import { OptionType } from '../instruments/OptionType.js';
import { PlainVanillaPayoff } from '../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../instruments/VanillaOption.js';
import type { BatchBackend } from '../src/kernels/black.js';
import { kernelBackend } from '../src/kernels/kernelBackend.js';
import { HestonModel } from '../src/models/HestonModel.js';
import { Handle } from '../src/patterns/Handle.js';
import { HestonProcess } from '../src/processes/HestonProcess.js';
import { SimpleQuote } from '../src/quotes/SimpleQuote.js';
import { Settings } from '../src/settings.js';
import { Date } from '../src/time/Date.js';
import { FlatForward } from '../termstructures/yield/FlatForward.js';
import { formatRate, medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const SETS = {
  'std (κ 1.5, σ 0.3, ρ −0.7)': [0.04, 1.5, 0.04, 0.3, -0.7],
  'Feller-violating (κ 0.5, σ 1, ρ −0.9)': [0.04, 0.5, 0.04, 1, -0.9],
} as const;

export function run(): void {
  const today = Date.fromISO('2025-01-02');
  Settings.instance.evaluationDate.set(today);
  const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: today }));
  const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
  const steps = 32;
  const rows: Array<Record<string, string>> = [];
  for (const [name, [v0, kappa, theta, sigma, rho]] of Object.entries(SETS)) {
    const model = new HestonModel(new HestonProcess(curve(0.03), curve(0.01), new Handle(new SimpleQuote(100)), v0, kappa, theta, sigma, rho));
    const rates: Record<string, number> = {};
    for (const antithetic of [false, true]) {
      for (const backend of ['typescript', 'simd'] as BatchBackend[]) {
        if (backend !== 'typescript' && kernelBackend() !== 'simd') continue;
        const samples = backend === 'typescript' ? 16384 : 131072;
        // A fresh engine each call: the option caches its NPV until its engine changes.
        const t = medianSeconds(() => {
          option.setPricingEngine(new McHestonEngine(model, { samples, seed: 1, timeSteps: steps, antithetic, backend }));
          option.NPV();
        }, REPEATS, 1);
        const pathSteps = samples * steps * (antithetic ? 2 : 1);
        rates[`${antithetic}${backend}`] = pathSteps / t;
        rows.push({
          set: name, antithetic: String(antithetic), impl: backend === 'typescript' ? 'TypeScript reference' : 'WASM kernel',
          'paths·steps': formatRate(pathSteps / t), 'ms / price': (t * 1e3).toFixed(1), samples: String(samples),
          'price ± se': `${option.NPV().toFixed(4)} ± ${option.errorEstimate()!.toFixed(4)}`,
          'WASM / TS': backend === 'simd' ? `${(rates[`${antithetic}simd`]! / rates[`${antithetic}typescript`]!).toFixed(2)}×` : '',
        });
      }
    }
  }
  console.log(`McHestonEngine, ATM call, T = 1, ${steps} QE steps with martingale correction, Philox (median of ${REPEATS})`);
  console.table(rows);
}
