import { InvalidInputError } from '../../src/errors.js';
import type { HestonParameters } from '../../src/processes/HestonParameters.js';
import { checkHestonParameters } from '../../src/processes/_lib/checkHestonParameters.js';
import { hestonCosStrikeSums, type HestonCosBackend } from '../../src/kernels/heston.js';
import { broadcastRates, checkSpotAndStrikes } from './_lib/batchChecks.js';
import { hestonCfExponentsInto } from './_lib/hestonCfExponents.js';
import { hestonCumulants } from './_lib/hestonCumulants.js';
import type { BatesJumps } from './batesCharacteristicFunction.js';
import { addBatesJumpExponent, checkBatesJumps } from './_lib/batesJumps.js';

/**
 * Inputs of {@link cosHestonBatch}: one spot, a strike axis and a maturity axis.
 * @public
 */
export interface CosHestonBatchInputs {
  /** Spot S, price units, > 0. */
  readonly spot: number;
  /** Strikes, length m ≥ 1, price units, each > 0. */
  readonly strikes: ArrayLike<number>;
  /** Maturities, length n ≥ 1, years, each > 0. */
  readonly expiries: ArrayLike<number>;
  /** Continuously compounded zero rates to each maturity: length n, or a number / length 1 (broadcast); finite. */
  readonly riskFreeRates: ArrayLike<number> | number;
  /** Continuous dividend yields to each maturity: length n, or a number / length 1 (broadcast); finite. */
  readonly dividendYields: ArrayLike<number> | number;
  /** Heston parameters v0, κ, θ, σ, ρ. */
  readonly params: HestonParameters;
}

/**
 * Options of {@link cosHestonBatch} and `CosHestonEngine`.
 * @public
 */
export interface CosHestonOptions {
  /**
   * N, the number of cosine terms per maturity: an integer in [2, 2^20], or `'auto'` (default):
   * per maturity, the smallest N with |φ(u_N)| ≤ 1e-13 (u scanned in steps of ×1.1 from 1/√c2),
   * at least 64 and at most 2^16.
   */
  readonly terms?: number | 'auto';
  /** L, the truncation range c1 ± L·√c2 in standard deviations of ln(S_T/S); default 40; > 0 (FO use 10–12, QuantLib's reference cross-check 32; heavy left tails of Feller-violating sets need ≥ 32). */
  readonly truncation?: number;
  /** Where the strike sums run: `'auto'` (SIMD WebAssembly when available), `'simd'`, `'scalar'`, `'typescript'`; default `'auto'`. */
  readonly backend?: HestonCosBackend;
  /**
   * Bates (1996) lognormal jumps (λ per year ≥ 0, μ_J, σ_J ≥ 0) added to the Heston
   * characteristic function ({@link batesCharacteristicFunction}); default none (Heston). The
   * truncation range then uses c1 + λT(μ_J − e^(μ_J + σ_J²/2) + 1) and c2 + λT(μ_J² + σ_J²).
   */
  readonly jumps?: BatesJumps;
}

/**
 * Call and put prices on a strike × maturity grid, flattened maturity-major: index j·m + i for
 * maturity j and strike i.
 * @public
 */
export interface CosHestonBatchOutputs {
  /** European call prices, length n·m, price units. */
  readonly calls: Float64Array;
  /** European put prices, length n·m, price units. */
  readonly puts: Float64Array;
}

