import { beforeEach, describe, expect, it } from 'vitest';
import { McEuropeanEngine } from '../../engines/blackscholes/McEuropeanEngine.js';
import { InvalidInputError } from '../../src/errors.js';
import { LOCAL_VOL_PARAMS, mcLocalVolRun } from '../../src/kernels/mclocalvol.js';
import type { LocalVolKernelInputs } from '../../src/kernels/mclocalvol.reference.js';
import { AnalyticBarrierEngine } from '../../engines/blackscholes/AnalyticBarrierEngine.js';
import { BarrierOption } from '../../instruments/BarrierOption.js';
import { BarrierType } from '../../instruments/BarrierType.js';
import { EuropeanExercise } from '../../instruments/exercises/EuropeanExercise.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import { europeanOption, flatMarket, OptionType, setToday, today } from '../_lib/market.js';
import { lcg } from '../_lib/lcg.js';

beforeEach(setToday);

/** A small deterministic generator for the random inputs (not the simulation's). */

/** Random kernel inputs: a bumpy vol grid, uneven steps, several strikes, optional barrier. */
function randomInputs(rnd: () => number, i: number): LocalVolKernelInputs {
  const steps = 1 + Math.floor(40 * rnd());
  const nx = 1 + Math.floor(60 * rnd());
  const np = 1 + Math.floor(6 * rnd());
  const samples = 200 + Math.floor(400 * rnd());
  const stepData = new Float64Array(3 * steps);
  for (let j = 0; j < steps; j++) {
    const dt = 0.001 + 0.1 * rnd();
    stepData[j] = (0.1 * rnd() - 0.05) * dt;
    stepData[steps + j] = dt;
    stepData[2 * steps + j] = Math.sqrt(dt);
  }
  const volGrid = new Float64Array(steps * nx);
  for (let k = 0; k < volGrid.length; k++) volGrid[k] = rnd() < 0.05 ? 0 : 0.05 + 0.8 * rnd();
  const x0 = Math.log(50 + 100 * rnd());
  const params = new Float64Array(LOCAL_VOL_PARAMS);
  const half = 0.1 + 1.5 * rnd();
  params[0] = x0;
  params[1] = x0 - half;
  params[2] = nx > 1 ? (nx - 1) / (2 * half) : 1;
  params[3] = Math.exp(-0.05 * rnd());
  const kind = i % 3;
  params[4] = kind === 0 || rnd() < 0.3 ? -Infinity : x0 - 0.5 * rnd();
  params[5] = kind === 0 || rnd() < 0.3 ? Infinity : x0 + 0.5 * rnd();
  params[6] = kind;
  const payoffs = new Float64Array(2 * np);
  for (let k = 0; k < np; k++) {
    payoffs[k] = Math.exp(x0) * (0.6 + 0.8 * rnd());
    payoffs[np + k] = rnd() < 0.5 ? 1 : -1;
  }
  let uniforms: Float64Array | undefined;
  if (i % 4 === 3) {
    uniforms = new Float64Array(samples * steps);
    for (let k = 0; k < uniforms.length; k++) uniforms[k] = rnd();
  }
  return { samples, firstPath: Math.floor(1e6 * rnd()), key0: i, key1: 0, steps, antithetic: rnd() < 0.5, uniforms, stepData, volGrid, nx, params, payoffs, nPayoffs: np };
}

