import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { blackScholesBatch } from '../../src/kernels/black.js';
import type { BlackScholesBatchOutputs, BatchBackend } from '../../src/kernels/black.js';
import { black76Batch } from '../../src/kernels/black76Batch.js';
import { forceTypeScriptKernels, kernelExports } from '../../src/kernels/_lib/kernelModule.js';
import { withScratch } from '../../src/kernels/withScratch.js';
import { InvalidInputError, QuantflowError } from '../../src/errors.js';
import { mulberry32 } from './_random.js';

const GREEKS = ['deltas', 'gammas', 'vegas', 'thetas', 'rhos', 'dividendRhos'] as const;
const QL_GREEKS = { deltas: 'delta', gammas: 'gamma', vegas: 'vega', thetas: 'theta', rhos: 'rho', dividendRhos: 'dividendRho' } as const;

interface QlBsmCase {
  id: string;
  inputs: { S: number; K: number; T: number; r: number; q: number; vol: number };
  outputs: Record<'call' | 'put', Record<'npv' | 'delta' | 'gamma' | 'vega' | 'theta' | 'rho' | 'dividendRho', number>>;
}
interface QlBlack76Case {
  id: string;
  inputs: { F: number; K: number; T: number; vol: number; stdDev: number; discount_rate_cc: number; discount: number; displacement: number };
  outputs: { call: number; put: number };
}
const QL = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29.json', import.meta.url), 'utf8')) as {
  bsm_european: { cases: QlBsmCase[] };
  black76: { cases: QlBlack76Case[] };
};

interface RandomBatch {
  S: Float64Array; K: Float64Array; T: Float64Array; r: Float64Array; q: Float64Array; vol: Float64Array; w: Float64Array;
}

/** 10^5 + 1 options (odd, so the f64x2 loop's scalar tail runs), log-uniform where ranges span decades. */
function randomBatch(n: number, seed: number): RandomBatch {
  const u = mulberry32(seed);
  const logU = (lo: number, hi: number) => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * u());
  const b: RandomBatch = {
    S: new Float64Array(n), K: new Float64Array(n), T: new Float64Array(n), r: new Float64Array(n),
    q: new Float64Array(n), vol: new Float64Array(n), w: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    b.K[i] = logU(1, 1000);
    b.S[i] = b.K[i] * logU(0.2, 5); // moneyness S/K in [0.2, 5]
    b.T[i] = logU(1 / 365, 30); // one day to 30 years
    b.vol[i] = logU(0.01, 3); // 1 % to 300 %
    b.r[i] = -0.02 + 0.12 * u(); // −2 % … 10 %
    b.q[i] = -0.02 + 0.12 * u();
    b.w[i] = u() < 0.5 ? 1 : -1;
    // Every 997th option has zero vol or zero expiry, so degenerate lanes sit inside SIMD pairs.
    if (i % 997 === 5) b.vol[i] = 0;
    if (i % 997 === 500) b.T[i] = 0;
  }
  return b;
}

function price(b: RandomBatch, backend: BatchBackend): BlackScholesBatchOutputs {
  return blackScholesBatch(
    { spots: b.S, strikes: b.K, expiries: b.T, rates: b.r, dividendYields: b.q, volatilities: b.vol, optionTypes: b.w },
    undefined,
    { backend },
  );
}

