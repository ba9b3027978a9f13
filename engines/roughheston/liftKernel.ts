import { InvalidInputError } from '../../src/errors.js';
import { liftGamma } from './_lib/liftGamma.js';

/**
 * The n-factor approximation K_n(τ) = Σ c_i e^{−x_i τ} of the fractional kernel
 * K(τ) = τ^{α−1}/Γ(α): weights c_i (`weights`) and mean-reversion speeds x_i (`speeds`), both
 * length n.
 * @public
 */
export interface LiftKernel {
  /** c_i, in the units of K (year^{α−1}), each ≥ 0. */
  readonly weights: Float64Array;
  /** x_i, per year, each ≥ 0. */
  readonly speeds: Float64Array;
}

/**
 * The Markovian-lift kernel of Abi Jaber & El Euch: K(τ) = τ^{α−1}/Γ(α) = ∫₀^∞ e^{−xτ} ν(dx),
 * ν(dx) = x^{−α}/(Γ(α)Γ(1−α)) dx, discretised on a geometric grid.
 *
 * @remarks
 * Grid η_i = r^{i − n/2}, i = 0…n; weight c_i = ν([η_{i−1}, η_i]) =
 * (η_i^{1−α} − η_{i−1}^{1−α})/(Γ(α)Γ(2−α)); speed x_i = r^{i−(n+1)/2} = √(η_{i−1}η_i) (the
 * geometric midpoint, as issue 7 states) or, with `speeds: 'mean'`, the ν-mean of x on the cell
 * (1−α)/(2−α)·(η_i^{2−α} − η_{i−1}^{2−α})/(η_i^{1−α} − η_{i−1}^{1−α}) (Abi Jaber 2019, §3).
 * Default ratio r_n = exp(9·n^{−0.7}) (n = 10: 6.0, 20: 3.0, 40: 2.0, 80: 1.52): the price-optimal
 * ratio measured on the QuantLib rough Heston test set for geometric speeds (Abi Jaber's
 * 1 + 10·n^{−0.9}, tuned for mean speeds, gives 65× larger price errors at n = 20 here;
 * docs/models/rough-heston-routes.md). For n = 15, r = 3, H = 0.1 the relative L² error on
 * τ ∈ [5e-3, 0.5] is 1.141e-2 ({@link liftKernelL2Error}). Warning: the grid is centred on
 * x = 1 and ν concentrates at x → 0 as H → 1/2, so the default grid is poor there (n = 20,
 * relative L² error: H = 0.05 7.9e-3, 0.1 3.8e-3, 0.2 1.8e-2, 0.3 8.1e-2, 0.4 0.29, 0.45 0.54);
 * at H = 1/2 use the exact one-factor kernel c = 1, x = 0.
 * Source: E. Abi Jaber, O. El Euch (2019), "Multifactor approximation of rough volatility
 * models", SIAM J. Financial Math. 10(2), §3; E. Abi Jaber (2019), "Lifting the Heston model",
 * Quantitative Finance 19(12), §3.
 * Checked against: `test/engines/roughheston/liftKernel.test.ts` (Σc_i = ν([η_0, η_n]) in closed
 * form, the L² error for n = 15, r = 3, H = 0.1 against an independent quadrature, decay in n).
 *
 * @example
 * ```ts
 * import { liftKernel } from 'quantflow';
 * liftKernel(0.1, 15, 3).speeds[7]; //=> 1
 * ```
 * @param hurst - H ∈ (0, 1/2); α = H + 1/2.
 * @param factors - n, an integer in [1, 500].
 * @param ratio - r > 1; default exp(9·n^{−0.7}).
 * @param speeds - `'geometric'` (default, x_i = r^{i−(n+1)/2}) or `'mean'`.
 * @returns the weights c_i and speeds x_i, ascending in x.
 * @throws InvalidInputError when hurst, factors or ratio is outside its range.
 * @public
 */
