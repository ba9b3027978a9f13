import { checkFinite } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';

/**
 * A parametric correlation of forward rates by fixing time.
 * - `exponential`: ρ_ij = e^{−β|T_i − T_j|};
 * - `rebonato` (two parameters): ρ_ij = ρ∞ + (1 − ρ∞) e^{−β|T_i − T_j|}.
 * @public
 */
export type ForwardCorrelationForm =
  | { readonly form: 'exponential'; readonly beta: number }
  | { readonly form: 'rebonato'; readonly beta: number; readonly rhoInfinity: number };

/**
 * The correlation matrix of forwards fixing at `times` under a parametric form.
 *
 * @remarks
 * Both forms are valid correlation matrices (positive semidefinite) for β ≥ 0, ρ∞ ∈ [0, 1]:
 * e^{−β|x−y|} is the Ornstein–Uhlenbeck covariance, and the Rebonato form mixes it with the
 * all-ones matrix.
 * Source: R. Rebonato (2004), "Volatility and Correlation", 2nd ed., §22.3, eq. 22.10–22.11;
 * D. Brigo, F. Mercurio (2006), "Interest Rate Models", §6.9.
 * Checked against: the unit diagonal, symmetry, positive eigenvalues, the limits β = 0 (all ones)
 * and ρ∞ = 0 (= exponential) (test/engines/lmm/forwardCorrelation.test.ts).
 *
 * @param times - fixing times T_i in years; length n ≥ 1; finite.
 * @param correlation - the form and its parameters: β ≥ 0 per year, ρ∞ ∈ [0, 1].
 * @returns the n × n matrix, row-major.
 * @throws InvalidInputError for an empty or non-finite `times`, β < 0 or ρ∞ outside [0, 1].
 * @example
 * ```ts
 * import { forwardCorrelation } from 'quantflow';
 * forwardCorrelation([1, 2], { form: 'rebonato', beta: 0.1, rhoInfinity: 0.5 })[1]; //=> 0.9524187090179798
 * ```
 * @public
 */
export function forwardCorrelation(times: ArrayLike<number>, correlation: ForwardCorrelationForm): Float64Array {
  const n = times.length;
  if (n < 1) throw InvalidInputError.outOfRange('times.length', n, '[1, ∞)');
  for (let i = 0; i < n; i++) checkFinite(`times[${i}]`, times[i] as number);
  const { beta } = correlation;
  checkFinite('correlation.beta', beta);
  if (!(beta >= 0)) throw InvalidInputError.outOfRange('correlation.beta', beta, '[0, ∞)');
  let rhoInf = 0;
  if (correlation.form === 'rebonato') {
    rhoInf = correlation.rhoInfinity;
    if (!(rhoInf >= 0 && rhoInf <= 1)) throw InvalidInputError.outOfRange('correlation.rhoInfinity', rhoInf, '[0, 1]');
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      out[i * n + j] = i === j ? 1 : rhoInf + (1 - rhoInf) * Math.exp(-beta * Math.abs((times[i] as number) - (times[j] as number)));
    }
  }
  return out;
}
