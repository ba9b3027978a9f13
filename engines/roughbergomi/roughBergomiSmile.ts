import { InvalidInputError } from '../../src/errors.js';
import { normalPdf } from '../../src/math/distributions/normalPdf.js';
import { RoughBergomiModel } from '../../src/models/RoughBergomiModel.js';
import type { BatchBackend } from '../../src/kernels/black.js';
import { impliedBlackVolatilityBatch } from '../../src/kernels/impliedVol.js';
import { mcRoughBergomiRun, ROUGH_BERGOMI_PARAMS } from '../../src/kernels/rbergomi.js';
import type { RoughBergomiKernelInputs } from '../../src/kernels/rbergomi.reference.js';
import { fft } from '../../src/math/fft/fft.js';
import { hybridSchemeCoefficients } from './_lib/hybridScheme.js';

/**
 * Options of {@link roughBergomiSmile} and {@link roughBergomiVolterraPaths}.
 * @public
 */
export interface RoughBergomiMcOptions {
  /** Number of samples (an antithetic pair counts as one); integer in [2, 2^31). Default 65 536. */
  readonly samples?: number;
  /** Time steps over [0, T]; integer in [1, 10^5]. Default 128. Cost per sample grows as steps². */
  readonly steps?: number;
  /** Philox key; integer in [0, 2^32). Default 42. */
  readonly seed?: number;
  /** Antithetic variates (all normals negated); default true. */
  readonly antithetic?: boolean;
  /** Regression control variate on the simulated forward (S_T/F(T), or F1 with `mixed`; known mean 1); default true. */
  readonly controlVariate?: boolean;
  /**
   * Mixed (conditional) estimator: price by Black–Scholes conditionally on the variance driver W
   * (Romano & Touzi 1997; McCrickerd & Pakkanen 2018); default true. Needs |ρ| < 1 to help.
   */
  readonly mixed?: boolean;
  /**
   * The Volterra convolution: `'direct'` (O(steps²) per path), `'fft'` (circular convolution of
   * size M = 2^⌈log₂ 2·steps⌉ by radix-2 FFT, O(steps·log steps)), or `'auto'` (default: FFT from
   * 1024 steps on, where the bench measured it faster).
   */
  readonly convolution?: 'direct' | 'fft' | 'auto';
  /** Kernel backend: `'auto'` (default), `'simd'`, `'scalar'` (WebAssembly), `'typescript'` (reference). */
  readonly backend?: BatchBackend;
}

/**
 * The result of {@link roughBergomiSmile}: per log-strike k_i, the out-of-the-money option price
 * (per unit forward, undiscounted), its Black implied vol, and standard errors of both.
 * @public
 */
export interface RoughBergomiSmile {
  /** The log-moneyness grid k = ln(K/F(T)) as given. */
  readonly logStrikes: Float64Array;
  /** Undiscounted OTM prices per unit forward: put for k < 0, call for k ≥ 0; clamped into [0, min(1, K/F)). */
  readonly prices: Float64Array;
  /** Standard errors of `prices`. */
  readonly priceErrors: Float64Array;
  /** Black implied vols (annualised decimals); 0 where no simulated path ended in the money. */
  readonly impliedVols: Float64Array;
  /** Standard errors of the vols (price error / Black vega); Infinity where the vol is 0. */
  readonly volErrors: Float64Array;
  /** Simulated E[S_T/F(T)] − 1 (a martingale check; should be within a few `forwardError`). */
  readonly forwardBias: number;
  /** Standard error of `forwardBias`. */
  readonly forwardError: number;
  /** Samples used. */
  readonly samples: number;
}

/** Step count from which `convolution: 'auto'` uses the FFT (measured crossover, docs/models/rough-bergomi.md). */
const FFT_FROM = 1024;

function intIn(name: string, v: number, lo: number, hi: number): number {
  if (!(Number.isInteger(v) && v >= lo && v <= hi)) throw InvalidInputError.outOfRange(name, v, `integers in [${lo}, ${hi}]`);
  return v;
}