export function liftKernel(hurst: number, factors: number, ratio?: number, speeds: 'geometric' | 'mean' = 'geometric'): LiftKernel {
  if (!(hurst > 0 && hurst < 0.5)) throw InvalidInputError.outOfRange('hurst', hurst, '(0, 0.5)');
  if (!Number.isInteger(factors) || factors < 1 || factors > 500) throw InvalidInputError.outOfRange('factors', factors, 'integers in [1, 500]');
  const r = ratio ?? Math.exp(9 * Math.pow(factors, -0.7));
  if (!(r > 1) || !Number.isFinite(r)) throw InvalidInputError.outOfRange('ratio', r, '(1, ∞)');
  if (speeds !== 'geometric' && speeds !== 'mean') throw InvalidInputError.outOfRange('speeds', speeds, "'geometric' or 'mean'");
  const alpha = hurst + 0.5;
  const n = factors;
  const norm = liftGamma(alpha) * liftGamma(2 - alpha);
  const c = new Float64Array(n);
  const x = new Float64Array(n);
  for (let i = 1; i <= n; i++) {
    const lo = Math.pow(r, i - 1 - n / 2);
    const hi = Math.pow(r, i - n / 2);
    const m1 = Math.pow(hi, 1 - alpha) - Math.pow(lo, 1 - alpha);
    c[i - 1] = m1 / norm;
    x[i - 1] = speeds === 'geometric' ? Math.pow(r, i - (n + 1) / 2) : ((1 - alpha) / (2 - alpha)) * (Math.pow(hi, 2 - alpha) - Math.pow(lo, 2 - alpha)) / m1;
  }
  return { weights: c, speeds: x };
}

/**
 * The relative L² error ‖K − K_n‖ / ‖K‖ on [tMin, tMax] of a lift kernel against
 * K(τ) = τ^{α−1}/Γ(α).
 *
 * @remarks
 * Composite 16-point Gauss–Legendre on 60 geometric panels of [tMin, tMax] (resolves e^{−x_i τ}
 * for x_i up to ~1e4/tMin); relative accuracy of the quadrature ~1e-10.
 * Source: Abi Jaber & El Euch (2019), §3 (the L² criterion); issue 7 (the interval).
 * Checked against: `test/engines/roughheston/liftKernel.test.ts` (scipy quad: 1.1409e-2 for
 * n = 15, r = 3, H = 0.1).
 * @param hurst - H ∈ (0, 1/2].
 * @param kernel - weights and speeds of equal length ≥ 1.
 * @param tMin - lower end, years, > 0; default 5e-3.
 * @param tMax - upper end, years, > tMin; default 0.5.
 * @returns the relative error, dimensionless.
 * @throws InvalidInputError when an argument is outside its range.
 * @public
 */
export function liftKernelL2Error(hurst: number, kernel: LiftKernel, tMin = 5e-3, tMax = 0.5): number {
  if (!(hurst > 0 && hurst <= 0.5)) throw InvalidInputError.outOfRange('hurst', hurst, '(0, 0.5]');
  if (!(tMin > 0) || !Number.isFinite(tMin)) throw InvalidInputError.outOfRange('tMin', tMin, '(0, ∞)');
  if (!(tMax > tMin) || !Number.isFinite(tMax)) throw InvalidInputError.outOfRange('tMax', tMax, `(${tMin}, ∞)`);
  const { weights: c, speeds: x } = kernel;
  if (c.length < 1 || c.length !== x.length) throw InvalidInputError.outOfRange('kernel.speeds.length', x.length, `${c.length} (kernel.weights.length, ≥ 1)`);
  const alpha = hurst + 0.5;
  const g = liftGamma(alpha);
  const panels = 60;
  const q = Math.pow(tMax / tMin, 1 / panels);
  let num = 0;
  let den = 0;
  for (let p = 0; p < panels; p++) {
    const a = tMin * Math.pow(q, p);
    const b = p === panels - 1 ? tMax : a * q;
    const mid = 0.5 * (a + b);
    const half = 0.5 * (b - a);
    for (let k = 0; k < GL16_X.length; k++) {
      const t = mid + half * GL16_X[k]!;
      const kt = Math.pow(t, alpha - 1) / g;
      let kn = 0;
      for (let i = 0; i < c.length; i++) kn += c[i]! * Math.exp(-x[i]! * t);
      num += half * GL16_W[k]! * (kt - kn) * (kt - kn);
      den += half * GL16_W[k]! * kt * kt;
    }
  }
  return Math.sqrt(num / den);
}

// 16-point Gauss–Legendre on [−1, 1] (Abramowitz & Stegun Table 25.4), symmetric pairs.
const GL16_HALF_X = [0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438, 0.755404408355003, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499];
const GL16_HALF_W = [0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767, 0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541];
const GL16_X = [...GL16_HALF_X.map((v) => -v), ...GL16_HALF_X];
const GL16_W = [...GL16_HALF_W, ...GL16_HALF_W];
