import { InvalidInputError, QuantflowError } from '../errors.js';
import type { BatchBackend } from './black.js';
import { mcLocalVolReference } from './mclocalvol.reference.js';
import type { LocalVolKernelInputs } from './mclocalvol.reference.js';
import { resolveBackend } from './montecarlo.js';
import { withScratch } from './withScratch.js';

/** Length of the local-vol kernel's `params` column. @internal */
export const LOCAL_VOL_PARAMS = 7;

/** Barrier codes of the local-vol kernel (params[6]). @internal */
export const LocalVolBarrierKind = { None: 0, KnockOut: 1, KnockIn: 2 } as const;

/** The kernel export (declared here, cast from the module's exports). */
interface LocalVolExports {
  mcLocalVol(
    nSamples: number, first: number, k0: number, k1: number, steps: number, antithetic: number,
    uniforms: number, work: number, stepData: number, volGrid: number, nx: number, params: number,
    payoffs: number, nPayoffs: number, acc: number,
  ): number;
}

/** Largest number of uniforms copied through scratch per kernel call (4 MB). */
const CHUNK_DOUBLES = 1 << 19;

function checkColumn(name: string, a: Float64Array, length: number, lo: number, allowed: string, strictLo = false): void {
  if (a.length < length) throw InvalidInputError.outOfRange(`${name}.length`, a.length, `[${length}, ∞)`);
  for (let i = 0; i < length; i++) {
    const v = a[i]!;
    if (!(Number.isFinite(v) && (strictLo ? v > lo : v >= lo))) throw InvalidInputError.outOfRange(`${name}[${i}]`, v, allowed);
  }
}

/**
 * Runs the fused local-volatility Monte Carlo kernel: log-Euler paths of ln S with σ_loc
 * interpolated on a grid, European payoffs over several strikes and an optional discretely
 * monitored barrier, in one pass per path, no path stored.
 *
 * @remarks
 * Step i (i = 0 … steps−1, from t_i to t_{i+1}, Δt_i = t_{i+1} − t_i) reads row i of the grid
 * (the local vol at t_i) and does x ← x + ((μ_iΔt_i − ½σ²Δt_i) + σ√Δt_i·Z_i), x = ln S, with
 * σ = σ[i][j] + w·(σ[i][j+1] − σ[i][j]) at u = (x − x_min)/Δx, j = ⌊u⌋, w = u − j, and the end
 * nodes' values beyond the grid (flat extrapolation).
 * Layouts (all f64): `stepData` = 3 arrays of `steps`: μ_iΔt_i (the curves' log drift
 * ln(D_q(t_{i+1})D_r(t_i)/(D_q(t_i)D_r(t_{i+1})))), Δt_i, √Δt_i. `volGrid` = steps × nx,
 * row-major, ≥ 0. `params` ({@link LOCAL_VOL_PARAMS}) = ln S0, x_min, 1/Δx, payment discount
 * D_r(T), ln L (lower barrier, −∞ for none), ln U (upper barrier, +∞ for none), barrier kind
 * ({@link LocalVolBarrierKind}: 0 none, 1 knock-out, 2 knock-in; the barrier is hit when
 * x ≤ ln L or x ≥ ln U after a step, i.e. monitored at t_1 … t_n, no rebate). `payoffs` = nPayoffs
 * strikes then nPayoffs ω (+1 call, −1 put). `acc` (length ≥ 5·nPayoffs) receives, per payoff k,
 * acc[5k … 5k+5) += Σy, Σy², Σc, Σc², Σyc with y = D_r(T)·max(ω(S_T − K), 0)·(barrier factor),
 * c = D_r(T)·S_T (same control for every payoff; antithetic pairs averaged into one sample).
 * Random numbers: sample s uses Philox stream `firstPath + s` under key (key0, key1), normal j
 * from word j mod 4 of block (stream_lo, stream_hi, ⌊j/4⌋, 0), u = (w + ½)·2^−32, AS241 — the
 * layout of the GBM kernel, so a constant-vol grid reproduces McEuropeanEngine's normals; with
 * `uniforms` row s holds the step uniforms. Antithetic: −Z. The TypeScript reference performs the
 * same operations in the same order (bitwise equal in the tests).
 *
 * Source: P. Glasserman (2004), Monte Carlo Methods in Financial Engineering, §6.1.1 (Euler
 * scheme), §4.2 (antithetic variates); B. Dupire (1994), "Pricing with a smile", Risk 7(1).
 * Checked against: test/kernels/mclocalvol.test.ts (WASM vs reference; constant vol vs the GBM kernel;
 * the discrete barrier vs Broadie–Glasserman–Kou).
 *
 * @param inp - the kernel inputs (see layouts).
 * @param acc - accumulators, `Float64Array` of length ≥ 5·nPayoffs, added to.
 * @param backend - `'auto'` (default), `'simd'`/`'scalar'` (both the scalar WASM loop), `'typescript'`.
 * @throws InvalidInputError for a grid or step column with a negative or non-finite entry, Δt ≤ 0,
 *   non-integer or out-of-range counts, ω ∉ {−1, +1} or a strike < 0 (naming the column and index).
 * @throws QuantflowError (code `NUMERICAL_OVERFLOW`) when an accumulated payoff is not finite.
 * @internal
 */
