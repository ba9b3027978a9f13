// Internal: lognormal moments of a discrete geometric average under Black–Scholes. Never re-exported.
import { checkFinite, checkInteger, checkNonNegative, checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';

/** Moments of ln G, G = (Π_{past} S_k · Π_{i} S_{t_i})^{1/N}, N = past + future fixings. */
export interface DiscreteGeometricAsianMoments {
  /** E[G] = exp(μ_G + v/2), the forward of the geometric average (price units). */
  readonly forward: number;
  /** √v, v = Var[ln G] (dimensionless). */
  readonly stdDev: number;
  /** Weight of the spot in ln G: (number of future fixings) / N, so ∂ln G/∂ln S = this. */
  readonly spotWeight: number;
  /** N, the total number of fixings. */
  readonly fixings: number;
}

/**
 * Moments of the log of a discrete geometric average of a Black–Scholes spot.
 *
 * With future fixings at t_1 ≤ … ≤ t_m, total variances w_i = ∫₀^{t_i} σ²(u) du and log forward
 * growths g_i = ln(F(t_i)/S):
 *   μ_G = [ln A + Σ_i (ln S + g_i − w_i/2)] / N,
 *   v   = [Σ_i w_i + 2 Σ_i (m − i) w_i] / N²  (Cov(ln S_{t_i}, ln S_{t_j}) = w_{min(i,j)}),
 * A the product of the past fixings, N = past + m. With flat r, q, σ: g_i = (r − q) t_i and
 * w_i = σ² t_i, which is Kemna & Vorst (1990) in the discrete form QuantLib uses.
 *
 * @param spot - S > 0.
 * @param growths - g_i = ln(F(t_i)/S), length m ≥ 0, one per future fixing in date order.
 * @param variances - w_i ≥ 0, non-decreasing, length m.
 * @param runningAccumulator - A > 0, product of the past fixings (1 when there are none).
 * @param pastFixings - integer ≥ 0; past + m ≥ 1.
 * @throws InvalidInputError naming the argument outside its range.
 */
export function discreteGeometricAsianMoments(
  spot: number,
  growths: ArrayLike<number>,
  variances: ArrayLike<number>,
  runningAccumulator: number,
  pastFixings: number,
): DiscreteGeometricAsianMoments {
  checkPositive('spot', spot);
  checkInteger('pastFixings', pastFixings, 0);
  checkPositive('runningAccumulator', runningAccumulator);
  const m = growths.length;
  if (variances.length !== m) throw InvalidInputError.outOfRange('variances.length', variances.length, `{${m}} (one per fixing)`);
  const N = pastFixings + m;
  if (N < 1) throw InvalidInputError.outOfRange('pastFixings + fixings', N, '[1, ∞)');
  let mean = pastFixings > 0 ? Math.log(runningAccumulator) : 0;
  let varSum = 0;
  let prev = 0;
  for (let i = 0; i < m; i++) {
    const g = growths[i]!;
    const w = variances[i]!;
    checkFinite(`growths[${i}]`, g);
    checkNonNegative(`variances[${i}]`, w);
    if (w < prev * (1 - 1e-14)) throw InvalidInputError.outOfRange(`variances[${i}]`, w, `[${prev}, ∞): non-decreasing`);
    prev = w;
    mean += Math.log(spot) + g - 0.5 * w;
    varSum += (1 + 2 * (m - 1 - i)) * w;
  }
  mean /= N;
  const v = varSum / (N * N);
  return { forward: Math.exp(mean + 0.5 * v), stdDev: Math.sqrt(v), spotWeight: m / N, fixings: N };
}