function kernelInputs(model: RoughBergomiModel, T: number, strikes: Float64Array, omegas: Float64Array, o: RoughBergomiMcOptions | undefined, tName = 'expiry') {
  if (!(Number.isFinite(T) && T > 0)) throw InvalidInputError.outOfRange(tName, T, '(0, ∞)');
  const samples = intIn('options.samples', o?.samples ?? 65536, 2, 2 ** 31 - 1);
  const steps = intIn('options.steps', o?.steps ?? 128, 1, 100000);
  const seed = intIn('options.seed', o?.seed ?? 42, 0, 2 ** 32 - 1);
  const { gamma, c1, c2, dt } = hybridSchemeCoefficients(model.H, T, steps);
  const drift = new Float64Array(steps);
  const e2 = 0.5 * model.eta * model.eta;
  for (let j = 0; j < steps; j++) {
    const t = (j + 1) * dt;
    drift[j] = Math.log(model.forwardVariance(t)) - e2 * Math.pow(t, 2 * model.H);
  }
  const conv = o?.convolution ?? 'auto';
  if (conv !== 'auto' && conv !== 'direct' && conv !== 'fft') throw InvalidInputError.outOfRange('options.convolution', conv, "{'direct', 'fft', 'auto'}");
  let M = 0;
  let g = gamma;
  if (conv === 'fft' || (conv === 'auto' && steps >= FFT_FROM)) {
    M = 2;
    while (M < 2 * steps) M *= 2;
    g = new Float64Array(steps + 1 + 3 * M);
    g.set(gamma);
    const re = new Float64Array(M);
    const im = new Float64Array(M);
    re.set(gamma);
    fft(re, im);
    g.set(re, steps + 1);
    g.set(im, steps + 1 + M);
    for (let j = 0; j < M / 2; j++) {
      g[steps + 1 + 2 * M + j] = Math.cos((2 * Math.PI * j) / M);
      g[steps + 1 + 2 * M + M / 2 + j] = Math.sin((2 * Math.PI * j) / M);
    }
  }
  const params = new Float64Array(ROUGH_BERGOMI_PARAMS);
  params.set([Math.sqrt(dt), c1, c2, model.eta, model.rho, Math.sqrt(1 - model.rho * model.rho), 0.5 * dt, model.forwardVariance(0), (o?.mixed ?? true) ? 1 : 0, M]);
  const inp: RoughBergomiKernelInputs = {
    samples, firstPath: 0, key0: seed, key1: 0, steps, antithetic: o?.antithetic ?? true, gamma: g, drift, params, strikes, omegas,
  };
  return inp;
}

/**
 * Implied-volatility smile of the rough Bergomi model at one expiry, by Monte Carlo with the
 * hybrid scheme (WebAssembly kernel, fused with the payoffs of every strike).
 *
 * @remarks
 * Each sample simulates Y on t_j = jT/steps by the hybrid scheme of Bennedsen, Lunde & Pakkanen
 * (κ = 1: the first cell's integral exactly jointly Gaussian with ΔW, the rest a Riemann sum at
 * the optimal points b*_k; direct O(steps²) convolution, or by FFT for long grids), V_t = ξ0(t)exp(ηY_t − ½η²t^(2H)) and the
 * log-forward X = ln(S_t/F(t)) by a left-point Euler step; the OTM payoff (put for k < 0, call for
 * k ≥ 0) on S_T/F(T) is accumulated for every strike from the same paths. With `mixed` (default)
 * the spot's own noise W⊥ is integrated out: given W, ln(S_T/F) is normal with variance
 * (1 − ρ²)∫V dt around ln F1 − ½(1 − ρ²)∫V dt, F1 = exp(ρ∫√V dW − ½ρ²∫V dt), so each path
 * contributes a Black price (Romano & Touzi 1997; McCrickerd & Pakkanen 2018 §3). With
 * `controlVariate`, each price is the regression estimate ȳ − β(c̄ − 1) on c = S_T/F(T) (F1 when
 * mixed; β = Cov(y, c)/Var(c) from the same samples) and its variance (Var y − Cov(y, c)²/Var c)/N. The vol error is the price error
 * over the Black vega √T·φ(d1). Rates enter only through F(T); prices here are per unit forward
 * and undiscounted (multiply by D(T)·F(T) for money). Deterministic by seed on any machine.
 * Source: Bayer, Friz & Gatheral (2016), Quant. Finance 16(6); Bennedsen, Lunde & Pakkanen
 * (2017), Finance Stoch. 21, §2; McCrickerd & Pakkanen (2018), "Turbocharging Monte Carlo
 * pricing for the rough Bergomi model", Quant. Finance 18(11) (κ = 1, their smile of Fig. 1).
 * Checked against: `test/engines/roughbergomi/roughBergomiSmile.test.ts` (McCrickerd & Pakkanen's
 * vols 0.2961, 0.2061, 0.1576 to 0.003; H = ½, η = 0 gives Black–Scholes; WASM = TypeScript).
 *
 * @example
 * ```ts
 * import { RoughBergomiModel, roughBergomiSmile } from 'quantflow';
 * // η = 0, ρ = 0: every path's conditional price is the Black–Scholes price at σ = 0.2.
 * const m = new RoughBergomiModel({ xi0: 0.04, eta: 0, rho: 0, H: 0.5 });
 * const s = roughBergomiSmile(m, 1, [-0.1, 0, 0.1], { samples: 1000, steps: 4 });
 * Array.from(s.impliedVols, (v) => v.toFixed(6)); //=> ['0.200000', '0.200000', '0.200000']
 * ```
 * @param model - the rough Bergomi parameters.
 * @param expiry - T in years, finite > 0.
 * @param logStrikes - k = ln(K/F(T)), finite, |k| ≤ 10, at least one.
 * @param options - samples, steps, seed, antithetic, controlVariate, mixed, convolution, backend.
 * @returns prices, vols and their standard errors per strike, and a martingale check.
 * @throws InvalidInputError when expiry, a log-strike or an option is out of range.
 * @throws QuantflowError (code `NUMERICAL_OVERFLOW`) when a simulated value overflows.
 * @public
 */
