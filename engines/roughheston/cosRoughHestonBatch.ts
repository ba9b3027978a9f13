import { InvalidInputError } from '../../src/errors.js';
import { hestonCosStrikeSums, type HestonCosBackend } from '../../src/kernels/heston.js';
import { mittagLeffler, reciprocalGamma } from '../../src/math/special/mittagLeffler.js';
import type { RoughHestonParameters } from '../../src/processes/RoughHestonParameters.js';
import { cosStrikeGeometry } from '../heston/cosHestonBatch.js';
import { checkRoughHestonBatchInputs } from './_lib/batchInputs.js';
import { adamsRoughHestonLogCf, type AdamsRoughHestonOptions } from './adamsRoughHestonLogCf.js';
import type { RoughHestonLogCf } from './RoughHestonLogCf.js';

/**
 * Inputs of {@link cosRoughHestonBatch}: one spot, a strike axis and a maturity axis.
 * @public
 */
export interface RoughHestonBatchInputs {
  /** Spot S, price units, > 0. */
  readonly spot: number;
  /** Strikes, length m ≥ 1, price units, each > 0. */
  readonly strikes: ArrayLike<number>;
  /** Maturities, length n ≥ 1, years, each > 0, strictly ascending. */
  readonly expiries: ArrayLike<number>;
  /** Continuously compounded zero rates to each maturity: length n, or a number (broadcast); finite. */
  readonly riskFreeRates: ArrayLike<number> | number;
  /** Continuous dividend yields to each maturity: length n, or a number (broadcast); finite. */
  readonly dividendYields: ArrayLike<number> | number;
  /** Rough Heston parameters v0, κ, θ, σ, ρ, H. */
  readonly params: RoughHestonParameters;
}

/**
 * Options of {@link cosRoughHestonBatch} and {@link RoughHestonEngine}.
 * @public
 */
export interface RoughHestonFourierOptions {
  /**
   * The route to the log characteristic function: `'adams'` (default; the fractional Adams
   * scheme, {@link adamsRoughHestonLogCf}) or any {@link RoughHestonLogCf} (Padé, Markovian lift, …).
   */
  readonly route?: 'adams' | RoughHestonLogCf;
  /** Options of the Adams route (ignored for another route). */
  readonly adams?: AdamsRoughHestonOptions;
  /** L, the half-width of the truncation range in standard deviations √(∫E[V]) of ln(S_T/S); default 16 (12 cuts 4e-4 off the T = 2 calls of QuantLib's test set); > 0. */
  readonly truncation?: number;
  /**
   * Target of |φ(u_N)|/(1 + u_N²) at the last cosine term of each maturity (N from the large-u
   * decay |φ(u)| ≈ e^{−β|u|}, `roughHestonCfDecay`); default 1e-10; in (0, 0.1).
   */
  readonly tolerance?: number;
  /** Backend of the COS strike sums; default `'auto'`. */
  readonly backend?: HestonCosBackend;
}

/**
 * Call and put prices on a strike × maturity grid, flattened maturity-major: index j·m + i.
 * @public
 */
export interface RoughHestonBatchOutputs {
  /** European call prices, length n·m, price units. */
  readonly calls: Float64Array;
  /** European put prices, length n·m, price units. */
  readonly puts: Float64Array;
  /** The number N_j of cosine terms used at each maturity (length n). */
  readonly terms: Int32Array;
}

/**
 * ∫₀ᵀ E[V_s] ds under rough Heston: θT + (v0 − θ)·T·E_{α,2}(−κT^α) (E[V_t] = θ + (v0 − θ)E_α(−κt^α)).
 * Source: El Euch & Rosenbaum (2019), the mean of the Volterra equation (1.4). @internal
 */
export function roughHestonIntegratedVariance(p: RoughHestonParameters, t: number): number {
  const alpha = p.hurst + 0.5;
  if (p.kappa === 0) return p.v0 * t;
  return p.theta * t + (p.v0 - p.theta) * t * mittagLeffler(alpha, 2, -p.kappa * Math.pow(t, alpha));
}

/**
 * The large-|u| decay rate β of |φ(u, T)| ≈ e^{−β|u|}: the Riccati solution settles at
 * ψ* ≈ −u(√(1 − ρ²) + iρ)/σ, so Re log φ ≈ −|u|·(√(1 − ρ²)/σ)·(κθT + v0·T^{1−α}/Γ(2 − α)).
 * Derived here from El Euch & Rosenbaum (2019), Theorem 2.1. @internal
 */
