import { QuantflowError } from '../errors.js';
import type { BatchBackend } from './black.js';
import { mcHestonQeReference } from './mcheston.reference.js';
import type { HestonQeKernelInputs } from './mcheston.reference.js';
import { resolveBackend } from './montecarlo.js';
import { withScratch } from './withScratch.js';

/** Length of the QE kernel's `params` column. @internal */
export const HESTON_QE_PARAMS = 17;

/** Largest number of uniforms copied through scratch per kernel call (4 MB). */
const CHUNK_DOUBLES = 1 << 19;

/**
 * Runs the fused Heston QE kernel: Andersen's quadratic–exponential variance step, his log-spot
 * step and the European payoff in one pass per path, no path stored.
 *
 * @remarks
 * Layouts (all f64): `stepData` = the deterministic log drift of each step (`steps` numbers).
 * `params` ({@link HESTON_QE_PARAMS} numbers) = ln S0, v0, strike K, ω (+1 call, −1 put),
 * payment discount D_r(T), θ, e^(−κΔ), c1 = σ²e^(−κΔ)(1 − e^(−κΔ))/κ, c2 = θσ²(1 − e^(−κΔ))²/(2κ)
 * (the conditional variance is v·c1 + c2), ψ_c, K0, K1, K2, K3, K4, A = K2 + ½K4, martingale
 * correction flag (1/0). `acc` (length ≥ 6) receives += Σy, Σy², Σc, Σc², Σyc (y the discounted
 * payoff, c = D_r(T)·S_T; antithetic pairs averaged) and the count of steps where the martingale
 * correction did not exist (K0 used instead). Random numbers: sample s uses Philox stream
 * `firstPath + s` under key (key0, key1); word 2j of the stream (block ⌊2j/4⌋, as in the GBM
 * kernel) is the variance uniform U_v of step j, word 2j + 1 gives the log-spot normal Z by AS241;
 * with `uniforms` the row s holds (U_v, U_z) per step. Antithetic: (1 − U_v, −Z_v, −Z).
 * The TypeScript reference performs the same operations in the same order with the same
 * exp/log approximations (bitwise equal in the tests).
 *
 * Source: L. Andersen (2008), "Simple and efficient simulation of the Heston stochastic
 * volatility model", J. Comput. Finance 11(3): §3.2.3–3.2.4 (QE), eq. (33), §4.2 (martingale correction).
 * Checked against: test/kernels/mcheston.test.ts (WASM vs reference).
 *
 * @param inp - the kernel inputs (see layouts).
 * @param acc - accumulators, `Float64Array` of length ≥ 6, added to.
 * @param backend - `'auto'` (default), `'simd'`/`'scalar'` (both the scalar WASM loop), `'typescript'`.
 * @throws QuantflowError (code `NUMERICAL_OVERFLOW`) when an accumulated payoff is not finite.
 * @internal
 */
export function mcHestonQeRun(inp: HestonQeKernelInputs, acc: Float64Array, backend?: BatchBackend): void {
  const k = resolveBackend(backend);
  let flag = 0;
  if (k === undefined) {
    flag = mcHestonQeReference(inp, acc);
  } else {
    flag = withScratch((scratch) => {
      const n = inp.steps;
      const dims = 2 * n;
      const chunk = inp.uniforms !== undefined ? Math.max(1, Math.min(inp.samples, Math.floor(CHUNK_DOUBLES / dims))) : inp.samples;
      const work = scratch.f64(dims);
      const step = scratch.f64(n);
      const params = scratch.f64(HESTON_QE_PARAMS);
      const accB = scratch.f64(6);
      const uni = inp.uniforms !== undefined ? scratch.f64(chunk * dims) : undefined;
      step.view.set(inp.stepData.subarray(0, n));
      params.view.set(inp.params.subarray(0, HESTON_QE_PARAMS));
      accB.view.fill(0);
      let bad = 0;
      for (let start = 0; start < inp.samples; start += chunk) {
        const m = Math.min(chunk, inp.samples - start);
        if (uni !== undefined) uni.view.set(inp.uniforms!.subarray(start * dims, (start + m) * dims));
        bad |= k.mcHestonQe(
          m, inp.firstPath + start, inp.key0, inp.key1, n, inp.antithetic ? 1 : 0,
          uni?.byteOffset ?? 0, work.byteOffset, step.byteOffset, params.byteOffset, accB.byteOffset,
        );
      }
      const a = accB.view;
      for (let i = 0; i < 6; i++) acc[i] = acc[i]! + a[i]!;
      return bad;
    });
  }
  if (flag !== 0) {
    throw new QuantflowError('Monte Carlo payoff overflowed double precision (a simulated price or payoff is not finite)', 'NUMERICAL_OVERFLOW', {});
  }
}
