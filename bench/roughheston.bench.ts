// Rough Heston (issue 7): the 256-strike × 8-maturity surface of the Heston bench (S = 100,
// K = 50 … 150, 7 … 1,095 days, r = 3 %, q = 1 %) at H = 0.1, ν = 0.3, ρ = −0.7, v0 = θ = 0.04,
// κ = 0.3, by cosRoughHestonBatch over the Adams route at several step counts (WASM and the
// TypeScript reference), against a converged Adams reference (400 steps, tolerance 1e-11, L = 20):
// milliseconds per surface and the largest implied-vol error over the out-of-the-money options
// whose price is ≥ 1e-6·S (below that the implied vol is not determined to 1e-4 by a double).
// Then one fractional Riccati solve (α = 0.61, n = 400, PECE and implicit), and the Adams kernel
// alone (256 nodes × 400 steps) on the three backends with the WASM/TS ratio. Prints tables;
// asserts nothing; medians of BENCH_REPEATS runs.
import { cosRoughHestonBatch, type RoughHestonFourierOptions } from '../engines/roughheston/cosRoughHestonBatch.js';
import { adamsRiccatiRun } from '../src/kernels/riccati.js';
import { impliedBlackVolatilityBatch } from '../src/kernels/impliedVol.js';
import { adamsWeights } from '../src/math/fractional/adamsWeights.js';
import { solveFractionalRiccati } from '../src/math/fractional/solveFractionalRiccati.js';
import { medianSeconds } from './_lib/measure.js';
import { liftedHestonLogCf } from '../engines/roughheston/liftedHestonLogCf.js';
import { padeRoughHestonLogCf } from '../engines/roughheston/padeRoughHestonLogCf.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const params = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.3, rho: -0.7, hurst: 0.1 };
const strikes = Float64Array.from({ length: 256 }, (_, i) => 50 + (100 * i) / 255);
const days = [7, 30, 60, 91, 182, 365, 730, 1095];
const expiries = Float64Array.from(days, (d) => d / 365);
const r = 0.03;
const q = 0.01;
const inputs = { spot: 100, strikes, expiries, riskFreeRates: r, dividendYields: q, params };

/** Implied vols of the out-of-the-money side (puts below the forward, calls above); NaN where the price < 1e-6·S. */
function outOfTheMoneyVols(calls: Float64Array, puts: Float64Array): Float64Array {
  const n = calls.length;
  const prices = new Float64Array(n);
  const forwards = new Float64Array(n);
  const ks = new Float64Array(n);
  const ts = new Float64Array(n);
  const ds = new Float64Array(n);
  const types = new Float64Array(n);
  const keep: boolean[] = [];
  expiries.forEach((t, j) => {
    const f = 100 * Math.exp((r - q) * t);
    strikes.forEach((k, i) => {
      const x = j * strikes.length + i;
      const call = k >= f;
      prices[x] = call ? calls[x]! : puts[x]!;
      forwards[x] = f;
      ks[x] = k;
      ts[x] = t;
      ds[x] = Math.exp(-r * t);
      types[x] = call ? 1 : -1;
      keep.push(prices[x]! >= 1e-4 && prices[x]! < (call ? f : k) * Math.exp(-r * t));
    });
  });
  for (let x = 0; x < n; x++) if (!keep[x]) prices[x] = 0; // OTM intrinsic is 0: vol 0, masked below
  const vols = impliedBlackVolatilityBatch({ prices, forwards, strikes: ks, expiries: ts, discounts: ds, optionTypes: types });
  for (let x = 0; x < n; x++) if (!keep[x]) vols[x] = Number.NaN;
  return vols;
}