describe('local-vol MC kernel (kernels/mclocalvol.ts) vs its TypeScript reference', () => {
  it('bitwise equal on 300 random inputs (grids, uneven steps, strikes, barriers, Philox and supplied uniforms, antithetic)', () => {
    const rnd = lcg(77);
    let paths = 0;
    for (let i = 0; i < 300; i++) {
      const inp = randomInputs(rnd, i);
      const w = new Float64Array(5 * inp.nPayoffs);
      const t = new Float64Array(5 * inp.nPayoffs);
      mcLocalVolRun(inp, w, 'simd');
      mcLocalVolRun(inp, t, 'typescript');
      expect(Array.from(w), `case ${i}`).toEqual(Array.from(t));
      expect(w.every((v) => Number.isFinite(v))).toBe(true);
      paths += inp.samples;
    }
    expect(paths).toBeGreaterThan(100000);
  });

  it('a constant-vol grid reproduces the GBM kernel (McEuropeanEngine, same seed and steps: same normals) to 1e-12', () => {
    // Independent code path: mcGbm takes exact GBM steps; with σ constant log-Euler is the same
    // recursion, rounded in another order.
    const m = flatMarket(100, 0.04, 0.01, 0.25);
    const T = 1, steps = 12;
    const option = europeanOption(OptionType.Put, 95, 365);
    option.setPricingEngine(new McEuropeanEngine(m.process, { samples: 5000, seed: 9, timeSteps: steps }));
    const gbm = option.NPV();
    const stepData = new Float64Array(3 * steps);
    for (let j = 0; j < steps; j++) {
      const t0 = (T * j) / steps, t1 = j === steps - 1 ? T : (T * (j + 1)) / steps;
      stepData[j] = (0.04 - 0.01) * (t1 - t0);
      stepData[steps + j] = t1 - t0;
      stepData[2 * steps + j] = Math.sqrt(t1 - t0);
    }
    const params = Float64Array.of(Math.log(100), Math.log(100) - 1, 2, Math.exp(-0.04), -Infinity, Infinity, 0);
    const acc = new Float64Array(5);
    mcLocalVolRun({ samples: 5000, firstPath: 0, key0: 9, key1: 0, steps, antithetic: false, stepData, volGrid: new Float64Array(steps * 3).fill(0.25), nx: 3, params, payoffs: Float64Array.of(95, -1), nPayoffs: 1 }, acc);
    expect(Math.abs(acc[0]! / 5000 / gbm - 1)).toBeLessThan(1e-12);
  });

  it('knock-in + knock-out = the vanilla, payoff by payoff (the barrier factor is 0/1 per path)', () => {
    const rnd = lcg(5);
    for (let i = 0; i < 20; i++) {
      const base = randomInputs(rnd, 1);
      const run = (kind: number) => {
        const p = Float64Array.from(base.params);
        p[6] = kind;
        if (kind !== 0 && p[4] === -Infinity && p[5] === Infinity) p[4] = p[0]! - 0.1;
        const acc = new Float64Array(5 * base.nPayoffs);
        mcLocalVolRun({ ...base, params: p }, acc, 'simd');
        return acc;
      };
      const v = run(0), ko = run(1), ki = run(2);
      for (let k = 0; k < base.nPayoffs; k++) {
        expect(Math.abs(ko[5 * k]! + ki[5 * k]! - v[5 * k]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, v[5 * k]!));
      }
    }
  });

  it('refuses bad columns with InvalidInputError naming the argument', () => {
    const rnd = lcg(3);
    const inp = randomInputs(rnd, 0);
    const acc = new Float64Array(5 * inp.nPayoffs);
    const g = Float64Array.from(inp.volGrid);
    g[0] = -0.1;
    expect(() => mcLocalVolRun({ ...inp, volGrid: g }, acc)).toThrow(/volGrid\[0\] = -0.1/);
    const sd = Float64Array.from(inp.stepData);
    sd[inp.steps] = 0;
    expect(() => mcLocalVolRun({ ...inp, stepData: sd }, acc)).toThrow(InvalidInputError);
    const pay = Float64Array.from(inp.payoffs);
    pay[inp.nPayoffs] = 0;
    expect(() => mcLocalVolRun({ ...inp, payoffs: pay }, acc)).toThrow(/ω/);
    expect(() => mcLocalVolRun({ ...inp, steps: 0 }, acc)).toThrow(/steps/);
    const p = Float64Array.from(inp.params);
    p[2] = 0;
    expect(() => mcLocalVolRun({ ...inp, params: p }, acc)).toThrow(/1\/Δx/);
    expect(() => mcLocalVolRun(inp, new Float64Array(1))).toThrow(/acc.length/);
  });
});

describe('local-vol MC kernel: discretely monitored barrier', () => {
  it('constant vol, 50 monitoring dates: down-and-out and up-and-in calls match Broadie–Glasserman–Kou (shifted continuous barrier) within 3 SE + 0.02', () => {
    // BGK (1997): a barrier monitored every Δt prices like a continuous one moved away from the spot
    // by e^(±0.5826σ√Δt); the approximation's own error is o(√Δt) (~0.01 here).
    const sigma = 0.2, r = 0.04, q = 0.01, T = 1, steps = 50, N = 40000;
    const m = flatMarket(100, r, q, sigma);
    const beta = 0.5826 * sigma * Math.sqrt(T / steps);
    const stepData = new Float64Array(3 * steps);
    for (let j = 0; j < steps; j++) {
      stepData[j] = (r - q) * (T / steps);
      stepData[steps + j] = T / steps;
      stepData[2 * steps + j] = Math.sqrt(T / steps);
    }
    const grid = new Float64Array(steps * 2).fill(sigma);
    for (const [type, B, kind, shifted] of [
      [BarrierType.DownOut, 90, 1, 90 * Math.exp(-beta)],
      [BarrierType.UpIn, 120, 2, 120 * Math.exp(beta)],
    ] as const) {
      const down = type === BarrierType.DownOut;
      const params = Float64Array.of(Math.log(100), Math.log(100) - 1, 0.5, Math.exp(-r * T), down ? Math.log(B) : -Infinity, down ? Infinity : Math.log(B), kind);
      const acc = new Float64Array(5);
      mcLocalVolRun({ samples: N, firstPath: 0, key0: 3, key1: 0, steps, antithetic: true, stepData, volGrid: grid, nx: 2, params, payoffs: Float64Array.of(100, 1), nPayoffs: 1 }, acc);
      const mean = acc[0]! / N;
      const se = Math.sqrt((acc[1]! / N - mean * mean) / (N - 1));
      const opt = new BarrierOption(type, shifted, 0, new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
      opt.setPricingEngine(new AnalyticBarrierEngine(m.process));
      const bgk = opt.NPV();
      const cont = new BarrierOption(type, B, 0, new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(today.addDays(365)));
      cont.setPricingEngine(new AnalyticBarrierEngine(m.process));
      // Measured: down-out 8.137 ± 0.040 (BGK 8.137, continuous 7.663); up-in 7.851 ± 0.042 (BGK 7.828, continuous 8.176).
      expect(Math.abs(mean - cont.NPV())).toBeGreaterThan(6 * se); // the monitoring is discrete
      expect(Math.abs(mean - bgk), `${type}: MC ${mean} ± ${se} vs BGK ${bgk}`).toBeLessThan(3 * se + 0.02);
    }
  });
});
