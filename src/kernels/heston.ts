import { InvalidInputError, QuantflowError } from '../errors.js';
import { kernelExports, kernelUnavailableReason } from './_lib/kernelModule.js';
import { hestonCosReference } from './heston.reference.js';
import { withScratch } from './withScratch.js';

/**
 * Where the COS strike sums run: `'auto'` (the SIMD WebAssembly loop where the module is
 * available, else TypeScript), `'simd'`, `'scalar'` (the scalar loop inside the module) or
 * `'typescript'` (the reference).
 * @public
 */
export type HestonCosBackend = 'auto' | 'simd' | 'scalar' | 'typescript';

/**
 * The COS strike sums of one maturity on the chosen backend (see `hestonCosReference` for the
 * formula): puts[i] for the m strikes, from the N cosine coefficients.
 *
 * @remarks
 * Inputs are trusted (the caller, `cosHestonBatch`, validated them). The WebAssembly path copies
 * the eight columns into one scratch region, runs `hestonCosSimd` or `hestonCosScalar`
 * (kernels/heston.ts) and copies the puts out; all three backends give the same bits.
 * Source: Fang & Oosterlee (2008), SIAM J. Sci. Comput. 31(2), §3.
 * Checked against: `test/kernels/heston.test.ts`.
 * @throws InvalidInputError when `backend` is not one of the four names.
 * @throws QuantflowError (code `KERNEL_UNAVAILABLE`) when `backend` is `'simd'` or `'scalar'` and
 * the module is not available.
 * @internal
 */
export function hestonCosStrikeSums(
  terms: number,
  a: Float64Array, b: Float64Array, c: Float64Array,
  m: number,
  strikes: Float64Array, dMinusAlpha: Float64Array, expD: Float64Array, cosTheta: Float64Array, sinTheta: Float64Array,
  spot: number, expAlphaSumB: number, riskFreeDiscount: number,
  puts: Float64Array,
  backend: HestonCosBackend,
): void {
  if (backend !== 'auto' && backend !== 'simd' && backend !== 'scalar' && backend !== 'typescript') {
    throw InvalidInputError.outOfRange('options.backend', backend, "{'auto', 'simd', 'scalar', 'typescript'}");
  }
  const exports = backend === 'typescript' ? undefined : kernelExports();
  if (exports === undefined) {
    if (backend === 'simd' || backend === 'scalar') {
      throw new QuantflowError(`backend '${backend}' needs the WebAssembly kernels: ${kernelUnavailableReason() ?? 'unavailable'}`, 'KERNEL_UNAVAILABLE', { backend });
    }
    hestonCosReference(terms, a, b, c, m, strikes, dMinusAlpha, expD, cosTheta, sinTheta, spot, expAlphaSumB, riskFreeDiscount, puts);
    return;
  }
  withScratch((scratch) => {
    const kernel = backend === 'scalar' ? scratch.kernels.hestonCosScalar : scratch.kernels.hestonCosSimd;
    const coeffs = [a, b, c].map((x) => {
      const block = scratch.f64(terms);
      block.view.set(x.subarray(0, terms));
      return block;
    });
    const cols = [strikes, dMinusAlpha, expD, cosTheta, sinTheta].map((x) => {
      const block = scratch.f64(m);
      block.view.set(x.subarray(0, m));
      return block;
    });
    const out = scratch.f64(m);
    const [pa, pb, pc] = coeffs.map((x) => x.byteOffset);
    const [pk, pd, pe, pcos, psin] = cols.map((x) => x.byteOffset);
    kernel(terms, pa!, pb!, pc!, m, pk!, pd!, pe!, pcos!, psin!, spot, expAlphaSumB, riskFreeDiscount, out.byteOffset);
    puts.set(out.view.subarray(0, m));
  });
}
