// Black–Scholes–Merton / Black-76 price + six Greeks: options per second for the TypeScript
// reference, the scalar WASM loop and the f64x2 SIMD WASM loop, plus native QuantLib's
// BlackCalculator on the Black-76 workload when QuantLib is installed (g++ + libquantlib0-dev,
// else the Python bindings). Prints one table; asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blackScholesBatch } from '../src/kernels/black.js';
import type { BatchBackend, BlackScholesBatchOutputs } from '../src/kernels/black.js';
import { black76Batch } from '../src/kernels/black76Batch.js';
import { kernelBackend } from '../src/kernels/kernelBackend.js';
import { withScratch } from '../src/kernels/withScratch.js';
import { formatRate, medianSeconds } from './_lib/measure.js';

const N = Number(process.env.BENCH_N ?? 1_000_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function workload(n: number): { S: Float64Array; K: Float64Array; T: Float64Array; r: Float64Array; q: Float64Array; vol: Float64Array; w: Float64Array } {
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

interface Row { workload: string; impl: string; rate: number; note?: string }

function quantLibCpp(data: ReturnType<typeof workload>, ourPrices: Float64Array): Row | string {
  const src = join(here, 'quantlib', 'black76_bench.cpp');
  const exe = join(root, 'build', 'bench', 'black76_bench');
  const hasHeaders = existsSync('/usr/include/ql/pricingengines/blackcalculator.hpp') || existsSync('/usr/local/include/ql/pricingengines/blackcalculator.hpp');
  if (spawnSync('g++', ['--version']).status !== 0 || !hasHeaders) return 'g++ or QuantLib headers not found';
  if (!existsSync(exe) || statSync(exe).mtimeMs < statSync(src).mtimeMs) {
    mkdirSync(dirname(exe), { recursive: true });
    const build = spawnSync('g++', ['-O2', '-std=c++17', src, '-o', exe, '-lQuantLib'], { encoding: 'utf8' });
    if (build.status !== 0) return `g++ failed: ${build.stderr.split('\n')[0]}`;
  }
  const n = data.S.length;
  const inFile = join(tmpdir(), `quantflow-b76-${process.pid}.f64`);
  const outFile = join(tmpdir(), `quantflow-b76-${process.pid}.out.f64`);
  const cols = new Float64Array(6 * n);
  [data.S, data.K, data.T, data.r, data.vol, data.w].forEach((c, j) => cols.set(c, j * n));
  writeFileSync(inFile, cols);
  const line = execFileSync(exe, [inFile, String(n), String(REPEATS), outFile], { encoding: 'utf8' }).trim();
  const rate = Number(line.split(/\s+/)[0]);
  const ql = new Float64Array(readFileSync(outFile).buffer.slice(0));
  let maxAbs = 0;
  for (let i = 0; i < n; i++) maxAbs = Math.max(maxAbs, Math.abs(ql[i] - ourPrices[i]) / Math.max(1, data.S[i]));
  return { workload: 'Black-76', impl: 'QuantLib 1.29 C++ BlackCalculator (g++ -O2)', rate, note: `max |ΔV|/max(1,F) vs SIMD ${maxAbs.toExponential(1)}` };
}

function quantLibPython(data: ReturnType<typeof workload>): Row | string {
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
        bc.value(); bc.deltaForward(); bc.gammaForward(); bc.vega(T[i]); bc.theta(F[i],T[i]); bc.rho(T[i]); bc.dividendRho(T[i])
    ts.append(time.perf_counter()-t0)
print(n/sorted(ts[1:])[1])`;
  const rate = Number(execFileSync(py, ['-c', script, inFile], { encoding: 'utf8' }).trim());
  return { workload: 'Black-76', impl: 'QuantLib 1.29 via Python bindings', rate, note: `n = ${n}` };
}

export function run(): void {
  const data = workload(N);
  const rows: Row[] = [];
  const backends: ReadonlyArray<readonly [BatchBackend, string]> = [
    ['typescript', 'TypeScript reference'],
    ['scalar', 'WASM scalar'],
    ['simd', 'WASM SIMD f64x2'],
  ];
  console.log(`n = ${N} options, price + 6 Greeks, median of ${REPEATS} runs after 2 warm-ups; kernelBackend() = ${kernelBackend()}`);
  const bsOut: BlackScholesBatchOutputs = {
    prices: new Float64Array(N), deltas: new Float64Array(N), gammas: new Float64Array(N), vegas: new Float64Array(N),
    thetas: new Float64Array(N), rhos: new Float64Array(N), dividendRhos: new Float64Array(N),
  };
  for (const [backend, label] of backends) {
    const secs = medianSeconds(
      () => blackScholesBatch({ spots: data.S, strikes: data.K, expiries: data.T, rates: data.r, dividendYields: data.q, volatilities: data.vol, optionTypes: data.w }, bsOut, { backend }),
      REPEATS,
    );
    rows.push({ workload: 'BSM (q ≠ r)', impl: label, rate: N / secs });
  }
  // Kernel alone, data already in linear memory (no validation, no copies): what the wrapper costs.
  if (kernelBackend() === 'simd') {
    withScratch((s) => {
      const cols = [data.S, data.K, data.T, data.r, data.q, data.vol, data.w];
      const ins = cols.map((c) => {
        const b = s.f64(N);
        b.view.set(c);
        return b.byteOffset;
      });
      const outs = cols.map(() => s.f64(N).byteOffset);
      for (const [kernel, label] of [['blackScalar', 'WASM scalar, kernel only'], ['blackSimd', 'WASM SIMD f64x2, kernel only']] as const) {
        const k = s.kernels[kernel];
        const secs = medianSeconds(
          () => k(N, ins[0], ins[1], ins[2], ins[3], ins[4], ins[5], ins[6], outs[0], outs[1], outs[2], outs[3], outs[4], outs[5], outs[6]),
          REPEATS,
        );
        rows.push({ workload: 'BSM (q ≠ r)', impl: label, rate: N / secs, note: 'inputs already in WASM memory' });
      }
    });
  }
  const b76Out = { prices: new Float64Array(N), deltas: new Float64Array(N), gammas: new Float64Array(N), vegas: new Float64Array(N), thetas: new Float64Array(N), rhos: new Float64Array(N) };
  for (const [backend, label] of backends) {
    const secs = medianSeconds(
      () => black76Batch({ forwards: data.S, strikes: data.K, expiries: data.T, discountRates: data.r, volatilities: data.vol, optionTypes: data.w }, b76Out, { backend }),
      REPEATS,
    );
    rows.push({ workload: 'Black-76', impl: label, rate: N / secs });
  }
  // b76Out now holds the SIMD prices (last backend run).
  const skipped: string[] = [];
  const cpp = quantLibCpp(data, b76Out.prices);
  if (typeof cpp === 'string') {
    skipped.push(`QuantLib C++ skipped: ${cpp}`);
    const py = quantLibPython(data);
    if (typeof py === 'string') skipped.push(`QuantLib Python skipped: ${py}`);
    else rows.push(py);
  } else rows.push(cpp);

  const rateOf = (w: string, impl: string) => rows.find((r) => r.workload === w && r.impl === impl)?.rate ?? Number.NaN;
  const table = rows.map((r) => {
    const kernelOnly = r.impl.endsWith('kernel only');
    const scalar = rateOf(r.workload, kernelOnly ? 'WASM scalar, kernel only' : 'WASM scalar');
    return {
      workload: r.workload,
      implementation: r.impl,
      'options/s': formatRate(r.rate),
      '× TS reference': (r.rate / rateOf(r.workload, 'TypeScript reference')).toFixed(2),
      '× WASM scalar': (r.rate / scalar).toFixed(2),
      note: r.note ?? '',
    };
  });
  console.table(table);
  for (const s of skipped) console.log(s + ' (install: apt-get install -y libquantlib0-dev g++, or quantlib-python)');
}
