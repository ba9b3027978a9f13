// Rough Heston routes of issue 7, Padé and Markovian lift (engines/roughheston/pade*, lift*):
// 1. the lift kernel's relative L² error on [5e-3, 0.5] (n = 15, r = 3, H = 0.1; seed 1.15e-2);
// 2. lift COS prices against QuantLib's published rough Heston calls (test/reference/published.json)
//    for n = 5 … 80 on the default ratio, with the time of the 9 prices;
// 3. Padé (1,1) … (6,6) on the same set, with times.
// The 256 × 8 surface, per route through cosRoughHestonBatch against a converged Adams
// reference, is in bench/roughheston.bench.ts (`npm run bench -- roughheston`).
// Prints tables; asserts nothing. BENCH_REPEATS (default 1) timed runs, median.
import { readFileSync } from 'node:fs';
import { liftKernel, liftKernelL2Error } from '../engines/roughheston/liftKernel.js';
import { liftedHestonLogCf } from '../engines/roughheston/liftedHestonLogCf.js';
import { padeRoughHestonLogCf } from '../engines/roughheston/padeRoughHestonLogCf.js';
import type { RoughHestonLogCf } from '../engines/roughheston/RoughHestonLogCf.js';
import { liftCosCalls } from '../engines/roughheston/_lib/liftCosCalls.js';
import { medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 1);
const published = JSON.parse(readFileSync(new URL('../test/reference/published.json', import.meta.url), 'utf8'));
const R = published['rough_heston_quantlib_test'];
const params = { v0: R.params.v0, kappa: R.params.kappa, theta: R.params.theta, sigma: R.params.sigma, rho: R.params.rho, hurst: R.params.H };
const T = [0.25, 1, 2];
const K = [75, 100, 130];
const ref: number[] = T.flatMap((t) => K.map((k) => R.calls[String(t)][String(k)] as number));

function publishedRow(label: string, cf: RoughHestonLogCf): void {
  let prices: Float64Array = new Float64Array(0);
  const s = medianSeconds(() => {
    prices = liftCosCalls(cf, params, R.params.S, K, T, R.params.r, R.params.q, { terms: 256, truncation: 16 });
  }, REPEATS, 0);
  const err = Array.from(prices, (v, i) => v - ref[i]!);
  const worst = Math.max(...err.map(Math.abs));
  console.log(`${label.padEnd(22)} max|Δ| ${worst.toExponential(2)}  ${(s * 1e3).toFixed(0).padStart(6)} ms   Δ: ${err.map((e) => e.toExponential(1)).join(' ')}`);
}

export function run(): void {
  console.log(`Lift kernel, relative L² error on [5e-3, 0.5], H = 0.1, n = 15, r = 3: ${liftKernelL2Error(0.1, liftKernel(0.1, 15, 3)).toExponential(4)} (seed: 1.15e-2)`);
  for (const n of [5, 10, 20, 40, 80]) console.log(`  n = ${n}, default r = ${Math.exp(9 * Math.pow(n, -0.7)).toFixed(3)}: ${liftKernelL2Error(0.1, liftKernel(0.1, n)).toExponential(3)}`);
  console.log('\nPublished rough Heston calls (QuantLib test suite; T 0.25/1/2 × K 75/100/130), COS 256 terms, L = 16');
  for (const n of [5, 10, 20, 40, 80]) publishedRow(`lift n = ${n}`, liftedHestonLogCf({ factors: n }));
  publishedRow('lift n = 20, r = 1.675', liftedHestonLogCf({ factors: 20, ratio: 1 + 10 * Math.pow(20, -0.9) }));
  for (const n of [1, 2, 3, 4, 5, 6]) publishedRow(`Padé (${n},${n})`, padeRoughHestonLogCf({ order: [n, n] }));
}
