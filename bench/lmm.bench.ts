// LIBOR market model Monte Carlo: forward-rate path steps per second (20 forwards, 3 factors) of the
// WASM path kernel vs its TypeScript reference (the same algorithm, bit-identical), and the time of
// a 5-year co-terminal Bermudan swaption (annual exercise) on 2^15 Philox paths + as many regression
// paths, and the time of its Andersen–Broadie upper bound (500 outer × 200 inner paths). Asserts nothing.
import { AbcdFunction } from '../engines/lmm/AbcdFunction.js';
import { LiborMarketModel } from '../engines/lmm/LiborMarketModel.js';
import { mcLmmBermudanSwaption, type LmmBermudanResult } from '../engines/lmm/mcLmmBermudanSwaption.js';
import { simulateLiborMarketModel } from '../engines/lmm/simulateLiborMarketModel.js';
import type { BatchBackend } from '../src/kernels/black.js';
import { kernelBackend } from '../src/kernels/kernelBackend.js';
import { formatRate, medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);

export function run(): void {
  // 20 quarterly forwards from T_0 = 0.25 (5 years), abcd hump, Rebonato correlation.
  const rateTimes = Array.from({ length: 21 }, (_, i) => 0.25 * (i + 1));
  const model = new LiborMarketModel({
    rateTimes,
    discounts: rateTimes.map((t) => Math.exp(-0.04 * t)),
    volatility: new AbcdFunction(0.05, 0.4, 0.9, 0.12),
    correlation: { form: 'rebonato', beta: 0.3, rhoInfinity: 0.4 },
  });
  const n = model.size;
  // Path steps: forward-steps per path = Σ_m (n − m) (alive forwards per step).
  const forwardSteps = (n * (n + 1)) / 2;
  const rows: Array<Record<string, string>> = [];
  const rates: Record<string, number> = {};
  for (const backend of ['typescript', 'simd'] as BatchBackend[]) {
    if (backend !== 'typescript' && kernelBackend() !== 'simd') continue;
    const paths = backend === 'typescript' ? 4096 : 32768;
    let value = 0;
    const sec = medianSeconds(() => {
      value = simulateLiborMarketModel(model, { paths, seed: 1, factors: 3, backend }, (p) => p.deflators[n]!).value;
    }, REPEATS);
    rates[backend] = (paths * forwardSteps) / sec;
    rows.push({ backend, paths: String(paths), 'forward steps/s': formatRate(rates[backend]!), 'path steps (rate times)/s': formatRate((paths * n) / sec), 'E[D_N] − P(0,T_N)': (value - model.discounts[n]!).toExponential(2) });
  }
  console.table(rows);
  if (rates['simd'] !== undefined) console.log(`WASM / TypeScript reference: ${(rates['simd'] / rates['typescript']!).toFixed(2)}× (payoff callback included in both)`);

  const K = model.swapRate(4, 20, 4).rate;
  for (const backend of ['typescript', 'simd'] as BatchBackend[]) {
    if (backend !== 'typescript' && kernelBackend() !== 'simd') continue;
    let r = { value: 0, errorEstimate: 0, europeanValue: 0 };
    const sec = medianSeconds(() => {
      r = mcLmmBermudanSwaption(model, { type: 'payer', strike: K, exerciseIndices: [4, 8, 12, 16], end: 20, fixedEvery: 4 }, { paths: 1 << 15, seed: 7, factors: 3, backend, rng: 'sobol' });
    }, Math.max(1, Math.floor(REPEATS / 2)));
    console.log(`Bermudan payer 1.25Y into 4Y, exercise annually (4 dates), 3 factors, 2^15 Sobol (16 shifted copies) + 2^15 regression paths, ${backend}: ${(sec * 1000).toFixed(0)} ms, value ${r.value.toFixed(6)} ± ${r.errorEstimate.toFixed(6)} (European ${r.europeanValue.toFixed(6)})`);
  }

  // Andersen–Broadie upper bound of the same Bermudan: 500 outer × 200 inner Philox paths (3 restarts per outer path).
  {
    const outerPaths = 500;
    const innerPaths = 200;
    const terms = { type: 'payer' as const, strike: K, exerciseIndices: [4, 8, 12, 16], end: 20, fixedEvery: 4 };
    const base = { paths: 1 << 14, seed: 7, factors: 3 };
    const lowerOnly = medianSeconds(() => mcLmmBermudanSwaption(model, terms, base), 1);
    let r: LmmBermudanResult | undefined;
    const sec = medianSeconds(() => {
      r = mcLmmBermudanSwaption(model, terms, { ...base, upperBound: { outerPaths, innerPaths } });
    }, 1, 0);
    const ub = r!.upperBound!;
    console.log(`Andersen–Broadie upper bound, same Bermudan, ${outerPaths} outer × ${innerPaths} inner Philox paths (2^14 pricing + 2^14 regression paths), ${kernelBackend()}: ${((sec - lowerOnly) * 1000).toFixed(0)} ms for the bound (${(sec * 1000).toFixed(0)} ms in all); lower ${r!.value.toFixed(6)} ± ${r!.errorEstimate.toFixed(6)}, upper ${ub.value.toFixed(6)} ± ${ub.errorEstimate.toFixed(6)}, gap ${(ub.gap * 1e4).toFixed(2)} ± ${(ub.gapError * 1e4).toFixed(2)} bp of notional`);
  }
}