export function roughHestonCfDecay(p: RoughHestonParameters, t: number): number {
  const alpha = p.hurst + 0.5;
  return (Math.sqrt(1 - p.rho * p.rho) / p.sigma) * (p.kappa * p.theta * t + p.v0 * Math.pow(t, 1 - alpha) * reciprocalGamma(2 - alpha));
}

/**
 * European calls and puts under rough Heston on a strike × maturity grid by the COS method, with
 * one characteristic-function route call per group of nodes covering every maturity that needs
 * them.
 *
 * @remarks
 * One truncation range [a, b] for all maturities: the union of c1_j ± L·√w_j, w_j = ∫₀^{T_j} E[V]
 * (`roughHestonIntegratedVariance`), c1_j = ln(F_j/S) − w_j/2. The cosine nodes
 * u_k = kπ/(b − a) are shared, so node k's characteristic function is needed only at the
 * maturities whose N_j exceed k: the nodes are grouped by that set and the route is called once per
 * group with the maturities T_0 … T_j (for the Adams route: one Riccati solve per node, to the
 * longest maturity that needs it, read at the shorter ones on the way). Per maturity, the put
 * from the cosine coefficients of the put payoff and the call by put–call parity, the strike sums
 * in the WebAssembly COS kernel of `cosHestonBatch` (Fang & Oosterlee 2008, eq. (22), (29), (30)).
 * Source: F. Fang, C. W. Oosterlee (2008), SIAM J. Sci. Comput. 31(2), 826–848; O. El Euch,
 * M. Rosenbaum (2019), Mathematical Finance 29(1), 3–38.
 * Checked against: `test/engines/roughheston/cosRoughHestonBatch.test.ts` (H = ½ against
 * `cosHestonBatch`, the published QuantLib test values, put–call parity, route plug-in).
 *
 * @example
 * ```ts
 * import { cosRoughHestonBatch } from 'quantflow';
 * const { calls } = cosRoughHestonBatch({ spot: 100, strikes: [100], expiries: [1], riskFreeRates: 0.03,
 *   dividendYields: 0, params: { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 } });
 * calls[0]!.toFixed(4); //=> '8.3366'
 * ```
 * @param inputs - spot, strikes (m), expiries (n, ascending), rates, dividend yields, parameters.
 * @param options - route, truncation, tolerance, backend.
 * @returns calls and puts (length n·m each, maturity-major) and the terms per maturity.
 * @throws InvalidInputError when an input is outside its range (named with index and range).
 * @throws QuantflowError (code `NOT_FINITE`) when the route's Riccati solution blows up.
 * @public
 */
export function cosRoughHestonBatch(inputs: RoughHestonBatchInputs, options: RoughHestonFourierOptions = {}): RoughHestonBatchOutputs {
  const { spot } = inputs;
  const { params, K, T, r, q } = checkRoughHestonBatchInputs(inputs);
  const m = K.length;
  const n = T.length;
  const drift = T.map((t, j) => (r[j]! - q[j]!) * t);
  const coefs = cosRoughHestonCoefficients(params, T, drift, options);
  const { lo, width, terms } = coefs;
  const calls = new Float64Array(n * m);
  const puts = new Float64Array(n * m);
  const dMinusAlpha = new Float64Array(m);
  const expD = new Float64Array(m);
  const cosTheta = new Float64Array(m);
  const sinTheta = new Float64Array(m);
  const logK = K.map((k) => Math.log(k / spot));
  cosStrikeGeometry(logK, lo, width, dMinusAlpha, expD, cosTheta, sinTheta);
  for (let j = 0; j < n; j++) {
    const riskFreeDiscount = Math.exp(-r[j]! * T[j]!);
    const dividendDiscount = Math.exp(-q[j]! * T[j]!);
    const row = puts.subarray(j * m, (j + 1) * m);
    hestonCosStrikeSums(terms[j]!, coefs.a[j]!, coefs.b[j]!, coefs.c[j]!, m, K, dMinusAlpha, expD, cosTheta, sinTheta, spot, Math.exp(lo) * coefs.sumB[j]!, riskFreeDiscount, row, options.backend ?? 'auto');
    for (let i = 0; i < m; i++) calls[j * m + i] = row[i]! + spot * dividendDiscount - K[i]! * riskFreeDiscount;
  }
  return { calls, puts, terms };
}

/** Per maturity, the COS coefficient columns of the put sums on one shared range. @internal */
export interface CosRoughHestonCoefficients {
  readonly lo: number;
  readonly width: number;
  readonly terms: Int32Array;
  readonly a: Float64Array[];
  readonly b: Float64Array[];
  readonly c: Float64Array[];
  readonly sumB: number[];
}

