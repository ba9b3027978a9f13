import { InvalidInputError } from '../../src/errors.js';
import { fft } from '../../src/math/fft/fft.js';
import type { HestonParameters } from '../../src/processes/HestonParameters.js';
import { checkHestonParameters } from '../../src/processes/_lib/checkHestonParameters.js';
import type { BatesJumps } from './batesCharacteristicFunction.js';
import { addBatesJumpExponent, checkBatesJumps } from './_lib/batesJumps.js';
import { hestonCfExponentsInto } from './_lib/hestonCfExponents.js';

/**
 * Inputs of {@link carrMadanHestonCalls}: one spot, one maturity, flat rates.
 * @public
 */
export interface CarrMadanHestonInputs {
  /** Spot S, price units, > 0. */
  readonly spot: number;
  /** Maturity T, years, > 0. */
  readonly expiry: number;
  /** Continuously compounded zero rate r to T, finite. */
  readonly riskFreeRate: number;
  /** Continuous dividend yield q to T, finite. */
  readonly dividendYield: number;
  /** Heston parameters v0, κ, θ, σ, ρ. */
  readonly params: HestonParameters;
  /** Optional Bates (1996) lognormal jumps (λ, μ_J, σ_J); absent or λ = 0: Heston. */
  readonly jumps?: BatesJumps;
  /** Optional strikes (price units, each > 0, with ln(K/S) inside the grid) to interpolate the grid calls onto. */
  readonly strikes?: ArrayLike<number>;
}

/**
 * Options of {@link carrMadanHestonCalls}.
 * @public
 */
export interface CarrMadanOptions {
  /** α, the damping exponent of the call transform; default 1.5; > 0, with E[S_T^(α+1)] finite to T (checked by the Heston moment-explosion time of Andersen & Piterbarg 2007). */
  readonly alpha?: number;
  /** N, the number of FFT points; default 4096; a power of two in [16, 2^22]. */
  readonly points?: number;
  /** η, the spacing of the integration grid v_j = η·j; default 0.1; > 0 (Carr & Madan use 0.25: 2e-7 error on the Lewis set). The log-strike spacing is λ = 2π/(Nη). */
  readonly eta?: number;
}

/**
 * Carr–Madan calls: on the log-strike grid, and interpolated onto the requested strikes.
 * @public
 */
export interface CarrMadanHestonCalls {
  /** k_u = ln S − b + λu, u = 0 … N − 1, b = Nλ/2: log-strikes ln K of the grid (ln of price units). */
  readonly logStrikes: Float64Array;
  /** European call prices at K = e^(k_u), price units, length N (accurate in the central part; see remarks). */
  readonly calls: Float64Array;
  /** λ = 2π/(Nη), the log-strike spacing. */
  readonly logStrikeSpacing: number;
  /** Calls at `inputs.strikes` (degree-7 Lagrange interpolation in ln K on the 8 nearest grid points); empty when no strikes were given. */
  readonly callsAtStrikes: Float64Array;
}