/**
 * European calls and puts under Heston on a whole strike × maturity grid by the COS method, the
 * characteristic function evaluated once per (u_k, T).
 *
 * @remarks
 * Per maturity T: the truncation range [α, β] = [c1 − L√|c2|, c1 + L√|c2|] of z = ln(S_T/S)
 * from its first two cumulants (Fang & Oosterlee 2008, eq. (49), Table 11; c4 is not used, as
 * there for Heston), u_k = kπ/(β − α), F_k = (2/(β − α))·Re[φ(u_k)·e^(−iu_kα)] for k < N from
 * the little-Heston-trap characteristic function ({@link hestonCharacteristicFunction}); then
 * for every strike the put from the cosine coefficients of the put payoff, χ_k and ψ_k
 * integrated over [α, min(ln(K/S), β)] (eq. (22), (29)), and the call by put–call parity
 * C = P + S·e^(−qT) − K·e^(−rT) (the put expansion is the robust one: its payoff is bounded,
 * §5.2). The strike sums run in the WebAssembly module (f64x2 over strikes) with the
 * TypeScript reference as fallback; the three give the same bits. The error falls
 * exponentially in N for Heston once the range holds the density; the defaults (N automatic
 * from the decay of |φ|, L = 40) meet Lewis's reference prices to 1e-9 and every QuantLib 1.29
 * `heston` case (Feller-violating sets, one-day to five-year maturities) to ≤ 1e-10. FO's L = 10
 * (or QuantLib's 32) truncates the heavy left tail of strongly Feller-violating sets (2κθ/σ² ≪ 1):
 * 3e-3 (or 3e-9) too low on QuantLib's σ = 1, ρ = −0.9 puts. Warning: the cumulant range
 * knows only the variance; for σ ≈ 1 with small v0 and κ (e.g. v0 = 0.01, κ = 0.2, θ = 0.04,
 * 2κθ/σ² ≈ 0.02) L = 40 is still ~1e-7 short and L = 60–80 is needed; use
 * {@link AnalyticHestonEngine} as the reference there.
 * Source: Fang & Oosterlee (2008), "A novel pricing method for European options based on
 * Fourier-cosine series expansions", SIAM J. Sci. Comput. 31(2), 826–848, §3 and §5.
 * Checked against: `test/engines/heston/CosHestonEngine.test.ts` (Lewis 2001 reference prices,
 * QuantLib 1.29 `heston` cases, the Lewis-integral engine on random parameters, the kernel
 * backends against each other).
 *
 * @example
 * ```ts
 * import { cosHestonBatch } from 'quantflow';
 * const { calls } = cosHestonBatch({ spot: 100, strikes: [100, 110, 120], expiries: [1], riskFreeRates: 0.01,
 *   dividendYields: 0.02, params: { v0: 0.04, kappa: 4, theta: 0.25, sigma: 1, rho: -0.5 } });
 * calls[0]!.toFixed(8); //=> '16.07015492'
 * ```
 * @param inputs - spot, strikes (m), expiries (n), rates, dividend yields, parameters.
 * @param options - N, L and the backend.
 * @returns calls and puts, Float64Array of length n·m each, maturity-major.
 * @throws InvalidInputError when an input is outside its range or lengths disagree (the message
 * names the argument, index, value and range).
 * @public
 */
