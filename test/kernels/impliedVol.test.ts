// impliedBlackVolatilityBatch: the SIMD WASM, scalar WASM and TypeScript reference backends agree
// on 10^5 random options; they match the scalar blackFormulaImpliedStdDev and round trip through
// blackFormula; bad inputs are refused by name.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blackFormula } from '../../engines/blackscholes/formulas/blackFormula.js';
import { blackFormulaImpliedStdDev } from '../../engines/blackscholes/formulas/blackFormulaImpliedStdDev.js';
import type { BatchBackend } from '../../src/kernels/black.js';
import { impliedBlackVolatilityBatch } from '../../src/kernels/impliedVol.js';
import { forceTypeScriptKernels } from '../../src/kernels/_lib/kernelModule.js';
import { InvalidInputError, QuantflowError } from '../../src/errors.js';
import { mulberry32 } from './_random.js';

interface Batch { P: Float64Array; F: Float64Array; K: Float64Array; T: Float64Array; D: Float64Array; w: Float64Array; vol: Float64Array }

/**
 * n options (odd, so the f64x2 loop's scalar tail runs): K log-uniform in [1, 1000], σ in
 * [1 %, 300 %], T in [1 day, 30 y], ln(F/K) uniform within ±10 σ√T, D = e^(−rT) with r in
 * [−2 %, 10 %], calls and puts; prices from blackFormula. Every 997th option is priced exactly at
 * its intrinsic value (σ = 0), so degenerate lanes sit inside SIMD pairs; options whose price
 * rounds to its upper bound are redrawn.
 */
function randomBatch(n: number, seed: number): Batch {
  const u = mulberry32(seed);
  const logU = (lo: number, hi: number) => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * u());
  const b: Batch = { P: new Float64Array(n), F: new Float64Array(n), K: new Float64Array(n), T: new Float64Array(n), D: new Float64Array(n), w: new Float64Array(n), vol: new Float64Array(n) };
  for (let i = 0; i < n; ) {
    const K = logU(1, 1000);
    const T = logU(1 / 365, 30);
    const vol = i % 997 === 5 ? 0 : logU(0.01, 3);
    const F = K * Math.exp((20 * u() - 10) * Math.max(vol, 0.1) * Math.sqrt(T));
    const D = Math.exp(-(-0.02 + 0.12 * u()) * T);
    const w = u() < 0.5 ? 1 : -1;
    const P = blackFormula(w, K, F, vol * Math.sqrt(T), D);
    if (!(P < D * (w > 0 ? F : K))) continue;
    b.P[i] = P; b.F[i] = F; b.K[i] = K; b.T[i] = T; b.D[i] = D; b.w[i] = w; b.vol[i] = vol;
    i++;
  }
  return b;
}

const solve = (b: Batch, backend: BatchBackend) =>
  impliedBlackVolatilityBatch({ prices: b.P, forwards: b.F, strikes: b.K, expiries: b.T, discounts: b.D, optionTypes: b.w }, undefined, { backend });

