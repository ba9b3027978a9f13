// Rough Heston routes of issue 7, Padé and Markovian lift (engines/roughheston/pade*, lift*):
// 1. the lift kernel's relative L² error on [5e-3, 0.5] (n = 15, r = 3, H = 0.1; seed 1.15e-2);
// 2. lift COS prices against QuantLib's published rough Heston calls (test/reference/published.json)
//    for n = 5 … 80 on the default ratio, with the time of the 9 prices;
// 3. Padé (1,1) … (6,6) on the same set, with times;
// 4. the issue's surface (256 strikes 50 … 150 × 8 maturities 7 … 1,095 days, H = 0.1, ν = 0.3,
//    ρ = −0.7, v0 = θ = 0.04, κ = 0.3): time per surface per route (COS 256 terms, L = 16).
// 5. the same surface through the rough Heston COS engine of branch rhadams (cosRoughHestonBatch,
//    route: 'adams' | RoughHestonLogCf): each route's time and its max |Δ call| and max implied-vol
//    error (OTM options priced ≥ 1e-5) against the Adams route with 4× its default minimum steps.
// Prints tables; asserts nothing. BENCH_REPEATS (default 1) timed runs, median.
import { readFileSync } from 'node:fs';
import { liftKernel, liftKernelL2Error } from '../engines/roughheston/liftKernel.js';
import { liftedHestonLogCf } from '../engines/roughheston/liftedHestonLogCf.js';
import { padeRoughHestonLogCf } from '../engines/roughheston/padeRoughHestonLogCf.js';
import type { RoughHestonLogCf } from '../engines/roughheston/RoughHestonLogCf.js';
import { liftCosCalls } from '../engines/roughheston/_lib/liftCosCalls.js';
import { medianSeconds } from './_lib/measure.js';
import { cosRoughHestonBatch } from '../engines/roughheston/cosRoughHestonBatch.js';
import { impliedBlackVolatility } from '../engines/blackscholes/formulas/impliedBlackVolatility.js';
import { OptionType } from '../instruments/OptionType.js';

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

  const strikes = Array.from({ length: 256 }, (_, i) => 50 + (100 * i) / 255);
  const mats = [7, 30, 60, 91, 182, 365, 730, 1095].map((d) => d / 365);
  const p = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.3, rho: -0.7, hurst: 0.1 };
  console.log('\nSurface 256 strikes × 8 maturities (H = 0.1, ν = 0.3, ρ = −0.7), COS 256 terms, L = 16, ms per surface');
  const routes: [string, RoughHestonLogCf][] = [
    ['lift n = 20', liftedHestonLogCf({ factors: 20 })],
    ['lift n = 10', liftedHestonLogCf({ factors: 10 })],
    ['Padé (4,4)', padeRoughHestonLogCf({ order: [4, 4] })],
    ['Padé (3,3)', padeRoughHestonLogCf({ order: [3, 3] })],
  ];
  const base = liftCosCalls(liftedHestonLogCf({ factors: 80 }), p, 100, strikes, mats, 0.03, 0, { terms: 256, truncation: 16 });
  for (const [label, cf] of routes) {
    let prices: Float64Array = new Float64Array(0);
    const s = medianSeconds(() => {
      prices = liftCosCalls(cf, p, 100, strikes, mats, 0.03, 0, { terms: 256, truncation: 16 });
    }, REPEATS, 0);
    const worst = Math.max(...Array.from(prices, (v, i) => Math.abs(v - base[i]!)));
    console.log(`${label.padEnd(14)} ${(s * 1e3).toFixed(0).padStart(7)} ms   max|Δ call| vs lift n = 80: ${worst.toExponential(2)}`);
  }

  console.log('\nSame surface (r = 3 %, q = 1 %) through cosRoughHestonBatch (rhadams) per route; reference: Adams, minSteps 192');
  const inputs = { spot: 100, strikes, expiries: mats, riskFreeRates: 0.03, dividendYields: 0.01, params: p };
  const reference = cosRoughHestonBatch(inputs, { route: 'adams', adams: { minSteps: 192 } });
  // Max |Δ implied vol| over OTM options whose reference price is ≥ 1e-5 (S = 100), and the count
  // of those whose route price has no implied vol (outside the no-arbitrage bounds).
  const ivError = (calls: Float64Array, puts: Float64Array): { worst: number; failed: number } => {
    let worst = 0;
    let failed = 0;
    for (let j = 0; j < mats.length; j++) {
      const t = mats[j]!;
      const df = Math.exp(-0.03 * t);
      const fwd = 100 * Math.exp((0.03 - 0.01) * t);
      for (let i = 0; i < strikes.length; i++) {
        const k = strikes[i]!;
        const type = k < fwd ? OptionType.Put : OptionType.Call;
        const ref = type === OptionType.Put ? reference.puts[j * strikes.length + i]! : reference.calls[j * strikes.length + i]!;
        const got = type === OptionType.Put ? puts[j * strikes.length + i]! : calls[j * strikes.length + i]!;
        if (!(ref >= 1e-5)) continue;
        try {
          worst = Math.max(worst, Math.abs(impliedBlackVolatility(type, k, fwd, got, t, df) - impliedBlackVolatility(type, k, fwd, ref, t, df)));
        } catch {
          failed++;
        }
      }
    }
    return { worst, failed };
  };
  const engineRoutes: [string, 'adams' | RoughHestonLogCf][] = [
    ['Adams (default)', 'adams'],
    ['lift n = 20', liftedHestonLogCf({ factors: 20 })],
    ['lift n = 80', liftedHestonLogCf({ factors: 80 })],
    ['Padé (3,3)', padeRoughHestonLogCf({ order: [3, 3] })],
    ['Padé (4,4)', padeRoughHestonLogCf({ order: [4, 4] })],
    ['Padé (5,5)', padeRoughHestonLogCf({ order: [5, 5] })],
    ['Padé (6,6)', padeRoughHestonLogCf({ order: [6, 6] })],
  ];
  for (const [label, route] of engineRoutes) {
    let out = reference;
    const s = medianSeconds(() => {
      out = cosRoughHestonBatch(inputs, { route });
    }, REPEATS, 1);
    const dCall = Math.max(...Array.from(out.calls, (v, i) => Math.abs(v - reference.calls[i]!)));
    const iv = ivError(out.calls, out.puts);
    console.log(`${label.padEnd(16)} ${(s * 1e3).toFixed(0).padStart(7)} ms   max|Δ call| ${dCall.toExponential(2)}   max|Δ implied vol| ${iv.worst.toExponential(2)}${iv.failed > 0 ? ` (${iv.failed} without implied vol)` : ''}`);
  }
}