describe('blackScholesBatch: SIMD WASM, scalar WASM and TypeScript reference agree', () => {
  const n = 100_001;
  const b = randomBatch(n, 20250102);
  const ref = price(b, 'typescript');
  const outs = { simd: price(b, 'simd'), scalar: price(b, 'scalar') };

  // Natural size of each output, for the absolute floor: prices are differences a − b of terms
  // of size ≤ max(S, K)·e^(|r|T), so a result near 0 carries absolute rounding ~1e-16·max(S, K)
  // that no relative tolerance can absorb; 1e-13·scale is ~1000× that rounding.
  const scale = (name: keyof BlackScholesBatchOutputs, i: number): number => {
    const m = Math.max(b.S[i], b.K[i]) * Math.exp(Math.abs(b.r[i] - b.q[i]) * b.T[i] + 0.02 * b.T[i]);
    switch (name) {
      case 'prices': return m;
      case 'deltas': return 1;
      case 'gammas': return 1 / b.S[i];
      case 'vegas': return m * Math.sqrt(b.T[i]);
      case 'thetas': return m * (1 + b.vol[i] / Math.sqrt(b.T[i] || 1));
      default: return m * b.T[i];
    }
  };

  it.each(['simd', 'scalar'] as const)('%s: prices within 1e-12 relative, floor 1e-13·max(S, K)·growth', (backend) => {
    // The three run the same operations in the same order (no FMA anywhere), so they are
    // expected to agree bit for bit; 1e-12 leaves room for engines that round differently.
    let worst = 0;
    let at = -1;
    for (let i = 0; i < n; i++) {
      const got = outs[backend].prices[i];
      const exp = ref.prices[i];
      const excess = Math.abs(got - exp) / (1e-12 * Math.abs(exp) + 1e-13 * scale('prices', i));
      if (!(excess <= worst)) {
        worst = excess;
        at = i;
      }
    }
    expect(worst, `worst i=${at}: S=${b.S[at]} K=${b.K[at]} T=${b.T[at]} vol=${b.vol[at]} got=${outs[backend].prices[at]} ref=${ref.prices[at]}`).toBeLessThanOrEqual(1);
  });

  it.each(['simd', 'scalar'] as const)('%s: Greeks within 1e-12 relative, floor 1e-13 × natural scale', (backend) => {
    // Same argument as for prices; Greeks are products of the same factors (no extra cancellation
    // except theta's two terms, covered by its scale S·(1 + σ/√T)). Γ = +∞ only at the exact forward.
    for (const g of GREEKS) {
      let worst = 0;
      let at = -1;
      for (let i = 0; i < n; i++) {
        const got = outs[backend][g][i];
        const exp = ref[g][i];
        if (got === exp) continue;
        const excess = Math.abs(got - exp) / (1e-12 * Math.abs(exp) + 1e-13 * scale(g, i));
        if (!(excess <= worst)) {
          worst = excess;
          at = i;
        }
      }
      expect(worst, `${g}: worst i=${at}, got=${outs[backend][g][at]} ref=${ref[g][at]}`).toBeLessThanOrEqual(1);
    }
  });

  it('produces no NaN on any backend, degenerate lanes included', () => {
    for (const o of [ref, outs.simd, outs.scalar]) {
      for (const g of ['prices', ...GREEKS] as const) expect(o[g].some(Number.isNaN), g).toBe(false);
    }
  });
});

describe('blackScholesBatch vs QuantLib 1.29 (AnalyticEuropeanEngine)', () => {
  const cases = QL.bsm_european.cases;
  it.each(['simd', 'scalar', 'typescript'] as const)('%s: npv within 1e-10·max(1, S), Greeks within 1e-9 relative', (backend) => {
    // Tolerances are the reference file's suggestion for closed forms ("abs 1e-10 * max(1,S) on
    // npv; rel 1e-9 on greeks"); the Greeks get an absolute floor of 1e-12·scale for values that
    // are ~0 (QuantLib's doubles carry the same absolute rounding).
    for (const c of cases) {
      const { S, K, T, r, q, vol } = c.inputs;
      const out = blackScholesBatch(
        { spots: S, strikes: K, expiries: T, rates: r, dividendYields: q, volatilities: vol, optionTypes: Float64Array.of(1, -1) },
        undefined,
        { backend },
      );
      (['call', 'put'] as const).forEach((type, j) => {
        const exp = c.outputs[type];
        expect(Math.abs(out.prices[j] - exp.npv), `${c.id} ${type} npv`).toBeLessThanOrEqual(1e-10 * Math.max(1, S));
        for (const g of GREEKS) {
          const e = exp[QL_GREEKS[g]];
          const got = out[g][j];
          expect(Math.abs(got - e), `${c.id} ${type} ${g}: got ${got}, QuantLib ${e}`).toBeLessThanOrEqual(1e-9 * Math.abs(e) + 1e-12 * S);
        }
      });
    }
  });
});