/**
 * The strike-independent half of {@link cosRoughHestonBatch}: range, terms, and the cosine
 * coefficients a_k = F_k/u_k, b_k = F_k/(1 + u_k²), c_k = F_k u_k/(1 + u_k²) per maturity (of
 * ln(S_T/S), so independent of the spot). Inputs trusted (validated by the callers). @internal
 */
export function cosRoughHestonCoefficients(params: RoughHestonParameters, T: readonly number[], drift: readonly number[], options: RoughHestonFourierOptions): CosRoughHestonCoefficients {
  const n = T.length;
  const L = options.truncation ?? 16;
  const tol = options.tolerance ?? 1e-10;
  if (!(L > 0) || !Number.isFinite(L)) throw InvalidInputError.outOfRange('truncation', L, '(0, ∞)');
  if (!(tol > 0 && tol < 0.1)) throw InvalidInputError.outOfRange('tolerance', tol, '(0, 0.1)');
  const route = options.route ?? 'adams';
  if (route !== 'adams' && typeof route !== 'function') throw InvalidInputError.outOfRange('route', route, "'adams' or a RoughHestonLogCf function");
  const logCf = route === 'adams' ? adamsRoughHestonLogCf(options.adams) : route;
  const w = T.map((t) => roughHestonIntegratedVariance(params, t));
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < n; j++) {
    const c1 = drift[j]! - 0.5 * w[j]!;
    lo = Math.min(lo, c1 - L * Math.sqrt(w[j]!));
    hi = Math.max(hi, c1 + L * Math.sqrt(w[j]!));
  }
  const width = hi - lo;
  const terms = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    // |φ(u)| ≈ e^{−β_j u} for large u; the put coefficients add 1/(1 + u²).
    const beta = roughHestonCfDecay(params, T[j]!);
    let u = 1;
    while (u < 1e6 && Math.exp(-beta * u) / (1 + u * u) > tol) u *= 1.05;
    terms[j] = Math.min(1 << 14, Math.max(32, Math.ceil((u * width) / Math.PI)));
  }
  // N_j non-increasing in j (w grows with T); force it so the groups nest.
  for (let j = n - 2; j >= 0; j--) terms[j] = Math.max(terms[j]!, terms[j + 1]!);
  const nMax = terms[0]!;
  // Per node k and maturity j: Re, Im of log φ_X(u_k, T_j), filled group by group.
  const lre = new Float64Array(nMax * n);
  const lim = new Float64Array(nMax * n);
  for (let j = n - 1; j >= 0; j--) {
    const g0 = j === n - 1 ? 0 : terms[j + 1]!;
    const g1 = terms[j]!;
    // Within a group, octaves of u get their own call: the Adams step follows the largest |u|.
    for (let k0 = g0; k0 < g1; ) {
      const uLo = (k0 * Math.PI) / width;
      const k1 = Math.min(g1, Math.max(k0 + 1, Math.floor((Math.max(2 * uLo, 16) * width) / Math.PI)));
      const len = k1 - k0;
      const uRe = Float64Array.from({ length: len }, (_, k) => ((k0 + k) * Math.PI) / width);
      const out = logCf(params, uRe, new Float64Array(len), T.slice(0, j + 1));
      for (let jj = 0; jj <= j; jj++) {
        for (let k = k0; k < k1; k++) {
          lre[jj * nMax + k] = out.re[jj * len + (k - k0)]!;
          lim[jj * nMax + k] = out.im[jj * len + (k - k0)]!;
        }
      }
      k0 = k1;
    }
  }

  const a: Float64Array[] = [];
  const b: Float64Array[] = [];
  const c: Float64Array[] = [];
  const sumB: number[] = [];
  for (let j = 0; j < n; j++) {
    const N = terms[j]!;
    const aj = new Float64Array(N);
    const bj = new Float64Array(N);
    const cj = new Float64Array(N);
    let sb = 0;
    for (let k = 0; k < N; k++) {
      const u = (k * Math.PI) / width;
      const fk = ((k === 0 ? 1 : 2) / width) * Math.exp(lre[j * nMax + k]!) * Math.cos(lim[j * nMax + k]! + u * (drift[j]! - lo));
      const den = 1 + u * u;
      aj[k] = k === 0 ? fk : fk / u;
      bj[k] = fk / den;
      cj[k] = (fk * u) / den;
      sb += bj[k]!;
    }
    a.push(aj);
    b.push(bj);
    c.push(cj);
    sumB.push(sb);
  }
  return { lo, width, terms, a, b, c, sumB };
}