/**
 * European calls under Heston (or Bates) for one maturity on a whole log-strike grid by the
 * fast Fourier transform of the damped call price (Carr & Madan 1999).
 *
 * @remarks
 * With c_T(k) = e^(αk)·C_T(k) for k = ln K, its transform is
 * ψ(v) = e^(−rT)·φ(v − (α+1)i)/(α² + α − v² + i(2α+1)v), φ the characteristic function of
 * ln S_T (eq. (6)), and C_T(k) = e^(−αk)/π·∫₀^∞ Re[e^(−ivk) ψ(v)] dv. The integral is taken with
 * Simpson's rule on v_j = ηj, j = 0 … N − 1 (weights η/3·(3 + (−1)^(j+1) − δ_j0)), and the sum
 * for all k_u = ln S − b + λu at once by one FFT with λη = 2π/N (eq. (24)). The integrand is
 * formed relative to the spot (e^(iv(b − ln S))·φ(v − (α+1)i)/S^(α+1)), so nothing overflows for
 * large S. α = 1.5 (default), the value common in Heston FFT practice: the transform's poles
 * (α² + α − v² + i(2α+1)v = 0 at v = iα, i(α+1)) stay a distance α from the real axis, so ψ is
 * smooth where Simpson's rule samples it, while E[S_T^(α+1)] = E[S_T^2.5] stays finite for usual
 * Heston sets (Carr & Madan advise α well below the largest admissible one, about a quarter of
 * it; α is checked against the moment-explosion time) and e^(−αk) amplifies little rounding in
 * the left of the grid. Defaults N = 4096 and η = 0.1 (λ = 0.0153, ln(K/S) ∈ [−31.4, 31.4)); Carr & Madan's
 * η = 0.25 is 2.1e-7 off on the Lewis set (its strike period 2π/η = 25 is short enough that the
 * damped call's periodic images alias), η = 0.1 is ≤ 2e-13 off the Lewis-integral engine there
 * for |ln(K/S)| ≤ 1, and the interpolated prices at K = 80, 100, 125 are ≤ 1.5e-8 off on 60
 * random sets with T = 0.1 … 3 (worst at T = 0.1; measured in the tests). Grid prices far from
 * the centre lose accuracy (the left end by about e^(αb)·ε relative to S).
 * Interpolation onto `strikes`: degree-7 Lagrange in ln K on the 8 nearest grid points (a 4-point
 * cubic was measured 4e-7 off at λ = 0.0153; degree 7 is ≤ 1e-9 off on the Lewis set at T = 1). Neither
 * cubic spline nor linear: the grid is fine and smooth, so a local high-order rule is cheap.
 * Source: Carr & Madan (1999), "Option valuation using the fast Fourier transform", J. Comput.
 * Finance 2(4), 61–73, eq. (5)–(6), (23)–(24); characteristic functions:
 * {@link hestonCharacteristicFunction}, {@link batesCharacteristicFunction}.
 * Checked against: `test/engines/heston/carrMadanHeston.test.ts` (the Lewis engine at the grid
 * strikes, Lewis (2001) reference prices, Bates against the Lewis engine with jumps).
 *
 * @example
 * ```ts
 * import { carrMadanHestonCalls } from 'quantflow';
 * const { callsAtStrikes } = carrMadanHestonCalls({ spot: 100, expiry: 1, riskFreeRate: 0.01, dividendYield: 0.02,
 *   params: { v0: 0.04, kappa: 4, theta: 0.25, sigma: 1, rho: -0.5 }, strikes: [100] });
 * callsAtStrikes[0]!.toFixed(6); //=> '16.070155'
 * ```
 * @param inputs - spot, maturity, rates, Heston parameters, optional jumps and strikes.
 * @param options - α, N and η.
 * @returns the grid log-strikes and calls (length N), λ, and the interpolated calls.
 * @throws InvalidInputError when an input or option is outside its range, α is so large that
 * E[S_T^(α+1)] is infinite (moment explosion), or a strike lies
 * outside the grid's interior [k_3, k_(N−5)] (the message names the argument, value and range).
 * @public
 */