describe('black76Batch vs QuantLib 1.29 blackFormula', () => {
  const cases = QL.black76.cases.filter((c) => c.inputs.displacement === 0);
  it('has the displacement-0 cases', () => expect(cases.length).toBeGreaterThanOrEqual(4));
  it.each(['simd', 'typescript'] as const)('%s: call and put within 1e-12·F + 1e-9 relative', (backend) => {
    // QuantLib is given stdDev and the discount factor; we pass T, vol and the continuously
    // compounded rate it was derived from, so D differs by ~1 ulp: 1e-12·F absolute covers
    // that, 1e-9 relative is the closed-form tolerance of the bsm section.
    for (const c of cases) {
      const { F, K, T, vol, discount_rate_cc: r } = c.inputs;
      const out = black76Batch(
        { forwards: F, strikes: K, expiries: T, discountRates: r, volatilities: vol, optionTypes: Float64Array.of(1, -1) },
        undefined,
        { backend },
      );
      expect(Math.abs(out.prices[0] - c.outputs.call), `${c.id} call ${out.prices[0]}`).toBeLessThanOrEqual(1e-12 * F + 1e-9 * c.outputs.call);
      expect(Math.abs(out.prices[1] - c.outputs.put), `${c.id} put ${out.prices[1]}`).toBeLessThanOrEqual(1e-12 * F + 1e-9 * c.outputs.put);
    }
  });

  it('equals blackScholesBatch with S = F, q = r, and rho = −T·V', () => {
    // Black-76 is the generalized BSM formula with b = r − q = 0 (Haug 2007, §1.1.6).
    const F = Float64Array.of(80, 100, 120, 100);
    const inputs = { strikes: 100, expiries: Float64Array.of(0.5, 1, 2, 0), volatilities: 0.3, optionTypes: Float64Array.of(1, -1, 1, -1) };
    const b76 = black76Batch({ ...inputs, forwards: F, discountRates: 0.04 });
    const bs = blackScholesBatch({ ...inputs, spots: F, rates: 0.04, dividendYields: 0.04 });
    for (let i = 0; i < 4; i++) {
      expect(b76.prices[i]).toBe(bs.prices[i]);
      expect(b76.deltas[i]).toBe(bs.deltas[i]);
      expect(b76.vegas[i]).toBe(bs.vegas[i]);
      const T = inputs.expiries[i];
      // rho + dividend rho is the derivative along r = q; exact identity −T·V, rounding ~1e-15·F·T.
      expect(Math.abs(b76.rhos[i] + T * b76.prices[i])).toBeLessThanOrEqual(1e-14 * F[i]);
      expect(Math.abs(bs.rhos[i] + bs.dividendRhos[i] - b76.rhos[i])).toBeLessThanOrEqual(1e-12 * F[i]);
    }
  });
});

