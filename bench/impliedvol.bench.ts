// Implied Black-76 volatility: implied vols per second for the TypeScript scalar function
// (blackFormulaImpliedStdDev per option), the TypeScript reference batch, the scalar WASM loop and
// the f64x2 SIMD WASM loop, all running Jäckel's "Let's Be Rational", plus native QuantLib 1.29's
// blackFormulaImpliedStdDev (C++, g++ -O2, compiled here at bench time; its default accuracy 1e-6)
// on the same inputs, with its failures (throws or non-finite results) counted. Also the accuracy
// of each: largest error of s = σ√T against the s that made the price, relative to what the
// price allows (|Δs|/s ÷ (1 + V/(s·∂V/∂s))·ε), and the largest relative round-trip price error.
// Prints one table; asserts nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blackFormula } from '../engines/blackscholes/formulas/blackFormula.js';
import { blackFormulaImpliedStdDev } from '../engines/blackscholes/formulas/blackFormulaImpliedStdDev.js';
import { blackFormulaStdDevDerivative } from '../engines/blackscholes/formulas/blackFormulaStdDevDerivative.js';
import type { BatchBackend } from '../src/kernels/black.js';
import { impliedBlackVolatilityBatch } from '../src/kernels/impliedVol.js';
import { kernelBackend } from '../src/kernels/kernelBackend.js';
import { quantLibProgram } from './_lib/quantLibProgram.js';
import { formatRate, medianSeconds } from './_lib/measure.js';

