// Black–Scholes–Merton / Black-76 price + Greeks: options per second for the TypeScript
// reference, the scalar WASM loop and the f64x2 SIMD WASM loop, side by side with native
// QuantLib's BlackCalculator on the same inputs when QuantLib is installed (g++ +
// libquantlib0-dev, else the Python bindings). Two workloads:
//   - price + 5 Greeks (Δ, Γ, vega, θ, ρ), Black-76: the target (≥ 3× QuantLib);
//   - price + 6 Greeks (also dividend ρ), generalized BSM with q ≠ r.
// Prints one table with the ratio to QuantLib per workload; asserts nothing. The machine may be
// shared: every figure is the median of BENCH_REPEATS timed runs (default 7) after 2 warm-ups.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blackScholesBatch } from '../src/kernels/black.js';
import type { BatchBackend, BlackScholesBatchOutputs } from '../src/kernels/black.js';
import { black76Batch } from '../src/kernels/black76Batch.js';
import type { Black76BatchOutputs } from '../src/kernels/black76Batch.js';
import { kernelBackend } from '../src/kernels/kernelBackend.js';
import { withScratch } from '../src/kernels/withScratch.js';
import { quantLibProgram } from './_lib/quantLibProgram.js';
import { formatRate, medianSeconds } from './_lib/measure.js';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);

interface Book { S: Float64Array; K: Float64Array; T: Float64Array; r: Float64Array; q: Float64Array; vol: Float64Array; w: Float64Array }

function workload(n: number): Book {
  // Fixed-seed LCG so every run (and QuantLib) prices the same book.
  let s = 12345;
  const u = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
  const K = new Float64Array(n), S = new Float64Array(n), T = new Float64Array(n), r = new Float64Array(n);
  const q = new Float64Array(n), vol = new Float64Array(n), w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    K[i] = 50 + 100 * u();
    S[i] = K[i] * Math.exp(Math.log(0.2) + Math.log(25) * u()); // S/K in [0.2, 5]
    T[i] = Math.exp(Math.log(1 / 365) + Math.log(30 * 365) * u()); // 1 day … 30 years
    r[i] = -0.02 + 0.12 * u();
    q[i] = 0.05 * u();
    vol[i] = Math.exp(Math.log(0.01) + Math.log(300) * u()); // 1 % … 300 %
    w[i] = u() < 0.5 ? 1 : -1;
  }
  return { S, K, T, r, q, vol, w };
}

const P5 = 'price + 5 Greeks (Black-76)';
const P6 = 'price + 6 Greeks (BSM, q ≠ r)';
const QL = 'QuantLib 1.29 C++ BlackCalculator (g++ -O2)';
interface Row { workload: string; impl: string; rate: number; note?: string }

type QlMode = 'b76-5' | 'bsm-6';

/** Builds bench/quantlib/black76_bench.cpp once; the executable's path, or why it cannot run. */
function quantLibExe(): string | { skipped: string } {
  return quantLibProgram('black76_bench', 'ql/pricingengines/blackcalculator.hpp');
}

/** Runs the native benchmark on the book; its rate and the largest price difference to `ourPrices`. */
function quantLibCpp(exe: string, mode: QlMode, data: Book, ourPrices: Float64Array): Row {
  const n = data.S.length;
  const inFile = join(tmpdir(), `quantflow-black-${process.pid}.f64`);
  const outFile = join(tmpdir(), `quantflow-black-${process.pid}.out.f64`);
  const cols = mode === 'bsm-6' ? [data.S, data.K, data.T, data.r, data.q, data.vol, data.w] : [data.S, data.K, data.T, data.r, data.vol, data.w];
  const flat = new Float64Array(cols.length * n);
  cols.forEach((c, j) => flat.set(c, j * n));
  writeFileSync(inFile, flat);
  try {
    const line = execFileSync(exe, [mode, inFile, String(n), String(REPEATS), outFile], { encoding: 'utf8' }).trim();
    const rate = Number(line.split(/\s+/)[0]);
    const ql = new Float64Array(readFileSync(outFile).buffer.slice(0));
    let maxAbs = 0;
    for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(ql[i] - ourPrices[i]) / Math.max(1, data.S[i]));
    return { workload: mode === 'bsm-6' ? P6 : P5, impl: QL, rate, note: `max |ΔV|/max(1,S) vs ours ${maxAbs.toExponential(1)}` };
  } finally {
    rmSync(inFile, { force: true });
    rmSync(outFile, { force: true });
  }
}