describe('blackScholesBatch relative accuracy where the price cancels (a − b ≪ a)', () => {
  // Deep out-of-the-money, short-dated, low-vol options: V = ω(a − b) with a ≈ b ≈ 1e4·V. The
  // kernel takes K·e^(−rT)·φ(d2) = S·e^(−qT)·φ(d1) exactly (d1·σ√T − σ²T/2 = ln(F/K)), so both
  // terms carry the same rounded Gaussian factor and it cancels out of the difference; with two
  // independently rounded Gaussians the relative error was ~2e-9 on these cases.
  // Expected values: mpmath 1.3.0 at 50 significant digits, V = ω(S·e^(−qT)·Φ(ωd1) − K·e^(−rT)·Φ(ωd2))
  // evaluated on exactly these double inputs (mp.ncdf, mp.exp, mp.log).
  const cases = [
    { S: 529.8065721310002, K: 556.8451696055974, T: 0.012798621402667153, r: 0.04772339752875268, q: 0.00929063059389591, vol: 0.012797584472238036, w: 1, V: 6.5574307926047936802e-256 },
    { S: 3.454725322316956, K: 3.3330053921016924, T: 0.00920379147006824, r: 0.025047026108950373, q: 0.06985599555075168, vol: 0.010213685610269719, w: -1, V: 4.8529182423977895848e-291 },
    { S: 28.89140982751957, K: 30.512903294256617, T: 0.007730324120888243, r: 0.04863039134070277, q: -0.006421117009595037, vol: 0.01912969267256946, w: 1, V: 8.995867109218856509e-231 },
  ];
  it.each(['simd', 'scalar', 'typescript'] as const)('%s: within 2e-11 relative of a 50-digit evaluation', (backend) => {
    // 2e-11: the residual ~5e-12 comes from d1's rounding (condition number |d1|·|d2|·ε ≈ 1e3·ε here).
    for (const c of cases) {
      const out = blackScholesBatch({ spots: c.S, strikes: c.K, expiries: c.T, rates: c.r, dividendYields: c.q, volatilities: c.vol, optionTypes: c.w }, undefined, { backend });
      const err = Math.abs(out.prices[0] - c.V) / c.V;
      expect(err, `S=${c.S} K=${c.K} T=${c.T} σ=${c.vol}: got ${out.prices[0]}, expected ${c.V}`).toBeLessThanOrEqual(2e-11);
    }
  });
});

describe('blackScholesBatch with columns living in the WebAssembly memory (no copies)', () => {
  const n = 20_003; // several chunks and an odd tail
  const b = randomBatch(n, 7);
  const inputs = { spots: b.S, strikes: b.K, expiries: b.T, rates: b.r, dividendYields: b.q, volatilities: b.vol, optionTypes: b.w };
  const copied = blackScholesBatch(inputs);
  const keys = ['prices', ...GREEKS] as const;

  it('gives the same bits as the copying path, broadcast and Int8Array columns mixed in', () => {
    // Results are read through the returned arrays, or a block's `view`, right after the call:
    // any later allocation (another batch call included) may grow the memory and detach them.
    const expectedQ = blackScholesBatch({ ...inputs, dividendYields: 0.01 }).prices;
    withScratch((s) => {
      const put = (c: Float64Array) => {
        const blk = s.f64(c.length);
        blk.view.set(c);
        return blk;
      };
      const ins = [b.S, b.K, b.T, b.r, b.vol].map(put);
      const outs = keys.map(() => s.f64(n));
      const views = () => ins.map((x) => x.view);
      const given = () => Object.fromEntries(keys.map((k, j) => [k, outs[j].view])) as unknown as BlackScholesBatchOutputs;
      let [S, K, T, r, vol] = views();
      const got = blackScholesBatch({ spots: S, strikes: K, expiries: T, rates: r, dividendYields: b.q, volatilities: vol, optionTypes: Int8Array.from(b.w) }, given());
      for (const [j, k] of keys.entries()) {
        expect(got[k], k).toEqual(copied[k]);
        expect(outs[j].view, k).toEqual(copied[k]); // written in place
      }
      [S, K, T, r, vol] = views();
      const bq = blackScholesBatch({ spots: S, strikes: K, expiries: T, rates: r, dividendYields: 0.01, volatilities: vol, optionTypes: b.w }, given());
      expect(bq.prices).toEqual(expectedQ);
    });
  });

  it('returns fresh views when its own scratch grows (and detaches) the memory', () => {
    withScratch((s) => {
      const memory = (kernelExports() as NonNullable<ReturnType<typeof kernelExports>>).memory;
      const ins = [b.S, b.K, b.T, b.r, b.q, b.vol, b.w].map((c) => {
        const blk = s.f64(n);
        blk.view.set(c);
        return blk;
      });
      const prices = s.f64(n);
      // Fill the memory to its end, so that the chunk blocks the call needs for its JavaScript
      // outputs must grow it.
      const last = prices.byteOffset + 8 * n;
      s.f64(Math.floor((memory.buffer.byteLength - last) / 8) - 2);
      const before = memory.buffer;
      const [S, K, T, r, q, vol, w] = ins.map((x) => x.view);
      const got = blackScholesBatch({ spots: S, strikes: K, expiries: T, rates: r, dividendYields: q, volatilities: vol, optionTypes: w }, { prices: prices.view });
      expect(memory.buffer).not.toBe(before); // it did grow
      expect(S.length).toBe(0); // the caller's old views are detached, as after any allocation
      expect(got.prices.length).toBe(n);
      expect(got.prices).toEqual(copied.prices);
      expect(prices.view).toEqual(copied.prices); // the block's view reads the same bytes
      expect(got.deltas).toEqual(copied.deltas);
    });
  });

  it('black76Batch: views of the memory in and out, rho = −T·V', () => {
    const exp = black76Batch({ forwards: b.S, strikes: b.K, expiries: b.T, discountRates: b.r, volatilities: b.vol, optionTypes: b.w });
    withScratch((s) => {
      const put = (c: Float64Array) => {
        const blk = s.f64(c.length);
        blk.view.set(c);
        return blk;
      };
      const ins = [b.S, b.K, b.T, b.r, b.vol, b.w].map(put);
      const outs = Array.from({ length: 6 }, () => s.f64(n));
      const [F, K, T, r, vol, w] = ins.map((x) => x.view);
      const [prices, deltas, gammas, vegas, thetas, rhos] = outs.map((x) => x.view);
      const got = black76Batch({ forwards: F, strikes: K, expiries: T, discountRates: r, volatilities: vol, optionTypes: w }, { prices, deltas, gammas, vegas, thetas, rhos });
      for (const k of ['prices', 'deltas', 'gammas', 'vegas', 'thetas', 'rhos'] as const) expect(got[k], k).toEqual(exp[k]);
    });
  });

  it('names the bad element of a column that lives in the memory', () => {
    withScratch((s) => {
      const K = s.f64(n);
      K.view.set(b.K);
      K.view[12_345] = -3;
      expect(() => blackScholesBatch({ ...inputs, strikes: K.view })).toThrow(/^strikes\[12345\] = -3 is outside/);
    });
  });
});