export function mcLocalVolRun(inp: LocalVolKernelInputs, acc: Float64Array, backend?: BatchBackend): void {
  const n = inp.steps;
  const np = inp.nPayoffs;
  for (const [name, v, hi] of [['steps', n, 100000], ['nx', inp.nx, 1 << 20], ['nPayoffs', np, 1 << 16], ['samples', inp.samples, 2 ** 31 - 1]] as const) {
    if (!(Number.isInteger(v) && v >= 1 && v <= hi)) throw InvalidInputError.outOfRange(name, v, `integers in [1, ${hi}]`);
  }
  checkColumn('volGrid', inp.volGrid, n * inp.nx, 0, '[0, ∞)');
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(inp.stepData[i])) throw InvalidInputError.outOfRange(`stepData[${i}] (drift)`, inp.stepData[i], '(−∞, ∞)');
    const dt = inp.stepData[n + i]!;
    if (!(dt > 0 && Number.isFinite(dt))) throw InvalidInputError.outOfRange(`stepData[${n + i}] (Δt)`, dt, '(0, ∞)');
  }
  checkColumn('payoffs', inp.payoffs, np, 0, '[0, ∞) (strikes)');
  for (let k = 0; k < np; k++) {
    const w = inp.payoffs[np + k];
    if (w !== 1 && w !== -1) throw InvalidInputError.outOfRange(`payoffs[${np + k}] (ω)`, w, '{−1, +1}');
  }
  const pr = inp.params;
  if (pr.length < LOCAL_VOL_PARAMS) throw InvalidInputError.outOfRange('params.length', pr.length, `[${LOCAL_VOL_PARAMS}, ∞)`);
  for (const i of [0, 1, 3]) if (!Number.isFinite(pr[i])) throw InvalidInputError.outOfRange(`params[${i}]`, pr[i], '(−∞, ∞)');
  if (!(pr[2]! > 0 && Number.isFinite(pr[2]))) throw InvalidInputError.outOfRange('params[2] (1/Δx)', pr[2], '(0, ∞)');
  if (!(pr[4]! < pr[5]!)) throw InvalidInputError.outOfRange('params[4] (ln L)', pr[4], `(−∞, ln U = ${pr[5]})`);
  if (pr[6] !== 0 && pr[6] !== 1 && pr[6] !== 2) throw InvalidInputError.outOfRange('params[6] (barrier kind)', pr[6], '{0, 1, 2}');
  if (acc.length < 5 * np) throw InvalidInputError.outOfRange('acc.length', acc.length, `[${5 * np}, ∞)`);
  const k = resolveBackend(backend) as unknown as LocalVolExports | undefined;
  let flag = 0;
  if (k === undefined) {
    flag = mcLocalVolReference(inp, acc);
  } else {
    flag = withScratch((scratch) => {
      const chunk = inp.uniforms !== undefined ? Math.max(1, Math.min(inp.samples, Math.floor(CHUNK_DOUBLES / n))) : inp.samples;
      const work = scratch.f64(n + 6 * np);
      const step = scratch.f64(3 * n);
      const grid = scratch.f64(n * inp.nx);
      const params = scratch.f64(LOCAL_VOL_PARAMS);
      const pay = scratch.f64(2 * np);
      const accB = scratch.f64(5 * np);
      const uni = inp.uniforms !== undefined ? scratch.f64(chunk * n) : undefined;
      step.view.set(inp.stepData.subarray(0, 3 * n));
      grid.view.set(inp.volGrid.subarray(0, n * inp.nx));
      params.view.set(pr.subarray(0, LOCAL_VOL_PARAMS));
      pay.view.set(inp.payoffs.subarray(0, 2 * np));
      accB.view.fill(0);
      let bad = 0;
      for (let start = 0; start < inp.samples; start += chunk) {
        const m = Math.min(chunk, inp.samples - start);
        if (uni !== undefined) uni.view.set(inp.uniforms!.subarray(start * n, (start + m) * n));
        bad |= k.mcLocalVol(
          m, inp.firstPath + start, inp.key0, inp.key1, n, inp.antithetic ? 1 : 0,
          uni?.byteOffset ?? 0, work.byteOffset, step.byteOffset, grid.byteOffset, inp.nx, params.byteOffset,
          pay.byteOffset, np, accB.byteOffset,
        );
      }
      const a = accB.view;
      for (let i = 0; i < 5 * np; i++) acc[i] = acc[i]! + a[i]!;
      return bad;
    });
  }
  if (flag !== 0) {
    throw new QuantflowError('Monte Carlo payoff overflowed double precision (a simulated price or payoff is not finite)', 'NUMERICAL_OVERFLOW', {});
  }
}
