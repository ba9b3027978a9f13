// The implied-vol batch's tabulated guess (src/kernels/_lib/impliedVolTable.ts): its accuracy
// before the Householder step, against the s that made each price; one step from it against the
// full "Let's Be Rational" inversion (a second method); the share of a market-like book it serves;
// and the three backends bit for bit on both sides of the table's edges.
import { describe, expect, it } from 'vitest';
import { blackFormula } from '../../engines/blackscholes/formulas/blackFormula.js';
import { impliedBlackVolatilityBatch } from '../../src/kernels/impliedVol.js';
import { lbrNormalisedBlackOtm, lbrNormalisedImpliedStdDevOtm } from '../../src/kernels/_lib/impliedVolLetsBeRational.js';
import {
  buildImpliedVolTable, impliedVolTable, tableImpliedStdDevGuess, tableNormalisedImpliedStdDevOtm,
} from '../../src/kernels/_lib/impliedVolTable.js';
import { mulberry32 } from './_random.js';

/** Normalised out-of-the-money calls b(x, s), x = h·s: h uniform in [−10.5, 0], s log-uniform in [1e-4, 3]. */
function* normalisedCases(n: number, seed: number): Generator<{ h: number; s: number; x: number; beta: number }> {
  const u = mulberry32(seed);
  for (let i = 0; i < n; i++) {
    const h = -10.5 * u();
    const s = Math.exp(Math.log(1e-4) + Math.log(3e4) * u());
    const x = h * s;
    const beta = lbrNormalisedBlackOtm(x, s);
    if (beta > 0) yield { h, s, x, beta };
  }
}

describe('tabulated implied-vol guess', () => {
  it('is within 2e-5 of s where |h| < 1, 5e-6 where |h| ∈ [1, 2), 1e-6 where |h| ∈ [2, 5), 3e-8 beyond', () => {
    // These bounds are what lets one Householder(3) step (error ∝ guess error⁴, with a constant
    // growing like a power of |h|) reach the last bits.
    const bound = (h: number) => (-h < 1 ? 2e-5 : -h < 2 ? 5e-6 : -h < 5 ? 1e-6 : 3e-8);
    let inside = 0;
    for (const { h, s, x, beta } of normalisedCases(200_000, 1)) {
      const guess = tableImpliedStdDevGuess(beta, x);
      if (Number.isNaN(guess)) continue;
      inside++;
      const err = Math.abs(guess / s - 1);
      if (!(err <= bound(h))) expect.fail(`h=${h} s=${s}: guess ${guess}, error ${err} > ${bound(h)}`);
    }
    expect(inside).toBeGreaterThan(150_000);
  });

  it('one step from it lands within 4e-15 (relative) of the full Let’s Be Rational inversion', () => {
    let worst = 0;
    for (const { x, beta } of normalisedCases(200_000, 2)) {
      const fast = tableNormalisedImpliedStdDevOtm(beta, x);
      if (Number.isNaN(fast)) continue;
      const full = lbrNormalisedImpliedStdDevOtm(beta, x, 2);
      worst = Math.max(worst, Math.abs(fast / full - 1));
    }
    expect(worst).toBeLessThanOrEqual(4e-15);
  });

  it('does not reach |h| ≳ 10 or, at the money, s ≳ 2.5 (those go to the full inversion)', () => {
    expect(tableImpliedStdDevGuess(lbrNormalisedBlackOtm(-11 * 0.5, 0.5), -11 * 0.5)).toBeNaN();
    expect(tableImpliedStdDevGuess(lbrNormalisedBlackOtm(-0.1, 3), -0.1)).toBeNaN();
    expect(tableImpliedStdDevGuess(lbrNormalisedBlackOtm(-0.1, 1), -0.1)).not.toBeNaN();
  });

  it('serves more than 99 % of a market-like book (σ 5–100 %, T 1 day–10 years, |ln F/K| ≤ 4 σ√T)', () => {
    const u = mulberry32(3);
    let served = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const s = Math.exp(Math.log(0.05) + Math.log(20) * u()) * Math.sqrt(Math.exp(Math.log(1 / 365) + Math.log(3650) * u()));
      const x = -4 * u() * s;
      if (!Number.isNaN(tableImpliedStdDevGuess(lbrNormalisedBlackOtm(x, s), x))) served++;
    }
    expect(served / n).toBeGreaterThan(0.99);
  });
});

describe('impliedBlackVolatilityBatch around the table’s edges', () => {
  it('SIMD, scalar WASM and TypeScript agree bit for bit, in pairs straddling the edges, and round trip to 1e-13', () => {
    // Lanes just inside and outside u = 10 (|h| ≈ 10.3) and s₀ = 2 (s ≈ 2.3 at the money),
    // paired in every combination so that mixed SIMD pairs go lane by lane.
    const u = mulberry32(4);
    const n = 4001;
    const P = new Float64Array(n);
    const F = new Float64Array(n);
    const K = new Float64Array(n);
    const w = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const edge = i % 4;
      const s = edge < 2 ? 0.05 + 1.5 * u() : 1.9 + 0.8 * u();
      const h = edge < 2 ? 9.8 + 0.9 * u() : 0.3 * u();
      K[i] = 100;
      w[i] = u() < 0.5 ? 1 : -1;
      F[i] = K[i] * Math.exp((u() < 0.5 ? -1 : 1) * h * s);
      P[i] = blackFormula(w[i], K[i], F[i], s);
    }
    const inputs = { prices: P, forwards: F, strikes: K, expiries: 1, optionTypes: w };
    const ref = impliedBlackVolatilityBatch(inputs, undefined, { backend: 'typescript' });
    const simd = impliedBlackVolatilityBatch(inputs, undefined, { backend: 'simd' });
    const scalar = impliedBlackVolatilityBatch(inputs, undefined, { backend: 'scalar' });
    for (let i = 0; i < n; i++) {
      expect(simd[i], `i=${i}`).toBe(ref[i]);
      expect(scalar[i], `i=${i}`).toBe(ref[i]);
      const timeValue = P[i]! - Math.max(w[i]! * (F[i]! - K[i]!), 0);
      if (timeValue >= 2 ** -50 * Math.max(F[i]!, K[i]!)) {
        expect(Math.abs(blackFormula(w[i]!, K[i]!, F[i]!, ref[i]!) / P[i]! - 1), `i=${i}`).toBeLessThanOrEqual(1e-13);
      }
    }
  });
});

describe('the guess table', () => {
  it('built in TypeScript equals the WebAssembly module’s, bit for bit', () => {
    const mine = buildImpliedVolTable();
    const theirs = impliedVolTable(); // copied from the module where it is loaded
    expect(theirs.length).toBe(101 * 41);
    for (let i = 0; i < mine.length; i++) expect(theirs[i], `node ${i}`).toBe(mine[i]);
  });
});
