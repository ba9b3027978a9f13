// Monte Carlo: normals per second (Philox4x32-10 + AS241; TypeScript reference vs the WASM
// kernel), fused path+payoff throughput of the engines' kernel, the TypeScript-side sequential
// generators (MT19937, Sobol), native QuantLib's MC engines via the Python bindings when
// installed, and the measured convergence order of Philox vs Sobol RMS errors. Asserts nothing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { MersenneTwister } from '../engines/montecarlo/MersenneTwister.js';
import { SobolSequence } from '../engines/montecarlo/SobolSequence.js';
import { McEuropeanEngine } from '../engines/blackscholes/McEuropeanEngine.js';
import { AnalyticEuropeanEngine } from '../engines/blackscholes/AnalyticEuropeanEngine.js';
import { EuropeanExercise } from '../instruments/exercises/EuropeanExercise.js';
import { OptionType } from '../instruments/OptionType.js';
import { PlainVanillaPayoff } from '../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../instruments/VanillaOption.js';
import { Handle } from '../src/patterns/Handle.js';
import { GeneralizedBlackScholesProcess } from '../src/processes/GeneralizedBlackScholesProcess.js';
import type { Quote } from '../src/quotes/Quote.js';
import { SimpleQuote } from '../src/quotes/SimpleQuote.js';
import { Settings } from '../src/settings.js';
import { Date } from '../src/time/Date.js';
import { kernelBackend } from '../src/kernels/kernelBackend.js';
import { mcGbmRun, philoxNormals } from '../src/kernels/montecarlo.js';
import type { GbmKernelInputs } from '../src/kernels/montecarlo.reference.js';
import type { BatchBackend } from '../src/kernels/black.js';
import { BlackConstantVol } from '../termstructures/volatility/BlackConstantVol.js';
import { FlatForward } from '../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../termstructures/yield/YieldTermStructure.js';
import type { BlackVolTermStructure } from '../termstructures/volatility/BlackVolTermStructure.js';
import { withScratch } from '../src/kernels/withScratch.js';
import { formatRate, medianSeconds } from './_lib/measure.js';

const IMPL: Record<string, string> = { typescript: 'TypeScript reference', scalar: 'WASM kernel (scalar loop)' };
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
interface Row { workload: string; impl: string; rate: string; note?: string }

function normalsRows(): Row[] {
  const rows: Row[] = [];
  const streams = 1024, dims = 1024;
  const out = new Float64Array(streams * dims);
  for (const backend of ['typescript', 'scalar'] as BatchBackend[]) {
    if (backend !== 'typescript' && kernelBackend() !== 'simd') continue;
    const n = backend === 'typescript' ? streams / 4 : streams;
    const t = medianSeconds(() => philoxNormals(1, 0, n, dims, { backend, out }), REPEATS);
    rows.push({ workload: 'normals (Philox4x32-10 + AS241)', impl: IMPL[backend]!, rate: formatRate((n * dims) / t) });
  }
  if (kernelBackend() === 'simd') {
    // The kernel alone, writing into module memory (no copy to a JS array): what the fused engines pay per normal.
    withScratch((scratch) => {
      const block = scratch.f64(streams * dims);
      const k = scratch.kernels as unknown as { mcPhiloxPathNormals(first: number, k0: number, k1: number, n: number, dims: number, out: number): void };
      const t = medianSeconds(() => k.mcPhiloxPathNormals(0, 1, 0, streams, dims, block.byteOffset), REPEATS);
      rows.push({ workload: 'normals (Philox4x32-10 + AS241)', impl: 'WASM kernel, into module memory', rate: formatRate((streams * dims) / t), note: 'no copy-out' });
    });
  }
  const mt = new MersenneTwister(1);
  const u = new Float64Array(1 << 20);
  const tm = medianSeconds(() => mt.fillUniforms(u), REPEATS);
  rows.push({ workload: 'uniforms (MT19937, 53-bit)', impl: 'TypeScript', rate: formatRate(u.length / tm) });
  const sob = new SobolSequence(64, { scrambleSeed: 1 });
  const pt = new Float64Array(64);
  const ts = medianSeconds(() => {
    sob.skipTo(0);
    for (let i = 0; i < 16384; i++) sob.nextPoint(pt);
  }, REPEATS);
  rows.push({ workload: 'Sobol coordinates (64 dims, shifted)', impl: 'TypeScript', rate: formatRate((16384 * 64) / ts) });
  return rows;
}

function fusedRows(): Row[] {
  const rows: Row[] = [];
  const cases: Array<[string, 0 | 1 | 2, number]> = [['European, 1 exact step', 0, 1], ['barrier + bridge correction, 50 steps', 1, 50], ['arithmetic Asian + control, 12 fixings', 2, 12]];
  for (const [name, kind, n] of cases) {
    const sd = new Float64Array(5 * n);
    for (let j = 0; j < n; j++) {
      sd[j] = 0.03 / n; sd[n + j] = 0.2; sd[2 * n + j] = Math.sqrt(1 / n); sd[3 * n + j] = 0.97; sd[4 * n + j] = 1;
    }
    const params = Float64Array.of(Math.log(100), 100, 1, Math.log(80), 2, 0, 0, 0, 0, n, 0.97);
    for (const backend of ['typescript', 'scalar'] as BatchBackend[]) {
      if (backend !== 'typescript' && kernelBackend() !== 'simd') continue;
      const samples = (backend === 'typescript' ? 1 << 17 : 1 << 19) / n;
      const inp: GbmKernelInputs = { kind, samples, firstPath: 0, key0: 1, key1: 0, steps: n, antithetic: false, stepData: sd, params };
      const t = medianSeconds(() => mcGbmRun(inp, new Float64Array(5), undefined, backend), REPEATS);
      rows.push({ workload: `fused path+payoff: ${name}`, impl: IMPL[backend]!, rate: `${formatRate((samples * n) / t)} steps` });
    }
  }
  return rows;
}