function quantLibPython(data: Book): Row | string {
  const py = '/usr/bin/python3.11';
  if (!existsSync(py) || spawnSync(py, ['-c', 'import QuantLib']).status !== 0) return 'python3.11 QuantLib bindings not found';
  const n = Math.min(data.S.length, 100_000);
  const inFile = join(tmpdir(), `quantflow-b76py-${process.pid}.f64`);
  const cols = new Float64Array(6 * n);
  [data.S, data.K, data.T, data.r, data.vol, data.w].forEach((c, j) => cols.set(c.subarray(0, n), j * n));
  writeFileSync(inFile, cols);
  const script = `
import QuantLib as ql, array, math, time, sys
n=${n}; a=array.array('d'); a.frombytes(open(sys.argv[1],'rb').read())
F,K,T,r,v,w=(a[j*n:(j+1)*n] for j in range(6))
ts=[]
for rep in range(4):
    t0=time.perf_counter()
    for i in range(n):
        st=math.sqrt(T[i]); bc=ql.BlackCalculator(ql.Option.Call if w[i]>0 else ql.Option.Put,K[i],F[i],v[i]*st,math.exp(-r[i]*T[i]))
        bc.value(); bc.deltaForward(); bc.gammaForward(); bc.vega(T[i]); bc.theta(F[i],T[i]); bc.rho(T[i])
    ts.append(time.perf_counter()-t0)
print(n/sorted(ts[1:])[1])`;
  const rate = Number(execFileSync(py, ['-c', script, inFile], { encoding: 'utf8' }).trim());
  rmSync(inFile, { force: true });
  return { workload: P5, impl: 'QuantLib 1.29 via Python bindings', rate, note: `n = ${n}` };
}

const BACKENDS: ReadonlyArray<readonly [BatchBackend, string]> = [
  ['typescript', 'TypeScript reference'],
  ['scalar', 'WASM scalar'],
  ['simd', 'WASM SIMD f64x2'],
];

