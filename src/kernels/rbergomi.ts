import { QuantflowError } from '../errors.js';
import type { BatchBackend } from './black.js';
import { resolveBackend } from './montecarlo.js';
import { mcRoughBergomiReference } from './rbergomi.reference.js';
import type { RoughBergomiKernelInputs } from './rbergomi.reference.js';
import { withScratch } from './withScratch.js';

/** Length of the rough Bergomi kernel's `params` column. @internal */
export const ROUGH_BERGOMI_PARAMS = 10;

/** Largest number of path values copied out of scratch per kernel call (4 MB). */
const CHUNK_DOUBLES = 1 << 19;

/**
 * Runs the fused rough Bergomi kernel: hybrid-scheme Volterra process, variance, log-forward
 * Euler step and European payoffs over many strikes in one pass per path, no path stored.
 *
 * @remarks
 * Grid t_j = jΔ, Δ = T/steps. Layouts (all f64): `gamma[k]` = Γ_k = √(2H)·(b*_k Δ)^(H−½)
 * for k = 2 … steps (indices 0, 1 unused), b*_k = ((k^(H+½) − (k−1)^(H+½))/(H+½))^(1/(H−½));
 * `drift[j]` = ln ξ0(t_{j+1}) − ½η² t_{j+1}^(2H); `params` ({@link ROUGH_BERGOMI_PARAMS}) = √Δ,
 * c1, c2 (the own-cell integral √(2H)∫_{t_j}^{t_{j+1}} (t_{j+1} − s)^(H−½) dW_s = c1·z1 + c2·z2 with
 * ΔW = √Δ·z1, the exact 2 × 2 Cholesky factor), η, ρ, √(1 − ρ²), Δ/2, V0 = ξ0(0), mixed flag,
 * FFT size M (0: direct convolution; else a power of two ≥ 2·steps, and `gamma` continues with
 * the M-point DFT of Γ (real parts, imaginary parts) and cos, sin of 2πj/M for j < M/2);
 * `strikes` = K/F(T) for every strike, then ln(K/F(T)) for every strike; `omegas` = ±1. Step j: Y_{j+1} = c1 z1_j + c2 z2_j + Σ_{k=2}^{j+1} Γ_k ΔW_{j+1−k},
 * X_{j+1} = X_j + √V_j (ρΔW_j + √(1−ρ²)√Δ z3_j) − ½V_jΔ, V_{j+1} = exp(ηY_{j+1} + drift[j]).
 * `acc` (length ≥ 2 + 3·nStrikes) receives += Σc, Σc² (c = e^{X_T} = S_T/F(T), mean 1) and per
 * strike Σy, Σy², Σyc (y = (ω(c − K/F))⁺; antithetic pairs averaged). Mixed estimator (flag 1;
 * Romano & Touzi 1997, McCrickerd & Pakkanen 2018 §3): conditionally on W, ln(S_T/F) is normal,
 * so c = F1 = exp(ρ∫√V dW − ½ρ²∫V dt) (left-point sums) and y = the Black price at forward F1,
 * total variance (1 − ρ²)∫V dt; no ΔW⊥ is drawn. Random numbers: sample s uses Philox stream
 * `firstPath + s` under key (key0, key1); normal dj + i (d = 3, or 2 when mixed; i = 0, 1, 2) of
 * the stream (word (dj + i) mod 4 of block ⌊(dj + i)/4⌋, AS241) is z_{i+1} of step j.
 * Antithetic: all normals negated. `paths` (length ≥ samples·steps) receives Y(t_1 … t_n) per sample.
 * The TypeScript reference performs the same operations in the same order with the same exp
 * approximation: the WASM scalar loop, the f64x2 loop and the reference are bitwise equal.
 *
 * Source: Bayer, Friz & Gatheral (2016), "Pricing under rough volatility", Quant. Finance 16(6);
 * Bennedsen, Lunde & Pakkanen (2017), "Hybrid scheme for Brownian semistationary processes",
 * Finance Stoch. 21, §2.2 (κ = 1, b*); McCrickerd & Pakkanen (2018), Quant. Finance 18(11).
 * Checked against: test/kernels/rbergomi.test.ts (WASM vs reference).
 *
 * @param inp - the kernel inputs (see layouts).
 * @param acc - accumulators, `Float64Array` of length ≥ 2 + 3·nStrikes, added to.
 * @param backend - `'auto'` (default), `'simd'` (f64x2 convolution), `'scalar'`, `'typescript'`.
 * @param paths - optional output for Y, length ≥ samples·steps.
 * @throws QuantflowError (code `NUMERICAL_OVERFLOW`) when an accumulated value is not finite.
 * @internal
 */
export function mcRoughBergomiRun(inp: RoughBergomiKernelInputs, acc: Float64Array, backend?: BatchBackend, paths?: Float64Array): void {
  const k = resolveBackend(backend);
  const simd = backend === 'scalar' ? 0 : 1;
  let flag = 0;
  if (k === undefined) {
    flag = mcRoughBergomiReference(inp, acc, paths);
  } else {
    flag = withScratch((scratch) => {
      const n = inp.steps;
      const nk = inp.omegas.length;
      const chunk = paths !== undefined ? Math.max(1, Math.min(inp.samples, Math.floor(CHUNK_DOUBLES / n))) : inp.samples;
      const M = inp.params[9]!;
      const work = scratch.f64(5 * n + nk + 2 * M);
      const gamma = scratch.f64(inp.gamma.length);
      const drift = scratch.f64(n);
      const params = scratch.f64(ROUGH_BERGOMI_PARAMS);
      const strikes = scratch.f64(Math.max(2 * nk, 1));
      const omegas = scratch.f64(Math.max(nk, 1));
      const accB = scratch.f64(2 + 3 * nk);
      const out = paths !== undefined ? scratch.f64(chunk * n) : undefined;
      gamma.view.set(inp.gamma);
      drift.view.set(inp.drift.subarray(0, n));
      params.view.set(inp.params.subarray(0, ROUGH_BERGOMI_PARAMS));
      strikes.view.set(inp.strikes.subarray(0, 2 * nk));
      omegas.view.set(inp.omegas);
      accB.view.fill(0);
      let bad = 0;
      for (let start = 0; start < inp.samples; start += chunk) {
        const m = Math.min(chunk, inp.samples - start);
        bad |= k.mcRoughBergomi(
          m, inp.firstPath + start, inp.key0, inp.key1, n, inp.antithetic ? 1 : 0, simd,
          work.byteOffset, gamma.byteOffset, drift.byteOffset, params.byteOffset,
          nk, strikes.byteOffset, omegas.byteOffset, accB.byteOffset, out?.byteOffset ?? 0,
        );
        if (out !== undefined) paths!.set(out.view.subarray(0, m * n), start * n);
      }
      const a = accB.view;
      for (let i = 0; i < a.length; i++) acc[i] = acc[i]! + a[i]!;
      return bad;
    });
  }
  if (flag !== 0) {
    throw new QuantflowError('Monte Carlo payoff overflowed double precision (a simulated price or payoff is not finite)', 'NUMERICAL_OVERFLOW', {});
  }
}