export function cosHestonBatch(inputs: CosHestonBatchInputs, options: CosHestonOptions = {}): CosHestonBatchOutputs {
  const { spot, strikes, expiries } = inputs;
  const params = checkHestonParameters(inputs.params);
  const m = strikes.length;
  const n = expiries.length;
  const K = checkSpotAndStrikes(spot, strikes, n);
  const T = Float64Array.from(expiries);
  for (let j = 0; j < n; j++) if (!(T[j]! > 0) || !Number.isFinite(T[j]!)) throw InvalidInputError.outOfRange(`expiries[${j}]`, T[j], '(0, ∞)');
  const r = broadcastRates('riskFreeRates', inputs.riskFreeRates, n);
  const q = broadcastRates('dividendYields', inputs.dividendYields, n);
  const fixedTerms = options.terms ?? 'auto';
  const L = options.truncation ?? 40;
  if (fixedTerms !== 'auto' && (!Number.isInteger(fixedTerms) || fixedTerms < 2 || fixedTerms > 1 << 20)) {
    throw InvalidInputError.outOfRange('terms', fixedTerms, "'auto' or integers in [2, 1048576]");
  }
  if (!(L > 0) || !Number.isFinite(L)) throw InvalidInputError.outOfRange('truncation', L, '(0, ∞)');
  const checkedJumps = options.jumps === undefined ? undefined : checkBatesJumps(options.jumps);
  // λ = 0 takes the Heston path unchanged (same bits).
  const jumps = checkedJumps !== undefined && checkedJumps.lambda > 0 ? checkedJumps : undefined;

  const calls = new Float64Array(n * m);
  const puts = new Float64Array(n * m);
  let a = new Float64Array(0);
  let b = new Float64Array(0);
  let c = new Float64Array(0);
  const dMinusAlpha = new Float64Array(m);
  const expD = new Float64Array(m);
  const cosTheta = new Float64Array(m);
  const sinTheta = new Float64Array(m);
  const logK = K.map((k) => Math.log(k / spot));
  const cf = new Float64Array(4);
  for (let j = 0; j < n; j++) {
    const t = T[j]!;
    const drift = (r[j]! - q[j]!) * t;
    let { c1, c2 } = hestonCumulants(t, drift, params);
    if (jumps !== undefined) {
      const lt = jumps.lambda * t;
      const s2 = jumps.sigmaJ * jumps.sigmaJ;
      c1 += lt * (jumps.muJ - Math.expm1(jumps.muJ + 0.5 * s2));
      c2 += lt * (jumps.muJ * jumps.muJ + s2);
    }
    const half = L * Math.sqrt(Math.abs(c2));
    const alpha = c1 - half;
    const width = 2 * half;
    const terms = fixedTerms === 'auto' ? autoTerms(t, params, c2, width, cf) : fixedTerms;
    if (a.length < terms) {
      a = new Float64Array(terms);
      b = new Float64Array(terms);
      c = new Float64Array(terms);
    }
    let sumB = 0;
    for (let k = 0; k < terms; k++) {
      const u = (k * Math.PI) / width;
      hestonCfExponentsInto(u, 0, t, params, cf);
      if (jumps !== undefined) addBatesJumpExponent(u, 0, t, jumps, cf); // adds to c
      // φ(u)·e^(−iuα) = exp(C + D·v0 + iu(drift − α)).
      const f = ((k === 0 ? 1 : 2) / width) * Math.exp(cf[0]! + cf[2]! * params.v0) * Math.cos(cf[1]! + cf[3]! * params.v0 + u * (drift - alpha));
      const den = 1 + u * u;
      a[k] = k === 0 ? f : f / u;
      b[k] = f / den;
      c[k] = (f * u) / den;
      sumB += b[k]!;
    }
    cosStrikeGeometry(logK, alpha, width, dMinusAlpha, expD, cosTheta, sinTheta);
    const riskFreeDiscount = Math.exp(-r[j]! * t);
    const dividendDiscount = Math.exp(-q[j]! * t);
    const row = puts.subarray(j * m, (j + 1) * m);
    hestonCosStrikeSums(terms, a, b, c, m, K, dMinusAlpha, expD, cosTheta, sinTheta, spot, Math.exp(alpha) * sumB, riskFreeDiscount, row, options.backend ?? 'auto');
    for (let i = 0; i < m; i++) calls[j * m + i] = row[i]! + spot * dividendDiscount - K[i]! * riskFreeDiscount;
  }
  return { calls, puts };
}

/**
 * Per strike, d = ln(K/S) clamped to [α, α + width], and d − α, e^d, cos θ, sin θ with
 * θ = π(d − α)/width: the strike-dependent inputs of the COS put sums. @internal
 */
export function cosStrikeGeometry(logK: Float64Array, alpha: number, width: number, dMinusAlpha: Float64Array, expD: Float64Array, cosTheta: Float64Array, sinTheta: Float64Array): void {
  for (let i = 0; i < logK.length; i++) {
    const d = Math.min(Math.max(logK[i]!, alpha), alpha + width);
    const theta = (Math.PI * (d - alpha)) / width;
    dMinusAlpha[i] = d - alpha;
    expD[i] = Math.exp(d);
    cosTheta[i] = Math.cos(theta);
    sinTheta[i] = Math.sin(theta);
  }
}

/** Smallest N whose last frequency u_N = Nπ/width has |φ(u_N)| ≤ 1e-13, clamped to [64, 2^16]. @internal */
export function autoTerms(t: number, params: HestonParameters, c2: number, width: number, cf: Float64Array): number {
  let u = 1 / Math.sqrt(Math.abs(c2));
  const uMax = ((1 << 16) * Math.PI) / width;
  while (u < uMax) {
    hestonCfExponentsInto(u, 0, t, params, cf);
    if (cf[0]! + cf[2]! * params.v0 <= Math.log(1e-13)) break;
    u *= 1.1;
  }
  return Math.min(1 << 16, Math.max(64, Math.ceil((u * width) / Math.PI)));
}