const N = Number(process.env.BENCH_N ?? 200_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const here = dirname(fileURLToPath(import.meta.url));

interface Workload { P: Float64Array; F: Float64Array; K: Float64Array; T: Float64Array; w: Float64Array; s: Float64Array }

/**
 * A fixed-seed book of undiscounted Black prices: K in [50, 150], σ in [5 %, 100 %] and T in
 * [1 day, 10 years] log-uniform, ln(F/K) uniform within ±zMax standard deviations σ√T, calls and
 * puts. Prices whose time value is below 2⁻⁵⁰·max(F, K) (no information about σ) are redrawn.
 */
function workload(n: number, zMax: number): Workload {
  let seed = 2024;
  const u = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  const W: Workload = { P: new Float64Array(n), F: new Float64Array(n), K: new Float64Array(n), T: new Float64Array(n), w: new Float64Array(n), s: new Float64Array(n) };
  for (let i = 0; i < n; ) {
    const K = 50 + 100 * u();
    const T = Math.exp(Math.log(1 / 365) + Math.log(3650) * u());
    const vol = Math.exp(Math.log(0.05) + Math.log(20) * u());
    const s = vol * Math.sqrt(T);
    const F = K * Math.exp((2 * u() - 1) * zMax * s);
    const w = u() < 0.5 ? 1 : -1;
    const P = blackFormula(w, K, F, s);
    const timeValue = P - Math.max(w * (F - K), 0);
    if (!(timeValue >= 2 ** -50 * Math.max(F, K)) || !(P < (w > 0 ? F : K))) continue;
    W.P[i] = P; W.F[i] = F; W.K[i] = K; W.T[i] = T; W.w[i] = w; W.s[i] = s;
    i++;
  }
  return W;
}

/** Largest vol error in units of what the price allows, and largest relative round-trip price error. */
function accuracy(W: Workload, s: Float64Array, stride = 1): { vol: number; price: number } {
  let vol = 0;
  let price = 0;
  for (let i = 0; i < W.P.length; i += stride) {
    if (!Number.isFinite(s[i])) continue;
    const cond = 1 + W.P[i] / (W.s[i] * blackFormulaStdDevDerivative(W.K[i], W.F[i], W.s[i]));
    vol = Math.max(vol, Math.abs(s[i] - W.s[i]) / W.s[i] / (cond * 2.220446049250313e-16));
    price = Math.max(price, Math.abs(blackFormula(W.w[i], W.K[i], W.F[i], s[i]) - W.P[i]) / W.P[i]);
  }
  return { vol, price };
}

interface Row { workload: string; impl: string; rate: number; failures: number | string; vol: number; price: number; note?: string }

function quantLibCpp(W: Workload): Row | string {
  const exe = quantLibProgram('impliedvol_bench', 'ql/pricingengines/blackformula.hpp');
  if (typeof exe !== 'string') return exe.skipped;
  const n = W.P.length;
  const inFile = join(tmpdir(), `quantflow-iv-${process.pid}.f64`);
  const outFile = join(tmpdir(), `quantflow-iv-${process.pid}.out.f64`);
  const cols = new Float64Array(5 * n);
  [W.P, W.F, W.K, W.T, W.w].forEach((c, j) => cols.set(c, j * n));
  writeFileSync(inFile, cols);
  const [rate, failures] = execFileSync(exe, [inFile, String(n), String(REPEATS), outFile], { encoding: 'utf8' }).trim().split(/\s+/).map(Number);
  const s = new Float64Array(readFileSync(outFile).buffer.slice(0));
  return { workload: '', impl: 'QuantLib 1.29 C++ blackFormulaImpliedStdDev (g++ -O2)', rate, failures, ...accuracy(W, s, 10), note: 'accuracy 1e-6 (its default)' };
}

export function run(): void {
  console.log(`n = ${N} prices per workload (σ 5–100 %, T 1 day–10 years), median of ${REPEATS} runs after 2 warm-ups; kernelBackend() = ${kernelBackend()}`);
  const rows: Row[] = [];
  const skipped = new Set<string>();
  for (const [name, zMax] of [['market, |ln F/K| ≤ 4 σ√T', 4], ['wings, |ln F/K| ≤ 10 σ√T', 10]] as const) {
    const W = workload(N, zMax);
    const s = new Float64Array(N);
    const scalarSecs = medianSeconds(() => {
      for (let i = 0; i < N; i++) s[i] = blackFormulaImpliedStdDev(W.w[i], W.K[i], W.F[i], W.P[i]);
    }, REPEATS);
    rows.push({ workload: name, impl: 'TypeScript scalar blackFormulaImpliedStdDev', rate: N / scalarSecs, failures: 0, ...accuracy(W, s, 10) });
    const backends: ReadonlyArray<readonly [BatchBackend, string]> = [
      ['typescript', 'TypeScript reference batch'],
      ['scalar', 'WASM scalar'],
      ['simd', 'WASM SIMD f64x2'],
    ];
    const ones = new Float64Array(N).fill(1);
    for (const [backend, label] of backends) {
      // expiries = 1 so the batch returns s = σ√T directly, as QuantLib's function does.
      const inputs = { prices: W.P, forwards: W.F, strikes: W.K, expiries: ones, optionTypes: W.w };
      const secs = medianSeconds(() => impliedBlackVolatilityBatch(inputs, s, { backend }), REPEATS);
      rows.push({ workload: name, impl: label, rate: N / secs, failures: 0, ...accuracy(W, s, 10) });
    }
    const ql = quantLibCpp(W);
    if (typeof ql === 'string') skipped.add(`QuantLib C++ skipped: ${ql}`);
    else rows.push({ ...ql, workload: name });
  }
  const rateOf = (workload: string, prefix: string) => rows.find((r) => r.workload === workload && r.impl.startsWith(prefix))?.rate ?? Number.NaN;
  console.table(rows.map((r) => ({
    workload: r.workload,
    implementation: r.impl,
    'implied vols/s': formatRate(r.rate),
    '× TS scalar': (r.rate / rateOf(r.workload, 'TypeScript scalar')).toFixed(2),
    '× QuantLib': (r.rate / rateOf(r.workload, 'QuantLib')).toFixed(2),
    failures: r.failures,
    'max vol error (ε·(1+V/(s·V′)))': r.vol.toPrecision(3),
    'max round-trip price error': r.price.toExponential(1),
    note: r.note ?? '',
  })));
  console.log('Accuracy columns use every 10th option; a failure is a throw or a non-finite result.');
  for (const line of skipped) console.log(line + ' (install: apt-get install -y libquantlib0-dev g++)');
}