export function carrMadanHestonCalls(inputs: CarrMadanHestonInputs, options: CarrMadanOptions = {}): CarrMadanHestonCalls {
  const { spot, expiry: t, riskFreeRate: r, dividendYield: q } = inputs;
  if (!(spot > 0) || !Number.isFinite(spot)) throw InvalidInputError.outOfRange('spot', spot, '(0, ∞)');
  if (!(t > 0) || !Number.isFinite(t)) throw InvalidInputError.outOfRange('expiry', t, '(0, ∞)');
  if (!Number.isFinite(r)) throw InvalidInputError.outOfRange('riskFreeRate', r, '(-∞, ∞), finite');
  if (!Number.isFinite(q)) throw InvalidInputError.outOfRange('dividendYield', q, '(-∞, ∞), finite');
  const p = checkHestonParameters(inputs.params);
  const jumps = inputs.jumps === undefined ? undefined : checkBatesJumps(inputs.jumps);
  const alpha = options.alpha ?? 1.5;
  const n = options.points ?? 4096;
  const eta = options.eta ?? 0.1;
  if (!(alpha > 0) || !Number.isFinite(alpha)) throw InvalidInputError.outOfRange('alpha', alpha, '(0, ∞)');
  if (!Number.isInteger(n) || n < 16 || n > 1 << 22 || (n & (n - 1)) !== 0) throw InvalidInputError.outOfRange('points', n, 'powers of two in [16, 4194304]');
  if (!(eta > 0) || !Number.isFinite(eta)) throw InvalidInputError.outOfRange('eta', eta, '(0, ∞)');

  if (!(hestonMomentExplosionTime(alpha + 1, p) > t)) {
    throw InvalidInputError.outOfRange('alpha', alpha, `(0, α_max) with E[S_T^(α+1)] finite to T = ${t} (it explodes at T* = ${hestonMomentExplosionTime(alpha + 1, p)})`);
  }
  const lambda = (2 * Math.PI) / (n * eta);
  const b = (n * lambda) / 2;
  const drift = (r - q) * t;
  const discount = Math.exp(-r * t);
  const re = new Float64Array(n);
  const im = new Float64Array(n);
  const cf = new Float64Array(4);
  const a1 = alpha * alpha + alpha;
  const b1 = 2 * alpha + 1;
  for (let j = 0; j < n; j++) {
    const v = eta * j;
    // ln φ̂(v − (α+1)i) of the log-return ln(S_T/S), drift included: iw·drift = (iv + α + 1)·drift.
    hestonCfExponentsInto(v, -(alpha + 1), t, p, cf);
    let lnRe = cf[0]! + cf[2]! * p.v0 + (alpha + 1) * drift;
    let lnIm = cf[1]! + cf[3]! * p.v0 + v * drift;
    if (jumps !== undefined) {
      cf[0] = 0;
      cf[1] = 0;
      addBatesJumpExponent(v, -(alpha + 1), t, jumps, cf);
      lnRe += cf[0]!;
      lnIm += cf[1]!;
    }
    // × e^(ivb) (the grid's start) and the Simpson weight; / (α² + α − v² + i(2α + 1)v).
    lnIm += v * b;
    const weight = j === 0 ? eta / 3 : ((3 + (j % 2 === 1 ? 1 : -1)) * eta) / 3;
    const m = discount * weight * Math.exp(lnRe);
    const nRe = m * Math.cos(lnIm);
    const nIm = m * Math.sin(lnIm);
    const dRe = a1 - v * v;
    const dIm = b1 * v;
    const den = dRe * dRe + dIm * dIm;
    re[j] = (nRe * dRe + nIm * dIm) / den;
    im[j] = (nIm * dRe - nRe * dIm) / den;
  }
  fft(re, im);
  const lnS = Math.log(spot);
  const logStrikes = new Float64Array(n);
  const calls = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const x = -b + lambda * u; // ln(K/S)
    logStrikes[u] = lnS + x;
    calls[u] = ((spot * Math.exp(-alpha * x)) / Math.PI) * re[u]!;
  }
  const strikes = inputs.strikes ?? [];
  const callsAtStrikes = new Float64Array(strikes.length);
  for (let i = 0; i < strikes.length; i++) {
    const k = strikes[i]!;
    const pos = (Math.log(k / spot) + b) / lambda;
    if (!(k > 0) || !(pos >= 3 && pos <= n - 5)) {
      throw InvalidInputError.outOfRange(`strikes[${i}]`, k, `(${spot * Math.exp(-b + 3 * lambda)}, ${spot * Math.exp(-b + lambda * (n - 5))}) (ln(K/S) inside the grid)`);
    }
    callsAtStrikes[i] = lagrange8(calls, pos);
  }
  return { logStrikes, calls, logStrikeSpacing: lambda, callsAtStrikes };
}

/** Degree-7 Lagrange interpolation of y at the fractional index pos ∈ [3, n − 5], on the 8 nodes around it. */
function lagrange8(y: Float64Array, pos: number): number {
  const u0 = Math.min(y.length - 8, Math.max(0, Math.floor(pos) - 3));
  const s = pos - u0;
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    let w = 1;
    for (let j = 0; j < 8; j++) if (j !== i) w *= (s - j) / (i - j);
    sum += w * y[u0 + i]!;
  }
  return sum;
}

/**
 * T* with E[S_T^ω] finite exactly for T < T* under Heston (ω > 1; Infinity when never), with
 * k = κ − ρσω and D = k² − σ²ω(ω − 1): D ≥ 0, k > 0: ∞; D ≥ 0, k < 0: ln((k − √D)/(k + √D))/√D;
 * D < 0: 2/√−D·(π/2 + arctan(k/√−D)); the blow-up time of the Riccati equation
 * B' = σ²B²/2 − kB + ω(ω − 1)/2, B(0) = 0, of ln E[S_T^ω] = A + B·v0, solved in closed form (the
 * case analysis of Andersen & Piterbarg (2007), "Moment explosions in stochastic volatility
 * models", Finance Stoch. 11(1), §3). Lognormal jumps add no explosion.
 */
function hestonMomentExplosionTime(omega: number, p: HestonParameters): number {
  const k = p.kappa - p.rho * p.sigma * omega;
  const D = k * k - p.sigma * p.sigma * omega * (omega - 1);
  if (D >= 0) {
    if (k > 0) return Infinity;
    const g = Math.sqrt(D);
    if (g === 0) return -2 / k;
    return Math.log((k - g) / (k + g)) / g;
  }
  const g = Math.sqrt(-D);
  return (2 / g) * (Math.PI / 2 + Math.atan(k / g));
}
