import { InvalidInputError } from '../../errors.js';
import { gamma } from '../special/mittagLeffler.js';

/**
 * Predictor and corrector weights of the fractional Adams method on any grid.
 * @public
 */
export interface AdamsWeights {
  /** Grid 0 = t_0 < t_1 < … < t_n (length n + 1), years or the caller's time unit. */
  readonly grid: Float64Array;
  /** P_{r,j}, row r (1 ≤ r ≤ n) of r weights from index r(r−1)/2; length n(n+1)/2. */
  readonly predictor: Float64Array;
  /** C_{r,j}, row r of r + 1 weights (j = 0 … r) from index (r−1)(r+2)/2; length n(n+3)/2. */
  readonly corrector: Float64Array;
}

/**
 * The weights of the fractional Adams–Bashforth–Moulton scheme for y(t) = y(0) + I^α f(t) on
 * a grid 0 = t_0 < … < t_n: product-rectangle (predictor) and product-trapezoid (corrector)
 * quadrature of the kernel (t_r − s)^{α−1}/Γ(α).
 *
 * @remarks
 * With A = t_r − t_j, B = t_r − t_{j+1}: P_{r,j} = (A^α − B^α)/Γ(α + 1) (f held at its left
 * value on [t_j, t_{j+1}]); for the corrector f is linear on each interval, so the interval adds
 * (M₁ − B M₀)/(A − B) to C_{r,j} and (A M₀ − M₁)/(A − B) to C_{r,j+1}, with
 * M₀ = (A^α − B^α)/α and M₁ = (A^{α+1} − B^{α+1})/(α + 1), all over Γ(α). On a uniform grid these
 * are Diethelm, Ford & Freed's (2002) weights, eq. (2.6) and (2.8): h^α/Γ(α+2)·((r−1)^{α+1} −
 * (r−1−α)r^α) for j = 0 and h^α/Γ(α+2)·((r−j+1)^{α+1} + (r−j−1)^{α+1} − 2(r−j)^{α+1}) inside. A
 * non-uniform grid lets every maturity of a surface be a grid point. α = 1 gives Euler and the
 * trapezoidal rule. A uniform grid (t_k = k·t_n/n exactly) takes the Toeplitz closed forms, O(n) powers.
 * Source: K. Diethelm, N. J. Ford, A. D. Freed (2002), Nonlinear Dynamics 29, 3–22, §2.
 * Checked against: `test/math/fractional/solveFractionalRiccati.test.ts` (the uniform closed
 * form, exactness for f = 1 and f = t).
 * @param alpha - the order α ∈ (0, 1].
 * @param grid - t_0 = 0 < t_1 < … < t_n, length ≥ 2, strictly increasing, finite.
 * @returns the grid (copied) and the packed weights.
 * @throws InvalidInputError when α or the grid is outside its range.
 * @public
 */
export function adamsWeights(alpha: number, grid: ArrayLike<number>): AdamsWeights {
  if (!(alpha > 0 && alpha <= 1)) throw InvalidInputError.outOfRange('alpha', alpha, '(0, 1]');
  const t = Float64Array.from(grid);
  const n = t.length - 1;
  if (!(n >= 1)) throw InvalidInputError.outOfRange('grid.length', t.length, '[2, ∞)');
  if (t[0] !== 0) throw InvalidInputError.outOfRange('grid[0]', t[0], '{0}');
  for (let k = 1; k <= n; k++) if (!(t[k]! > t[k - 1]!) || !Number.isFinite(t[k]!)) throw InvalidInputError.outOfRange(`grid[${k}]`, t[k], `(${t[k - 1]}, ∞), increasing and finite`);
  const predictor = new Float64Array((n * (n + 1)) / 2);
  const corrector = new Float64Array((n * (n + 3)) / 2);
  const g1 = gamma(alpha + 1);
  const ga = g1 / alpha;
  let uniform = true;
  for (let k = 1; k <= n && uniform; k++) uniform = t[k] === (k * t[n]!) / n;
  if (uniform) {
    // Toeplitz: O(n) powers (DFF eq. (2.6), (2.8)).
    const ha = Math.pow(t[n]! / n, alpha);
    const g2 = g1 * (alpha + 1);
    const pa = Float64Array.from({ length: n + 2 }, (_, q) => Math.pow(q, alpha));
    const pa1 = Float64Array.from({ length: n + 2 }, (_, q) => Math.pow(q, alpha + 1));
    for (let r = 1; r <= n; r++) {
      const po = (r * (r - 1)) / 2;
      const co = ((r - 1) * (r + 2)) / 2;
      for (let j = 0; j < r; j++) predictor[po + j] = (ha * (pa[r - j]! - pa[r - j - 1]!)) / g1;
      corrector[co] = (ha * (pa1[r - 1]! - (r - 1 - alpha) * pa[r]!)) / g2;
      for (let j = 1; j < r; j++) corrector[co + j] = (ha * (pa1[r - j + 1]! + pa1[r - j - 1]! - 2 * pa1[r - j]!)) / g2;
      corrector[co + r] = ha / g2;
    }
    return { grid: t, predictor, corrector };
  }
  for (let r = 1; r <= n; r++) {
    const po = (r * (r - 1)) / 2;
    const co = ((r - 1) * (r + 2)) / 2;
    const tr = t[r]!;
    for (let j = 0; j < r; j++) {
      const A = tr - t[j]!;
      const B = tr - t[j + 1]!;
      const Aa = Math.pow(A, alpha);
      const Ba = Math.pow(B, alpha);
      predictor[po + j] = (Aa - Ba) / g1;
      const m0 = (Aa - Ba) / alpha;
      const m1 = (Aa * A - Ba * B) / (alpha + 1);
      const d = A - B;
      corrector[co + j] += (m1 - B * m0) / d / ga;
      corrector[co + j + 1] += (A * m0 - m1) / d / ga;
    }
  }
  return { grid: t, predictor, corrector };
}