export function roughBergomiSmile(model: RoughBergomiModel, expiry: number, logStrikes: ArrayLike<number>, options?: RoughBergomiMcOptions): RoughBergomiSmile {
  const nk = logStrikes.length;
  if (nk < 1) throw InvalidInputError.outOfRange('logStrikes.length', nk, '[1, ∞)');
  const ks = Float64Array.from(logStrikes);
  const strikes = new Float64Array(2 * nk);
  const omegas = new Float64Array(nk);
  for (let i = 0; i < nk; i++) {
    const k = ks[i]!;
    if (!(Number.isFinite(k) && Math.abs(k) <= 10)) throw InvalidInputError.outOfRange(`logStrikes[${i}]`, k, '[-10, 10]');
    strikes[i] = Math.exp(k);
    strikes[nk + i] = k;
    omegas[i] = k < 0 ? -1 : 1;
  }
  const inp = kernelInputs(model, expiry, strikes, omegas, options);
  const acc = new Float64Array(2 + 3 * nk);
  mcRoughBergomiRun(inp, acc, options?.backend);
  const N = inp.samples;
  const mc = acc[0]! / N;
  const vc = Math.max((acc[1]! - N * mc * mc) / (N - 1), 0);
  const cv = options?.controlVariate ?? true;
  const prices = new Float64Array(nk);
  const priceErrors = new Float64Array(nk);
  for (let i = 0; i < nk; i++) {
    const o = 2 + 3 * i;
    const my = acc[o]! / N;
    const vy = Math.max((acc[o + 1]! - N * my * my) / (N - 1), 0);
    const cyc = (acc[o + 2]! - N * my * mc) / (N - 1);
    if (cv && vc > 0) {
      const beta = cyc / vc;
      prices[i] = my - beta * (mc - 1);
      priceErrors[i] = Math.sqrt(Math.max(vy - (cyc * cyc) / vc, 0) / N);
    } else {
      prices[i] = my;
      priceErrors[i] = Math.sqrt(vy / N);
    }
  }
  const impliedVols = new Float64Array(nk);
  const volErrors = new Float64Array(nk);
  for (let i = 0; i < nk; i++) {
    const K = strikes[i]!;
    const hi = omegas[i]! > 0 ? 1 : K;
    // Clamp into the no-arbitrage interval of an OTM price: the control-variate estimate can
    // leave it (far out of the money, few paths).
    const p = Math.min(Math.max(prices[i]!, 0), hi * (1 - 1e-15));
    prices[i] = p;
    if (p <= 0) {
      impliedVols[i] = 0;
      volErrors[i] = Infinity;
      continue;
    }
    const v = impliedBlackVolatilityBatch({ prices: p, forwards: 1, strikes: K, expiries: expiry, optionTypes: omegas[i]! })[0]!;
    impliedVols[i] = v;
    const sd = v * Math.sqrt(expiry);
    const vega = Math.sqrt(expiry) * normalPdf(-ks[i]! / sd + 0.5 * sd);
    volErrors[i] = vega > 0 ? priceErrors[i]! / vega : Infinity;
  }
  return { logStrikes: ks, prices, priceErrors, impliedVols, volErrors, forwardBias: mc - 1, forwardError: Math.sqrt(vc / N), samples: N };
}

/**
 * Sample paths of the Volterra process Y_t = √(2H)∫₀ᵗ (t − s)^(H−½) dW_s by the hybrid scheme
 * (κ = 1), on t_j = jT/steps, j = 1 … steps, from the same kernel and random numbers as
 * {@link roughBergomiSmile} (first pass, no antithetic partner).
 *
 * @remarks
 * Row s of the result (length steps) is the path of sample s. Var Y_t = t^(2H) for the exact
 * process; the scheme's own covariance differs from the exact one by the Riemann-sum error of
 * the cells k ≥ 2 (small: see docs/models/rough-bergomi.md).
 * Source: Bennedsen, Lunde & Pakkanen (2017), Finance Stoch. 21, §2.2.
 * Checked against: `test/engines/roughbergomi/hybridScheme.test.ts` (empirical covariance vs
 * the scheme's exact covariance and vs the process's).
 *
 * @param H - Hurst exponent in (0, ½].
 * @param T - horizon in years, finite > 0.
 * @param options - samples (default 65 536), steps (default 128), seed, convolution, backend.
 * @returns a `Float64Array` of samples·steps values, row-major.
 * @throws InvalidInputError when H, T or an option is out of range.
 * @public
 */
export function roughBergomiVolterraPaths(H: number, T: number, options?: RoughBergomiMcOptions): Float64Array {
  if (!(H > 0 && H <= 0.5)) throw InvalidInputError.outOfRange('H', H, '(0, 0.5]');
  const m = new RoughBergomiModel({ xi0: 1, eta: 0, rho: 0, H });
  const inp = kernelInputs(m, T, new Float64Array(0), new Float64Array(0), { ...options, antithetic: false }, 'T');
  const paths = new Float64Array(inp.samples * inp.steps);
  mcRoughBergomiRun(inp, new Float64Array(2), options?.backend, paths);
  return paths;
}