describe('impliedBlackVolatilityBatch: SIMD WASM, scalar WASM and TypeScript reference agree', () => {
  const n = 100_001;
  const b = randomBatch(n, 20250102);
  const ref = solve(b, 'typescript');
  const outs = { simd: solve(b, 'simd'), scalar: solve(b, 'scalar') };

  it.each(['simd', 'scalar'] as const)('%s: every vol within 1e-14 relative of the reference', (backend) => {
    // One algorithm, the same operations in the same order and the same exp/log/Φ/erfcx
    // approximations, no fused multiply–add: expected bit for bit; 1e-14 leaves room for engines
    // that round differently.
    let worst = 0;
    let at = -1;
    for (let i = 0; i < n; i++) {
      const got = outs[backend][i]!;
      const exp = ref[i]!;
      const err = got === exp ? 0 : Math.abs(got - exp) / Math.abs(exp);
      if (!(err <= worst)) {
        worst = err;
        at = i;
      }
    }
    expect(worst, `worst i=${at}: F=${b.F[at]} K=${b.K[at]} T=${b.T[at]} P=${b.P[at]} got=${outs[backend][at]} ref=${ref[at]}`).toBeLessThanOrEqual(1e-14);
  });

  it('the reference equals the scalar public function bit for bit, and no backend returns NaN', () => {
    for (let i = 0; i < n; i += 7) {
      expect(ref[i]).toBe(blackFormulaImpliedStdDev(b.w[i]!, b.K[i]!, b.F[i]!, b.P[i]!, b.D[i]!) / Math.sqrt(b.T[i]!));
    }
    for (const o of [ref, outs.simd, outs.scalar]) expect(o.some(Number.isNaN)).toBe(false);
  });

  it('round trip: blackFormula at the SIMD vols reproduces each price to 1e-13 relative where the time value is ≥ 2⁻⁵⁰·max(F, K)', () => {
    let checked = 0;
    for (let i = 0; i < n; i++) {
      const p = b.P[i]! / b.D[i]!;
      const timeValue = p - Math.max(b.w[i]! * (b.F[i]! - b.K[i]!), 0);
      if (!(timeValue >= 2 ** -50 * Math.max(b.F[i]!, b.K[i]!)) || !(timeValue / Math.sqrt(b.F[i]! * b.K[i]!) >= 1e-300)) continue;
      const repriced = blackFormula(b.w[i]!, b.K[i]!, b.F[i]!, outs.simd[i]! * Math.sqrt(b.T[i]!), b.D[i]!);
      expect(Math.abs(repriced - b.P[i]!) / b.P[i]!, `i=${i}: F=${b.F[i]} K=${b.K[i]} T=${b.T[i]} vol=${b.vol[i]}`).toBeLessThanOrEqual(1e-13);
      checked++;
    }
    // Deep in the money beyond ~8 standard deviations the time value drowns in the intrinsic
    // value's rounding: those options are outside the documented region and not counted.
    expect(checked).toBeGreaterThan(0.4 * n);
  });

  it('exact intrinsic prices give 0 on every backend', () => {
    for (let i = 5; i < n; i += 997) {
      expect(ref[i]).toBe(0);
      expect(outs.simd[i]).toBe(0);
    }
  });
});

