// American option pricing: time per price of the binomial trees (CRR, Leisen–Reimer, 1,000
// steps) and the Crank–Nicolson FD engine (200×200, 800×800), beside native QuantLib 1.29's
// engines on the same inputs when g++ and the QuantLib headers are installed. Prints one table;
// asserts nothing.
import { quantLibProgram } from './_lib/quantLibProgram.js';
import { spawnSync } from 'node:child_process';
import { BinomialVanillaEngine } from '../engines/blackscholes/BinomialVanillaEngine.js';
import { FdBlackScholesVanillaEngine } from '../engines/blackscholes/FdBlackScholesVanillaEngine.js';
import type { PricingEngine } from '../engines/PricingEngine.js';
import { CoxRossRubinstein } from '../engines/trees/CoxRossRubinstein.js';
import { LeisenReimer } from '../engines/trees/LeisenReimer.js';
import { AmericanExercise } from '../instruments/exercises/AmericanExercise.js';
import { OptionType } from '../instruments/OptionType.js';
import { PlainVanillaPayoff } from '../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption, type VanillaOptionArguments } from '../instruments/VanillaOption.js';
import { Handle } from '../src/patterns/Handle.js';
import { GeneralizedBlackScholesProcess } from '../src/processes/GeneralizedBlackScholesProcess.js';
import type { Quote } from '../src/quotes/Quote.js';
import { SimpleQuote } from '../src/quotes/SimpleQuote.js';
import { Settings } from '../src/settings.js';
import { Date } from '../src/time/Date.js';
import type { BlackVolTermStructure } from '../termstructures/volatility/BlackVolTermStructure.js';
import { BlackConstantVol } from '../termstructures/volatility/BlackConstantVol.js';
import { FlatForward } from '../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../termstructures/yield/YieldTermStructure.js';
import { medianSeconds } from './_lib/measure.js';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);
// The quantlib.american put_atm_1y case: S = K = 100, 1 year, r = 5 %, q = 0, σ = 20 %.
const CASE = { S: 100, K: 100, days: 365, r: 0.05, q: 0, vol: 0.2, type: OptionType.Put };

function quantLibCpp(): Map<string, { seconds: number; npv: number }> | string {
  const exe = quantLibProgram('american_bench', 'ql/quantlib.hpp');
  if (typeof exe !== 'string') return exe.skipped;
  const run = spawnSync(exe, [CASE.S, CASE.K, CASE.days, CASE.r, CASE.q, CASE.vol, CASE.type, REPEATS].map(String), { encoding: 'utf8' });
  if (run.status !== 0) return `american_bench failed: ${run.stderr.split('\n')[0]}`;
  const out = new Map<string, { seconds: number; npv: number }>();
  for (const line of run.stdout.trim().split('\n')) {
    const [name, seconds, npv] = line.split(/\s+/);
    out.set(name!, { seconds: Number(seconds), npv: Number(npv) });
  }
  return out;
}

export function run(): void {
  const today = Date.fromISO('2025-01-02');
  Settings.instance.evaluationDate.set(today);
  const ref = { referenceDate: today };
  const process_ = new GeneralizedBlackScholesProcess(
    new Handle<Quote>(new SimpleQuote(CASE.S)),
    new Handle<YieldTermStructure>(new FlatForward(new Handle<Quote>(new SimpleQuote(CASE.q)), ref)),
    new Handle<YieldTermStructure>(new FlatForward(new Handle<Quote>(new SimpleQuote(CASE.r)), ref)),
    new Handle<BlackVolTermStructure>(new BlackConstantVol(new Handle<Quote>(new SimpleQuote(CASE.vol)), ref)),
  );
  const option = new VanillaOption(new PlainVanillaPayoff(CASE.type, CASE.K), new AmericanExercise(today, today.addDays(CASE.days)));
  const args: VanillaOptionArguments = { payoff: option.terms.payoff, exercise: option.terms.exercise };
  const engines: ReadonlyArray<readonly [string, string, PricingEngine<VanillaOptionArguments>]> = [
    ['CRR-1000', 'binomial CRR, 1,000 steps', new BinomialVanillaEngine(process_, CoxRossRubinstein, 1000)],
    ['LR-1001', 'binomial Leisen–Reimer, 1,001 steps', new BinomialVanillaEngine(process_, LeisenReimer, 1001)],
    ['FD-200x200', 'FD Crank–Nicolson 200×200', new FdBlackScholesVanillaEngine(process_, { tGrid: 200, xGrid: 200 })],
    ['FD-800x800', 'FD Crank–Nicolson 800×800', new FdBlackScholesVanillaEngine(process_, { tGrid: 800, xGrid: 800 })],
  ];
  const ql = quantLibCpp();
  const qdfp = 6.090370606535343; // quantlib.american put_atm_1y qdfp_high_precision (true value)
  console.log(`American put S = K = 100, T = 1, r = 5 %, σ = 20 %; median of ${REPEATS} prices after 2 warm-ups (engine.calculate, price + Greeks)`);
  const table = engines.map(([key, label, engine]) => {
    let npv = 0;
    const secs = medianSeconds(() => {
      npv = engine.calculate(args).value;
    }, REPEATS);
    const q = typeof ql === 'string' ? undefined : ql.get(key);
    return {
      engine: label,
      'quantflow µs/price': (secs * 1e6).toFixed(0),
      'QuantLib µs/price': q ? (q.seconds * 1e6).toFixed(0) : '—',
      '× QuantLib speed': q ? (q.seconds / secs).toFixed(2) : '—',
      'quantflow error vs qdfp': (npv - qdfp).toExponential(2),
      'QuantLib error vs qdfp': q ? (q.npv - qdfp).toExponential(2) : '—',
    };
  });
  console.table(table);
  if (typeof ql === 'string') console.log(`QuantLib C++ skipped: ${ql} (install: apt-get install -y libquantlib0-dev g++)`);
}
