import { InvalidInputError, QuantflowError } from '../errors.js';
import { kernelExports, kernelUnavailableReason, type KernelExports } from './_lib/kernelModule.js';
import { adamsRiccatiReference } from './riccati.reference.js';
import { withScratch } from './withScratch.js';

/**
 * Where the fractional Adams history sums run: `'auto'` (the SIMD WebAssembly loop where the
 * module is available, else TypeScript), `'simd'`, `'scalar'` (the scalar loop inside the module)
 * or `'typescript'` (the reference).
 * @public
 */
export type RiccatiBackend = 'auto' | 'simd' | 'scalar' | 'typescript';

/** The Adams Riccati kernel: m, n, pointers predW, corrW, coef, psi, f; returns 1 on a non-finite F. @internal */
export type AdamsRiccatiKernel = (m: number, n: number, predW: number, corrW: number, coef: number, psi: number, f: number, implicit: number) => number;

// The two exports of kernels/riccati.ts (kept here rather than in the shared KernelExports list).
type RiccatiExports = KernelExports & { readonly adamsRiccatiScalar: AdamsRiccatiKernel; readonly adamsRiccatiSimd: AdamsRiccatiKernel };

/**
 * Runs the fractional Adams predictor–corrector on the chosen backend (see
 * `adamsRiccatiReference` for the scheme and the layouts): m complex Riccati equations on one
 * grid of n steps, ψ and F(ψ) at every grid point; `implicit` solves the corrector exactly
 * (quadratic in ψ_r) instead of predicting.
 *
 * @remarks
 * Inputs are trusted (callers validate). The WebAssembly path copies the weights and
 * coefficients into one scratch region, runs `adamsRiccatiSimd` or `adamsRiccatiScalar`
 * (kernels/riccati.ts) and copies ψ and F out, in chunks of nodes so scratch stays ≤ ~8 MB
 * beyond the weights; the three backends give the same bits.
 * Source: Diethelm, Ford & Freed (2002), Nonlinear Dynamics 29, 3–22.
 * Checked against: `test/kernels/riccati.test.ts`.
 * @returns 1 when some F is not finite, else 0.
 * @throws InvalidInputError when `backend` is not one of the four names.
 * @throws QuantflowError (code `KERNEL_UNAVAILABLE`) when `backend` is `'simd'` or `'scalar'` and
 * the module is not available.
 * @internal
 */
export function adamsRiccatiRun(
  m: number,
  n: number,
  predW: Float64Array,
  corrW: Float64Array,
  coef: Float64Array,
  psi: Float64Array,
  f: Float64Array,
  backend: RiccatiBackend,
  implicit = false,
): number {
  if (backend !== 'auto' && backend !== 'simd' && backend !== 'scalar' && backend !== 'typescript') {
    throw InvalidInputError.outOfRange('options.backend', backend, "{'auto', 'simd', 'scalar', 'typescript'}");
  }
  const exports = backend === 'typescript' ? undefined : (kernelExports() as RiccatiExports | undefined);
  if (exports === undefined) {
    if (backend === 'simd' || backend === 'scalar') {
      throw new QuantflowError(`backend '${backend}' needs the WebAssembly kernels: ${kernelUnavailableReason() ?? 'unavailable'}`, 'KERNEL_UNAVAILABLE', { backend });
    }
    return adamsRiccatiReference(m, n, predW, corrW, coef, psi, f, implicit ? 1 : 0);
  }
  const kernel = backend === 'scalar' ? exports.adamsRiccatiScalar : exports.adamsRiccatiSimd;
  const per = 2 * (n + 1);
  const chunk = Math.max(1, Math.min(m, Math.floor((1 << 19) / per)));
  let bad = 0;
  withScratch((scratch) => {
    const pw = scratch.f64(predW.length);
    pw.view.set(predW);
    const cw = scratch.f64(corrW.length);
    cw.view.set(corrW);
    const cf = scratch.f64(8 * chunk);
    const ps = scratch.f64(per * chunk);
    const fs = scratch.f64(per * chunk);
    for (let i0 = 0; i0 < m; i0 += chunk) {
      const c = Math.min(chunk, m - i0);
      const cv = cf.view;
      for (let col = 0; col < 8; col++) cv.set(coef.subarray(col * m + i0, col * m + i0 + c), col * c);
      bad |= kernel(c, n, pw.byteOffset, cw.byteOffset, cf.byteOffset, ps.byteOffset, fs.byteOffset, implicit ? 1 : 0);
      psi.set(ps.view.subarray(0, per * c), per * i0);
      f.set(fs.view.subarray(0, per * c), per * i0);
    }
  });
  return bad;
}
