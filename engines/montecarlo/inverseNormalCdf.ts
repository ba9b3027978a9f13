import { InvalidInputError } from '../../src/errors.js';
import { invNormAS241 } from '../../src/kernels/montecarlo.reference.js';

/**
 * The standard normal quantile Φ⁻¹(p), by Wichura's algorithm AS241 (PPND16).
 *
 * @remarks
 * Three rational approximations of degree 7/7: in q = p − ½ for |q| ≤ 0.425, and in
 * r = √(−ln min(p, 1 − p)) for r ≤ 5 and r > 5. About 16 significant digits; no refinement
 * step needed. The Monte Carlo kernels use the same function (with the kernel logarithm).
 *
 * Source: M. J. Wichura (1988), "Algorithm AS 241: The percentage points of the normal
 * distribution", Applied Statistics 37(3), 477–484.
 * Checked against: `normalCdf` (Cody's erfc) — |Φ(Φ⁻¹(p)) − p| relative to the local slope,
 * i.e. the error in x, ≤ 1e-14·max(1, |x|) over p ∈ [1e-300, 1 − 2^-53], in
 * test/engines/montecarlo/inverseNormalCdf.test.ts.
 *
 * @param p - probability in (0, 1).
 * @returns x with Φ(x) = p.
 * @throws InvalidInputError when p is not in (0, 1).
 *
 * @example
 * ```ts
 * import { inverseNormalCdf } from 'quantflow';
 * inverseNormalCdf(0.975); //=> 1.9599639845400536 (true quantile 1.959963984540054235…)
 * ```
 * @public
 */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) throw InvalidInputError.outOfRange('p', p, '(0, 1)');
  return invNormAS241(p);
}