describe('blackScholesBatch limits and invariants', () => {
  it('zero vol and zero expiry give the discounted intrinsic value, no NaN', () => {
    // Closed form: V = (ω(S·e^(−qT) − K·e^(−rT)))⁺ with Math.exp; 1e-14·max(S, K) absolute covers
    // the ≤ 1 ulp difference between the kernel's exp and Math.exp in each term.
    const S = Float64Array.of(100, 100, 100, 100, 100, 100, 100, 100);
    const K = Float64Array.of(90, 110, 90, 110, 90, 110, 100, 100);
    const T = Float64Array.of(1, 1, 1, 1, 0, 0, 2, 0);
    const vol = Float64Array.of(0, 0, 0, 0, 0.3, 0.3, 0, 0.2);
    const w = Float64Array.of(1, 1, -1, -1, 1, -1, 1, 1);
    const r = 0.05;
    const q = 0.01;
    for (const backend of ['simd', 'scalar', 'typescript'] as const) {
      const out = blackScholesBatch({ spots: S, strikes: K, expiries: T, rates: r, dividendYields: q, volatilities: vol, optionTypes: w }, undefined, { backend });
      for (let i = 0; i < S.length; i++) {
        const fwdPv = S[i] * Math.exp(-q * T[i]);
        const kPv = K[i] * Math.exp(-r * T[i]);
        const intrinsic = Math.max(w[i] * (fwdPv - kPv), 0);
        expect(Math.abs(out.prices[i] - intrinsic), `${backend} case ${i}`).toBeLessThanOrEqual(1e-14 * Math.max(S[i], K[i]));
        const itm = w[i] * (fwdPv - kPv) > 0;
        if (fwdPv !== kPv) {
          expect(out.deltas[i]).toBeCloseTo(itm ? w[i] * Math.exp(-q * T[i]) : 0, 14);
          expect(out.gammas[i]).toBe(0);
          expect(out.vegas[i]).toBe(0);
        }
        for (const g of ['prices', ...GREEKS] as const) expect(Number.isNaN(out[g][i]), `${backend} ${g}[${i}]`).toBe(false);
      }
      // Exactly at the forward with T = 0 (last case): V = 0, Δ = ½, Γ = +∞ (Dirac mass), θ = −∞.
      expect(out.prices[7]).toBe(0);
      expect(out.deltas[7]).toBe(0.5);
      expect(out.gammas[7]).toBe(Infinity);
      expect(out.thetas[7]).toBe(-Infinity);
    }
  });

  it('is continuous as vol → 0: σ = 1e-10 prices within 1e-12·S of σ = 0', () => {
    const common = { spots: 100, strikes: Float64Array.of(90, 110, 100.5), expiries: 1, rates: 0.03, dividendYields: 0, optionTypes: 1 };
    const a = blackScholesBatch({ ...common, volatilities: 0 });
    const b = blackScholesBatch({ ...common, volatilities: 1e-10 });
    for (let i = 0; i < 3; i++) expect(Math.abs(a.prices[i] - b.prices[i])).toBeLessThanOrEqual(1e-12 * 100);
  });

  it('a σ√T near the subnormals gives the zero-vol limit, not an overflow error (fast-check counterexample)', () => {
    for (const backend of ['simd', 'scalar', 'typescript'] as const) {
      const out = blackScholesBatch(
        { spots: 0.2, strikes: 1, expiries: 5.2132408784100905e-67, rates: 0, dividendYields: 0, volatilities: 3.4213756896872976e-291, optionTypes: Float64Array.of(1, -1) },
        undefined,
        { backend },
      );
      expect([...out.prices]).toEqual([0, 0.8]); // discounted intrinsic, exact
      expect([...out.deltas]).toEqual([0, -1]);
    }
  });

  it('satisfies put–call parity and Greek parities (fast-check property)', () => {
    // C − P = S·e^(−qT) − K·e^(−rT) (closed form with Math.exp): each price carries ≤ ~1e-15·max(S,K)
    // rounding; 1e-13·max(S, K) absolute. ΔC − ΔP = e^(−qT); Γ, vega equal.
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: -0.02, max: 0.1, noNaN: true }),
        fc.double({ min: -0.02, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (K, m, T, r, q, vol) => {
          const S = K * m;
          const out = blackScholesBatch({ spots: S, strikes: K, expiries: T, rates: r, dividendYields: q, volatilities: vol, optionTypes: Float64Array.of(1, -1) });
          const fwd = S * Math.exp(-q * T) - K * Math.exp(-r * T);
          const scale = Math.max(S, K) * Math.exp(0.12 * T);
          expect(Math.abs(out.prices[0] - out.prices[1] - fwd)).toBeLessThanOrEqual(1e-13 * scale);
          expect(Math.abs(out.deltas[0] - out.deltas[1] - Math.exp(-q * T))).toBeLessThanOrEqual(1e-14 * Math.exp(0.02 * T));
          expect(out.gammas[0]).toBe(out.gammas[1]);
          expect(out.vegas[0]).toBe(out.vegas[1]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('matches bump-and-reprice Greeks (central differences, 1e-6 relative)', () => {
    // Central difference with relative bump h = 1e-4: truncation O(h²) ≈ 1e-8 relative, rounding
    // ~1e-16/h = 1e-12; 1e-6 relative (+1e-9 absolute) is a loose, safe bound.
    const base = { S: 105, K: 100, T: 0.75, r: 0.03, q: 0.015, vol: 0.25 };
    const run = (p: typeof base) =>
      blackScholesBatch({ spots: p.S, strikes: p.K, expiries: p.T, rates: p.r, dividendYields: p.q, volatilities: p.vol, optionTypes: Float64Array.of(1, -1) });
    const at = run(base);
    const bump = (key: keyof typeof base, h: number, j: number) =>
      (run({ ...base, [key]: base[key] + h }).prices[j] - run({ ...base, [key]: base[key] - h }).prices[j]) / (2 * h);
    for (const j of [0, 1]) {
      const close = (got: number, exp: number) => expect(Math.abs(got - exp)).toBeLessThanOrEqual(1e-6 * Math.abs(exp) + 1e-9);
      close(at.deltas[j], bump('S', 1e-2, j));
      const hS = 1e-2;
      close(at.gammas[j], (run({ ...base, S: base.S + hS }).deltas[j] - run({ ...base, S: base.S - hS }).deltas[j]) / (2 * hS));
      close(at.vegas[j], bump('vol', 1e-5, j));
      close(at.thetas[j], -bump('T', 1e-5, j));
      close(at.rhos[j], bump('r', 1e-5, j));
      close(at.dividendRhos[j], bump('q', 1e-5, j));
    }
  });

  it('broadcasts scalars and length-1 arrays, and fills caller-supplied outputs', () => {
    const K = Float64Array.of(80, 90, 100, 110, 120);
    const prices = new Float64Array(5);
    const out = blackScholesBatch(
      { spots: Float64Array.of(100), strikes: K, expiries: 1, rates: 0.05, dividendYields: 0.02, volatilities: Float64Array.of(0.2), optionTypes: 1 },
      { prices },
    );
    expect(out.prices).toBe(prices);
    for (let i = 0; i < 5; i++) {
      const one = blackScholesBatch({ spots: 100, strikes: K[i], expiries: 1, rates: 0.05, dividendYields: 0.02, volatilities: 0.2, optionTypes: 1 });
      expect(prices[i]).toBe(one.prices[0]);
    }
    expect(blackScholesBatch({ spots: new Float64Array(0), strikes: 1, expiries: 1, rates: 0, dividendYields: 0, volatilities: 0.2, optionTypes: 1 }).prices.length).toBe(0);
  });

  it('runs on the TypeScript reference when WebAssembly is unavailable', () => {
    const inputs = { spots: 100, strikes: 100, expiries: 1, rates: 0.05, dividendYields: 0.02, volatilities: 0.2, optionTypes: 1 };
    const wasm = blackScholesBatch(inputs).prices[0];
    forceTypeScriptKernels(true);
    try {
      expect(blackScholesBatch(inputs).prices[0]).toBe(wasm);
      expect(() => blackScholesBatch(inputs, undefined, { backend: 'simd' })).toThrow(QuantflowError);
    } finally {
      forceTypeScriptKernels(false);
    }
  });
});

describe('blackScholesBatch input validation', () => {
  const ok = { spots: 100, strikes: 100, expiries: 1, rates: 0.05, dividendYields: 0.02, volatilities: 0.2, optionTypes: 1 };
  const cases: ReadonlyArray<readonly [string, Record<string, unknown>, RegExp]> = [
    ['negative spot', { spots: Float64Array.of(100, 100, -1) }, /^spots\[2\] = -1 is outside the allowed range \(0, ∞\)/],
    ['zero strike', { strikes: 0 }, /^strikes = 0 is outside/],
    ['negative expiry', { expiries: -0.5 }, /^expiries = -0.5 .*\[0, ∞\)/],
    ['NaN vol', { volatilities: Float64Array.of(0.2, Number.NaN) }, /^volatilities\[1\] = NaN/],
    ['infinite rate', { rates: Infinity }, /^rates = Infinity/],
    ['NaN dividend yield', { dividendYields: Number.NaN }, /^dividendYields = NaN/],
    ['option type 0', { optionTypes: Float64Array.of(1, 0) }, /^optionTypes\[1\] = 0 .*\+1 \(call\), -1 \(put\)/],
    ['lengths disagree', { spots: new Float64Array(3).fill(100), strikes: new Float64Array(4).fill(100) }, /^strikes\.length = 4 .*\{1, 3\} \(the length of spots\)/],
    ['not an array', { spots: [100, 100] }, /^spots must be a number or a Float64Array/],
  ];
  it.each(cases)('%s → InvalidInputError naming the argument', (_name, patch, message) => {
    const call = () => blackScholesBatch({ ...ok, ...patch } as never);
    expect(call).toThrow(InvalidInputError);
    expect(call).toThrow(message);
  });

  it('names the right index when the bad element sits in a later WebAssembly chunk', () => {
    const strikes = new Float64Array(20_000).fill(100);
    strikes[17_001] = -2;
    for (const backend of ['simd', 'scalar', 'typescript'] as const) {
      expect(() => blackScholesBatch({ ...ok, strikes }, undefined, { backend })).toThrow(/^strikes\[17001\] = -2 is outside/);
    }
  });

  it('the WebAssembly domain check (blackValidate) agrees with the TypeScript one (fast-check)', () => {
    const good = { S: 100, K: 90, T: 1, r: 0.01, q: 0, vol: 0.2, w: 1 };
    const bad: Record<keyof typeof good, number[]> = {
      S: [0, -1, Infinity, Number.NaN], K: [0, -5, Infinity, Number.NaN], T: [-1e-9, Infinity, Number.NaN],
      r: [Infinity, -Infinity, Number.NaN], q: [Infinity, Number.NaN], vol: [-0.1, Infinity, Number.NaN], w: [0, 2, -2, Number.NaN],
    };
    const keys = Object.keys(good) as Array<keyof typeof good>;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.constantFrom(...keys), fc.nat()), { maxLength: 3 }),
        (n, corruptions) => {
          const cols = Object.fromEntries(keys.map((k) => [k, new Float64Array(n).fill(good[k])])) as Record<keyof typeof good, Float64Array>;
          for (const [i, k, j] of corruptions) if (i < n) cols[k][i] = bad[k][j % bad[k].length];
          const inputs = { spots: cols.S, strikes: cols.K, expiries: cols.T, rates: cols.r, dividendYields: cols.q, volatilities: cols.vol, optionTypes: cols.w };
          let tsError: unknown;
          let wasmError: unknown;
          try { blackScholesBatch(inputs, undefined, { backend: 'typescript' }); } catch (e) { tsError = e; }
          try { blackScholesBatch(inputs, undefined, { backend: 'simd' }); } catch (e) { wasmError = e; }
          expect(wasmError instanceof InvalidInputError).toBe(tsError instanceof InvalidInputError);
          if (tsError instanceof Error && wasmError instanceof Error) expect(wasmError.message).toBe(tsError.message);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses short outputs and unknown backends', () => {
    expect(() => blackScholesBatch({ ...ok, strikes: Float64Array.of(1, 2) }, { deltas: new Float64Array(1) })).toThrow(/^outputs\.deltas\.length = 1/);
    expect(() => blackScholesBatch(ok, undefined, { backend: 'gpu' as never })).toThrow(InvalidInputError);
  });

  it('refuses valid inputs that overflow double precision together instead of returning NaN', () => {
    // r = −1, q = −1, T = 800: e^(−rT) = e^(−qT) = +∞ in double, so V = ∞ − ∞ would be NaN.
    for (const backend of ['simd', 'typescript'] as const) {
      const call = () =>
        blackScholesBatch({ ...ok, rates: -1, dividendYields: -1, expiries: Float64Array.of(1, 800), optionTypes: 1 }, undefined, { backend });
      expect(call).toThrow(InvalidInputError);
      expect(call).toThrow(/^option 1 \(S=100, K=100, T=800, r=-1, q=-1/);
    }
  });

  it('black76Batch names its own arguments', () => {
    const b = { forwards: 100, strikes: 100, expiries: 1, discountRates: 0.05, volatilities: 0.2, optionTypes: 1 };
    expect(() => black76Batch({ ...b, forwards: -3 })).toThrow(/^forwards = -3 is outside/);
    expect(() => black76Batch({ ...b, discountRates: Number.NaN })).toThrow(/^discountRates = NaN/);
    expect(() => black76Batch({ ...b, forwards: Float64Array.of(1, 2), strikes: Float64Array.of(1, 2, 3) })).toThrow(/the length of forwards/);
  });
});