describe('impliedBlackVolatilityBatch: inputs, broadcasting, errors', () => {
  it('broadcasts scalars and length-1 arrays, accepts Int8Array option types and fills a given output', () => {
    const prices = Float64Array.of(blackFormula(1, 90, 100, 0.3), blackFormula(-1, 110, 100, 0.3), blackFormula(-1, 100, 100, 0.3));
    const out = new Float64Array(4).fill(-1);
    for (const backend of ['typescript', 'scalar', 'simd'] as const) {
      const got = impliedBlackVolatilityBatch({ prices, forwards: 100, strikes: Float64Array.of(90, 110, 100), expiries: Float64Array.of(1), optionTypes: Int8Array.of(1, -1, -1) }, out, { backend });
      expect(got).toBe(out);
      for (let i = 0; i < 3; i++) expect(got[i]).toBeCloseTo(0.3, 14);
      expect(got[3]).toBe(-1);
    }
  });
  it('refuses a price outside [intrinsic, upper bound) naming its index, value and range; writes nothing', () => {
    const out = new Float64Array(2).fill(7);
    const run = () => impliedBlackVolatilityBatch({ prices: Float64Array.of(4, 10), forwards: 100, strikes: 90, expiries: 1, discounts: 0.5, optionTypes: 1 }, out);
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow(/^prices\[0\] = 4 is outside the allowed range \[5, 50\)/);
    expect(out[0]).toBe(7);
    expect(() => impliedBlackVolatilityBatch({ prices: 50, forwards: 100, strikes: 90, expiries: 1, discounts: 0.5, optionTypes: 1 })).toThrow(/^prices = 50 is outside the allowed range \[5, 50\)/);
    expect(() => impliedBlackVolatilityBatch({ prices: 9.5, forwards: 100, strikes: 110, expiries: 1, optionTypes: -1 })).toThrow(/^prices = 9.5 is outside the allowed range \[10, 110\)/);
    expect(impliedBlackVolatilityBatch({ prices: 10, forwards: 100, strikes: 110, expiries: 1, optionTypes: -1 })[0]).toBe(0);
  });
  it('refuses bad columns by name', () => {
    const ok = { prices: 5, forwards: 100, strikes: 100, expiries: 1, optionTypes: 1 };
    expect(() => impliedBlackVolatilityBatch({ ...ok, forwards: Float64Array.of(100, -1) })).toThrow(/^forwards\[1\] = -1/);
    expect(() => impliedBlackVolatilityBatch({ ...ok, expiries: 0 })).toThrow(/^expiries = 0/);
    expect(() => impliedBlackVolatilityBatch({ ...ok, discounts: Number.NaN })).toThrow(/^discounts = NaN/);
    expect(() => impliedBlackVolatilityBatch({ ...ok, optionTypes: 0 })).toThrow(/^optionTypes = 0/);
    expect(() => impliedBlackVolatilityBatch({ ...ok, prices: Float64Array.of(1, 2), strikes: Float64Array.of(1, 2, 3) })).toThrow(/strikes.length = 3/);
    expect(() => impliedBlackVolatilityBatch({ ...ok, prices: Float64Array.of(1, 2) }, new Float64Array(1))).toThrow(/out.length = 1/);
    expect(() => impliedBlackVolatilityBatch(ok, undefined, { backend: 'gpu' as BatchBackend })).toThrow(/options.backend/);
  });
  it('falls back to the TypeScript reference when WebAssembly is unavailable (auto), refuses simd/scalar', () => {
    forceTypeScriptKernels(true);
    try {
      expect(impliedBlackVolatilityBatch({ prices: blackFormula(1, 100, 100, 0.2), forwards: 100, strikes: 100, expiries: 1, optionTypes: 1 })[0]).toBeCloseTo(0.2, 14);
      expect(() => impliedBlackVolatilityBatch({ prices: 5, forwards: 100, strikes: 100, expiries: 1, optionTypes: 1 }, undefined, { backend: 'simd' })).toThrow(QuantflowError);
    } finally {
      forceTypeScriptKernels(false);
    }
  });
  it('the WebAssembly check (impliedVolValidate) and the TypeScript check agree, message included, on arrays at and around every bound (fast-check)', () => {
    const special = [Number.NaN, Infinity, -Infinity, -1, 0, -0];
    const cell = (v: number, pick: number) => (pick < special.length ? special[pick]! : v);
    fc.assert(
      fc.property(
        fc.array(fc.record({
          K: fc.double({ min: 50, max: 150, noNaN: true }), D: fc.double({ min: 0.5, max: 1, noNaN: true }), call: fc.boolean(),
          // where the price sits: 0 at the discounted intrinsic, 1 just below it, 2 at the upper bound, 3 just below it, 4 inside
          at: fc.integer({ min: 0, max: 4 }), bad: fc.integer({ min: 0, max: 60 }), column: fc.integer({ min: 0, max: 5 }),
        }), { minLength: 1, maxLength: 9 }),
        (rows) => {
          const n = rows.length;
          const cols = { prices: new Float64Array(n), forwards: new Float64Array(n), strikes: new Float64Array(n), expiries: new Float64Array(n).fill(1), discounts: new Float64Array(n), optionTypes: new Float64Array(n) };
          rows.forEach((r, i) => {
            const w = r.call ? 1 : -1;
            const lower = r.D * Math.max(w * (100 - r.K), 0);
            const upper = r.D * (w > 0 ? 100 : r.K);
            const p = [lower, lower - Math.abs(lower) * 1e-16 - 1e-300, upper, upper * (1 - 1e-16), 0.5 * (lower + upper)][r.at]!;
            const row = [p, 100, r.K, 1, r.D, w];
            row[r.column] = cell(row[r.column]!, r.bad);
            [cols.prices[i], cols.forwards[i], cols.strikes[i], cols.expiries[i], cols.discounts[i], cols.optionTypes[i]] = row;
          });
          const outcome = (backend: BatchBackend) => {
            try { return Array.from(impliedBlackVolatilityBatch(cols, undefined, { backend })); } catch (e) { return (e as Error).message; }
          };
          const ts = outcome('typescript');
          expect(outcome('simd')).toEqual(ts);
          expect(outcome('scalar')).toEqual(ts);
        },
      ),
    );
  });
  it('the batch check and the scalar function agree on which prices are invertible (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 50, max: 150, noNaN: true }), fc.boolean(), (price, K, call) => {
        const w = call ? 1 : -1;
        let scalarOk = true;
        let batchOk = true;
        try { blackFormulaImpliedStdDev(w, K, 100, price, 0.9); } catch { scalarOk = false; }
        try { impliedBlackVolatilityBatch({ prices: price, forwards: 100, strikes: K, expiries: 1, discounts: 0.9, optionTypes: w }); } catch { batchOk = false; }
        return scalarOk === batchOk;
      }),
    );
  });
});