function quantLibRows(): Row[] | string {
  const py = '/usr/bin/python3.11';
  if (!existsSync(py) || spawnSync(py, ['-c', 'import QuantLib']).status !== 0) return 'python3.11 QuantLib bindings not found';
  const script = `
import QuantLib as ql, time
today = ql.Date(2, 1, 2025); ql.Settings.instance().evaluationDate = today
dc = ql.Actual365Fixed()
S = ql.QuoteHandle(ql.SimpleQuote(100.0))
r = ql.YieldTermStructureHandle(ql.FlatForward(today, 0.05, dc))
q = ql.YieldTermStructureHandle(ql.FlatForward(today, 0.02, dc))
v = ql.BlackVolTermStructureHandle(ql.BlackConstantVol(today, ql.NullCalendar(), 0.2, dc))
p = ql.BlackScholesMertonProcess(S, q, r, v)
opt = ql.VanillaOption(ql.PlainVanillaPayoff(ql.Option.Call, 100.0), ql.EuropeanExercise(today + 365))
N = 1 << 20
opt.setPricingEngine(ql.MCEuropeanEngine(p, 'pseudorandom', timeSteps=1, requiredSamples=N, seed=42))
t = time.perf_counter(); opt.NPV(); t1 = time.perf_counter() - t
steps = 50; M = 1 << 15
opt.setPricingEngine(ql.MCEuropeanEngine(p, 'pseudorandom', timeSteps=steps, requiredSamples=M, seed=42))
t = time.perf_counter(); opt.NPV(); t2 = time.perf_counter() - t
print(N / t1, steps * M / t2)
`;
  const res = spawnSync(py, ['-c', script], { encoding: 'utf8' });
  if (res.status !== 0) return `QuantLib script failed: ${res.stderr.split('\n').slice(-2).join(' ')}`;
  const [a, b] = res.stdout.trim().split(/\s+/).map(Number);
  return [
    { workload: 'fused path+payoff: European, 1 exact step', impl: 'QuantLib 1.29 MCEuropeanEngine (MT + inverse normal)', rate: `${formatRate(a!)} steps`, note: '1 run, C++ via Python' },
    { workload: 'European, 50 steps (paths stored)', impl: 'QuantLib 1.29 MCEuropeanEngine', rate: `${formatRate(b!)} steps`, note: '1 run' },
  ];
}

function convergence(): string {
  Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
  const ref = { referenceDate: Date.fromISO('2025-01-02') };
  const process = new GeneralizedBlackScholesProcess(
    new Handle<Quote>(new SimpleQuote(100)),
    new Handle<YieldTermStructure>(new FlatForward(0.02, ref)),
    new Handle<YieldTermStructure>(new FlatForward(0.05, ref)),
    new Handle<BlackVolTermStructure>(new BlackConstantVol(0.2, ref)),
  );
  const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(Date.fromISO('2026-01-02')));
  option.setPricingEngine(new AnalyticEuropeanEngine(process));
  const exact = option.NPV();
  const lines: string[] = [];
  const Ns = [1024, 4096, 16384, 65536, 262144];
  for (const rng of ['philox', 'sobol'] as const) {
    const errs = Ns.map((samples) => {
      let s = 0;
      for (let seed = 1; seed <= 32; seed++) {
        option.setPricingEngine(new McEuropeanEngine(process, { samples, seed, rng }));
        s += (option.NPV() - exact) ** 2;
      }
      return Math.sqrt(s / 32);
    });
    const slope = Math.log(errs[errs.length - 1]! / errs[0]!) / Math.log(Ns[Ns.length - 1]! / Ns[0]!);
    lines.push(`${rng.padEnd(6)} RMS error over 32 seeds at N = ${Ns.join(', ')}: ${errs.map((e) => e.toExponential(2)).join(', ')} → order N^${slope.toFixed(2)}`);
  }
  return lines.join('\n');
}

export function run(): void {
  console.log(`Monte Carlo: median of ${REPEATS} runs after 2 warm-ups; kernelBackend() = ${kernelBackend()}; one core`);
  const rows: Row[] = [...normalsRows(), ...fusedRows()];
  const ql = quantLibRows();
  if (typeof ql === 'string') console.log(`QuantLib: skipped (${ql})`);
  else rows.push(...ql);
  console.table(rows);
  console.log('Convergence (European ATM call, S=K=100, r=5 %, q=2 %, σ=20 %, T=1):');
  console.log(convergence());
}

if (import.meta.url === `file://${process.argv[1]}`) run();