/** black76Batch and blackScholesBatch on every backend, plus SIMD with the columns already in WASM memory. */
function ours(data: Book, rows: Row[]): { b76: Black76BatchOutputs; bs: BlackScholesBatchOutputs } {
  const f64 = () => new Float64Array(N);
  const b76: Black76BatchOutputs = { prices: f64(), deltas: f64(), gammas: f64(), vegas: f64(), thetas: f64(), rhos: f64() };
  const bs: BlackScholesBatchOutputs = { ...b76, prices: f64(), deltas: f64(), gammas: f64(), vegas: f64(), thetas: f64(), rhos: f64(), dividendRhos: f64() };
  const b76In = { forwards: data.S, strikes: data.K, expiries: data.T, discountRates: data.r, volatilities: data.vol, optionTypes: data.w };
  const bsIn = { spots: data.S, strikes: data.K, expiries: data.T, rates: data.r, dividendYields: data.q, volatilities: data.vol, optionTypes: data.w };
  for (const [backend, label] of BACKENDS) {
    rows.push({ workload: P5, impl: label, rate: N / medianSeconds(() => black76Batch(b76In, b76, { backend }), REPEATS) });
  }
  for (const [backend, label] of BACKENDS) {
    rows.push({ workload: P6, impl: label, rate: N / medianSeconds(() => blackScholesBatch(bsIn, bs, { backend }), REPEATS) });
  }
  if (kernelBackend() !== 'simd') return { b76, bs };
  // Copy-free: inputs and outputs are views of the module's memory (withScratch blocks), which
  // blackScholesBatch hands to the kernel by pointer. Still validated; no copies in or out.
  withScratch((s) => {
    const put = (c: Float64Array) => {
      const b = s.f64(N);
      b.view.set(c);
      return b;
    };
    const inBlocks = [data.S, data.K, data.T, data.r, data.q, data.vol, data.w].map(put);
    const outBlocks = Array.from({ length: 7 }, () => s.f64(N));
    // Views are taken per call: a call may grow the memory, which detaches older views.
    const views = () => {
      const [S, K, T, r, q, vol, w] = inBlocks.map((b) => b.view);
      const [prices, deltas, gammas, vegas, thetas, rhos, dividendRhos] = outBlocks.map((b) => b.view);
      return { S, K, T, r, q, vol, w, outs: { prices, deltas, gammas, vegas, thetas, rhos, dividendRhos } };
    };
    const copyFree = 'WASM SIMD f64x2, columns in WASM memory';
    const note = 'no copies: withScratch views passed in and out';
    const b76Secs = medianSeconds(() => {
      const v = views();
      black76Batch({ forwards: v.S, strikes: v.K, expiries: v.T, discountRates: v.r, volatilities: v.vol, optionTypes: v.w }, v.outs);
    }, REPEATS);
    rows.push({ workload: P5, impl: copyFree, rate: N / b76Secs, note });
    const bsSecs = medianSeconds(() => {
      const v = views();
      blackScholesBatch({ spots: v.S, strikes: v.K, expiries: v.T, rates: v.r, dividendYields: v.q, volatilities: v.vol, optionTypes: v.w }, v.outs);
    }, REPEATS);
    rows.push({ workload: P6, impl: copyFree, rate: N / bsSecs, note });
    if (outBlocks[0].view[N - 1] !== bs.prices[N - 1]) throw new Error('copy-free run disagrees with the copying one');
    // The kernel alone (no validation, one call over all N): what the wrapper costs.
    const kernelSecs = medianSeconds(() => {
      const p = inBlocks.map((b) => b.byteOffset);
      const o = outBlocks.map((b) => b.byteOffset);
      s.kernels.blackSimd(N, p[0], p[1], p[2], p[3], p[4], p[5], p[6], o[0], o[1], o[2], o[3], o[4], o[5], o[6]);
    }, REPEATS);
    rows.push({ workload: P6, impl: 'WASM SIMD f64x2, kernel call only', rate: N / kernelSecs, note: 'no validation, no copies, one call' });
  });
  return { b76, bs };
}

export function run(): void {
  const data = workload(N);
  const rows: Row[] = [];
  console.log(`n = ${N} options (S/K 0.2–5, T 1 day–30 y, σ 1 %–300 %), median of ${REPEATS} runs after 2 warm-ups; kernelBackend() = ${kernelBackend()}`);
  const { b76, bs } = ours(data, rows);
  const skipped: string[] = [];
  const exe = quantLibExe();
  if (typeof exe === 'string') {
    rows.push(quantLibCpp(exe, 'b76-5', data, b76.prices));
    rows.push(quantLibCpp(exe, 'bsm-6', data, bs.prices));
  } else {
    skipped.push(`QuantLib C++ skipped: ${exe.skipped}`);
    const py = quantLibPython(data);
    if (typeof py === 'string') skipped.push(`QuantLib Python skipped: ${py}`);
    else rows.push(py);
  }
  const rateOf = (workload: string, impl: (i: string) => boolean) => rows.find((r) => r.workload === workload && impl(r.impl))?.rate ?? Number.NaN;
  const table = [P5, P6].flatMap((workload) =>
    rows
      .filter((r) => r.workload === workload)
      .map((r) => ({
        workload,
        implementation: r.impl,
        'options/s': formatRate(r.rate),
        '× QuantLib': (r.rate / rateOf(workload, (i) => i.startsWith('QuantLib'))).toFixed(2),
        '× TS reference': (r.rate / rateOf(workload, (i) => i === 'TypeScript reference')).toFixed(2),
        note: r.note ?? '',
      })),
  );
  console.table(table);
  console.log('Target (issue 3): price + 5 Greeks ≥ 3× QuantLib\'s BlackCalculator on the same inputs.');
  for (const s of skipped) console.log(s + ' (install: apt-get install -y libquantlib0-dev g++, or quantlib-python)');
}
