// The Heston surface of issue 6 (S = 100, 256 strikes 50 … 150, maturities 7 … 1,095 days;
// κ = 1.5, θ = 0.04, σ = 0.3, ρ = −0.7, v0 = 0.04, r = 3 %, q = 1 %): milliseconds per surface for
// cosHestonBatch with the strike sums in TypeScript, in the scalar WASM loop and in the f64x2 WASM
// loop (default truncation L = 40 and FO's L = 12), the Lewis-integral engine core, and native
// QuantLib 1.29's COSHestonEngine and AnalyticHestonEngine when g++ and libquantlib0-dev are
// installed (bench/quantlib/heston_bench.cpp, compiled here). Accuracy: the largest |Δ call| to
// the Lewis integral at 1e-11. Prints one table; asserts nothing; medians of BENCH_REPEATS runs.
import { quantLibProgram } from './_lib/quantLibProgram.js';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cosHestonBatch, type CosHestonOptions } from '../engines/heston/cosHestonBatch.js';
import { lewisHestonCall } from '../engines/heston/_lib/lewisHestonCall.js';
import { medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const here = dirname(fileURLToPath(import.meta.url));
const params = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
const strikes = Float64Array.from({ length: 256 }, (_, i) => 50 + (100 * i) / 255);
const days = [7, 30, 60, 91, 182, 365, 730, 1095];
const expiries = Float64Array.from(days, (d) => d / 365);
const inputs = { spot: 100, strikes, expiries, riskFreeRates: 0.03, dividendYields: 0.01, params };

function quantLib(): Map<string, { seconds: number; calls: Float64Array }> | string {
  const exe = quantLibProgram('heston_bench', 'ql/pricingengines/vanilla/coshestonengine.hpp');
  if (typeof exe !== 'string') return exe.skipped;
  const prefix = join(tmpdir(), `quantflow-heston-${process.pid}`);
  const run = spawnSync(exe, [String(Math.max(1, Math.min(REPEATS, 3))), prefix], { encoding: 'utf8' });
  if (run.status !== 0) return `heston_bench failed: ${run.stderr.split('\n')[0]}`;
  const out = new Map<string, { seconds: number; calls: Float64Array }>();
  for (const line of run.stdout.trim().split('\n')) {
    const [name, seconds] = line.split(/\s+/);
    const file = `${prefix}.${name}.f64`;
    out.set(name!, { seconds: Number(seconds), calls: new Float64Array(readFileSync(file).buffer.slice(0)) });
    rmSync(file, { force: true });
  }
  return out;
}

export function run(): void {
  console.log(`Heston surface 256 strikes × 8 maturities (2,048 calls); median of ${REPEATS} runs`);
  const reference = new Float64Array(strikes.length * expiries.length);
  let lewisSeconds = 0;
  {
    const t0 = process.hrtime.bigint();
    expiries.forEach((t, j) => {
      const dr = Math.exp(-0.03 * t);
      const dq = Math.exp(-0.01 * t);
      strikes.forEach((k, i) => {
        reference[j * strikes.length + i] = lewisHestonCall(100, k, t, dr, dq, params, { absoluteTolerance: 1e-11, maxIntervals: 4000 }).value;
      });
    });
    lewisSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  }
  const maxError = (calls: Float64Array) => calls.reduce((m, c, i) => Math.max(m, Math.abs(c - reference[i]!)), 0);
  const rows: Array<Record<string, string>> = [];
  const variants: ReadonlyArray<readonly [string, CosHestonOptions]> = [
    ['COS TypeScript reference, L = 40 (default)', { backend: 'typescript' }],
    ['COS WASM scalar, L = 40', { backend: 'scalar' }],
    ['COS WASM SIMD f64x2, L = 40', { backend: 'simd' }],
    ['COS WASM SIMD f64x2, L = 20', { backend: 'simd', truncation: 20 }],
    ['COS TypeScript reference, L = 12', { backend: 'typescript', truncation: 12 }],
    ['COS WASM SIMD f64x2, L = 12', { backend: 'simd', truncation: 12 }],
  ];
  for (const [label, options] of variants) {
    let calls: Float64Array = new Float64Array(0);
    const secs = medianSeconds(() => {
      calls = cosHestonBatch(inputs, options).calls;
    }, REPEATS);
    rows.push({ implementation: label, 'ms / surface': (secs * 1e3).toFixed(2), 'max |Δ| vs Lewis 1e-11': maxError(calls).toExponential(1) });
  }
  rows.push({ implementation: 'Lewis integral (AnalyticHestonEngine core), tol 1e-11', 'ms / surface': (lewisSeconds * 1e3).toFixed(0), 'max |Δ| vs Lewis 1e-11': '—' });
  const ql = quantLib();
  if (typeof ql !== 'string') {
    for (const [name, { seconds, calls }] of ql) {
      rows.push({ implementation: `QuantLib 1.29 C++ ${name}`, 'ms / surface': (seconds * 1e3).toFixed(2), 'max |Δ| vs Lewis 1e-11': maxError(calls).toExponential(1) });
    }
  }
  console.table(rows);
  if (typeof ql === 'string') console.log(`QuantLib C++ skipped: ${ql} (install: apt-get install -y libquantlib0-dev g++)`);
}