export function run(): void {
  console.log(`Rough Heston surface 256 strikes × 8 maturities (2,048 options), H = 0.1, ν = 0.3, ρ = −0.7; median of ${REPEATS} runs`);
  const refOut = cosRoughHestonBatch(inputs, { tolerance: 1e-11, truncation: 20, adams: { steps: 400 } });
  const refVols = outOfTheMoneyVols(refOut.calls, refOut.puts);
  const used = refVols.reduce((c, v) => c + (Number.isNaN(v) ? 0 : 1), 0);
  const rows: Array<Record<string, string>> = [];
  const variants: ReadonlyArray<readonly [string, RoughHestonFourierOptions]> = [
    ['Adams 24 steps + Richardson, WASM', { adams: { steps: 24 } }],
    ['Adams 32 steps + Richardson, WASM (default)', {}],
    ['Adams 32 steps + Richardson, TypeScript reference', { adams: { backend: 'typescript' } }],
    ['Adams 48 steps + Richardson, WASM', { adams: { steps: 48 } }],
    ['Adams 96 steps, no Richardson, WASM', { adams: { steps: 96, richardson: false } }],
    ['Adams 32 steps + Richardson, no anchors, WASM', { adams: { anchors: 0 } }],
    ['Adams 32 steps + Richardson, COS tolerance 1e-8, WASM', { tolerance: 1e-8 }],
    ['Adams 32 steps + Richardson, COS tolerance 1e-7, WASM', { tolerance: 1e-7 }],
    // The Padé and Markovian-lift routes (rhlift; docs/models/rough-heston-routes.md).
    ['Markovian lift n = 20 (ETDRK4), TypeScript', { route: liftedHestonLogCf({ factors: 20 }) }],
    ['Markovian lift n = 80 (ETDRK4), TypeScript', { route: liftedHestonLogCf({ factors: 80 }) }],
    ['Padé (3,3), TypeScript', { route: padeRoughHestonLogCf({ order: [3, 3] }) }],
    ['Padé (4,4), TypeScript', { route: padeRoughHestonLogCf({ order: [4, 4] }) }],
    ['Padé (5,5), TypeScript', { route: padeRoughHestonLogCf({ order: [5, 5] }) }],
    ['Padé (6,6), TypeScript', { route: padeRoughHestonLogCf({ order: [6, 6] }) }],
  ];

  for (const [label, options] of variants) {
    let out = refOut;
    const secs = medianSeconds(() => {
      out = cosRoughHestonBatch(inputs, options);
    }, REPEATS);
    const vols = outOfTheMoneyVols(out.calls, out.puts);
    let err = 0;
    let at = '';
    let failed = 0;
    let priceErr = 0;
    for (let x = 0; x < vols.length; x++) {
      if (!Number.isNaN(refVols[x]!)) {
        if (!Number.isFinite(vols[x]!)) failed++;
        else if (Math.abs(vols[x]! - refVols[x]!) > err) {
          err = Math.abs(vols[x]! - refVols[x]!);
          at = `${days[Math.floor(x / strikes.length)]} d, K = ${strikes[x % strikes.length]!.toFixed(1)}`;
        }
      }
      priceErr = Math.max(priceErr, Math.abs(out.calls[x]! - refOut.calls[x]!));
    }
    rows.push({
      route: label,
      'ms / surface': (secs * 1e3).toFixed(1),
      'max |Δσ| (OTM, price ≥ 1e-4)': `${err.toExponential(1)} (${at})${failed > 0 ? `, ${failed} not invertible` : ''}`,
      'max |Δ call|': priceErr.toExponential(1),
      'COS terms (7 d … 3 y)': `${out.terms[0]} … ${out.terms[7]}`,
    });
  }
  console.table(rows);
  console.log(`implied-vol error over ${used} of 2,048 options (the rest have OTM price < 1e-4); reference: 400 steps, tolerance 1e-11, L = 20`);

  const single: Array<Record<string, string>> = [];
  for (const corrector of ['pece', 'implicit'] as const) {
    for (const method of ['direct', 'fft'] as const) {
      const secs = medianSeconds(
        () => solveFractionalRiccati({ alpha: 0.61, nodes: 1, aRe: -0.5, aIm: -0.5, bRe: -0.3, bIm: 0.21, cRe: 0.045, cIm: 0, grid: { horizon: 1, steps: 400 } }, { corrector, method }),
        REPEATS * 3,
      );
      single.push({ solve: `α = 0.61, n = 400, ${corrector}, ${method}`, 'ms / solve': (secs * 1e3).toFixed(3) });
    }
  }
  console.table(single);

  const m = 256;
  const n = 400;
  const w = adamsWeights(0.61, Float64Array.from({ length: n + 1 }, (_, k) => k / n));
  const coef = new Float64Array(8 * m);
  for (let i = 0; i < m; i++) {
    const u = (i * 100) / m;
    coef[i] = -0.5 * u * u;
    coef[m + i] = -0.5 * u;
    coef[2 * m + i] = -0.3;
    coef[3 * m + i] = -0.21 * u;
    coef[4 * m + i] = 0.045;
  }
  const psi = new Float64Array(2 * m * (n + 1));
  const f = new Float64Array(2 * m * (n + 1));
  const kernel: Array<Record<string, string>> = [];
  const times: Record<string, number> = {};
  for (const backend of ['typescript', 'scalar', 'simd'] as const) {
    times[backend] = medianSeconds(() => adamsRiccatiRun(m, n, w.predictor, w.corrector, coef, psi, f, backend, true), Math.max(3, Math.floor(REPEATS / 2)), 1);
  }
  for (const backend of ['typescript', 'scalar', 'simd'] as const) {
    kernel.push({ 'Adams kernel, 256 nodes × 400 steps (implicit)': backend, ms: (times[backend]! * 1e3).toFixed(1), '× TypeScript': (times.typescript! / times[backend]!).toFixed(2) });
  }
  console.table(kernel);
}
