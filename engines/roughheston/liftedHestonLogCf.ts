import { InvalidInputError } from '../../src/errors.js';
import type { RoughHestonParameters } from '../../src/processes/RoughHestonParameters.js';
import type { RoughHestonLogCf } from './RoughHestonLogCf.js';
import { liftKernel, type LiftKernel } from './liftKernel.js';
import { liftCheckNodes, liftCheckParams } from './_lib/liftChecks.js';

/**
 * Options of {@link liftedHestonLogCf}.
 * @public
 */
export interface LiftedHestonOptions {
  /** n, the number of factors, integer in [1, 500]; default 20. Ignored when `kernel` is given. */
  readonly factors?: number;
  /** r, the geometric grid ratio, > 1; default exp(9·n^{−0.7}) ({@link liftKernel}). */
  readonly ratio?: number;
  /** Speeds x_i: `'geometric'` (default) or `'mean'` ({@link liftKernel}). */
  readonly speeds?: 'geometric' | 'mean';
  /**
   * An explicit kernel (weights c_i ≥ 0, speeds x_i ≥ 0, equal lengths ≥ 1) instead of
   * {@link liftKernel}(hurst, factors, ratio); `params.hurst` is then not used. One factor with
   * c = 1, x = 0 is classical Heston.
   */
  readonly kernel?: LiftKernel;
  /** Base time steps per year of the Riccati stepper, integer ≥ 1; default 200 (high-frequency nodes refine it, see remarks). */
  readonly stepsPerYear?: number;
  /** Fewest base steps between consecutive maturities (and up to the first), integer ≥ 1; default 16. */
  readonly minSteps?: number;
}

/**
 * The lifted-Heston route to the rough Heston log characteristic function: the n-factor
 * Markovian approximation of Abi Jaber & El Euch, its Riccati ODE system solved by a fourth-order
 * exponential time-differencing Runge–Kutta stepper (ETDRK4).
 *
 * @remarks
 * Lifted model: V_t = g_n(t) + Σ c_i U^i_t, dU^i = (−x_i U^i − κV) dt + σ√V dW, U^i_0 = 0,
 * g_n(t) = v0 + κθ Σ c_i (1 − e^{−x_i t})/x_i. For x = ln(S_T/F_T) and complex u,
 * log E[e^{iux}] = v0·Φ(T) + κθ·I(T), where ψ_i' = −x_iψ_i + F(Σc_jψ_j), ψ_i(0) = 0,
 * Φ' = F(Σc_jψ_j), I' = Σc_jψ_j, F(ψ) = −½(u² + iu) + (iρσu − κ)ψ + ½σ²ψ² (Abi Jaber 2019,
 * §2, with Φ − ψ_i integrated so that x_i = 0 is allowed). The linear part −x_i is
 * integrated exactly (Cox & Matthews 2002, ETDRK4, with the φ-functions by Taylor series for
 * x_i h < 1), so the fast factors' own decay imposes no step limit (their coupling through F
 * does, below); F enters as one scalar per node, so a
 * step costs O(n). Uniform steps per maturity interval: max(minSteps, ⌈ΔT·stepsPerYear⌉),
 * doubled per node until the explicit gain max(|A|, |b|)·Σc_i h φ1(−x_i h/2) ≤ 1, A = √(b² − 2σ²a)
 * and b = iρσu − κ bounding the node's Riccati stiffness (through the fast factors the gain falls only like h^α, so high
 * frequencies need many more steps). Errors: the kernel's (n = 20: 2.7e-3 in price on the
 * QuantLib test set with the default grid, docs/models/rough-heston-routes.md) plus the
 * stepper's (fourth order; ≤ 1e-5 in price there at the defaults; 1.3e-9 in φ on the Heston
 * limit at 200 steps per year, 1.3e-11 at 800).
 * Source: E. Abi Jaber (2019), "Lifting the Heston model", Quantitative Finance 19(12), §2–3;
 * E. Abi Jaber, O. El Euch (2019), SIAM J. Financial Math. 10(2); S. M. Cox, P. C. Matthews
 * (2002), "Exponential time differencing for stiff systems", J. Comput. Phys. 176(2), §2 (ETDRK4).
 * Checked against: `test/engines/roughheston/liftedHestonLogCf.test.ts` (one factor c = 1, x = 0
 * is {@link hestonCharacteristicFunction} to 1e-10; COS prices converge in n to the published
 * QuantLib rough Heston values; martingale φ(−i) = 1; the lifted Monte Carlo).
 *
 * @example
 * ```ts
 * import { liftedHestonLogCf } from 'quantflow';
 * const cf = liftedHestonLogCf({ factors: 20 });
 * const p = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 };
 * Math.abs(cf(p, Float64Array.of(0), Float64Array.of(-1), [1]).re[0]!) < 1e-12; //=> true
 * ```
 * @param options - factors, ratio, speeds or an explicit kernel, and the stepper's resolution.
 * @returns a {@link RoughHestonLogCf}: (params, uRe, uIm, maturities) → log φ, length
 * uRe.length × maturities.length, maturity-major.
 * @throws InvalidInputError (from the factory) when an option is outside its range; (from the
 * returned function) when a parameter, node or maturity is outside its range.
 * @public
 */
export function liftedHestonLogCf(options: LiftedHestonOptions = {}): RoughHestonLogCf {
  const stepsPerYear = options.stepsPerYear ?? 200;
  const minSteps = options.minSteps ?? 16;
  if (!Number.isInteger(stepsPerYear) || stepsPerYear < 1) throw InvalidInputError.outOfRange('stepsPerYear', stepsPerYear, 'integers ≥ 1');
  if (!Number.isInteger(minSteps) || minSteps < 1) throw InvalidInputError.outOfRange('minSteps', minSteps, 'integers ≥ 1');
  const fixed = options.kernel;
  if (fixed !== undefined) {
    const { weights: c, speeds: x } = fixed;
    if (c.length < 1 || x.length !== c.length) throw InvalidInputError.outOfRange('kernel.speeds.length', x.length, `${c.length} (kernel.weights.length, ≥ 1)`);
    for (let i = 0; i < c.length; i++) {
      if (!(c[i]! >= 0) || !Number.isFinite(c[i]!)) throw InvalidInputError.outOfRange(`kernel.weights[${i}]`, c[i], '[0, ∞)');
      if (!(x[i]! >= 0) || !Number.isFinite(x[i]!)) throw InvalidInputError.outOfRange(`kernel.speeds[${i}]`, x[i], '[0, ∞)');
    }
  } else {
    const f = options.factors ?? 20;
    if (!Number.isInteger(f) || f < 1 || f > 500) throw InvalidInputError.outOfRange('factors', f, 'integers in [1, 500]');
  }
  const cache = new Map<number, LiftKernel>();
  return (params, uRe, uIm, maturities) => {
    const p = liftCheckParams(params);
    liftCheckNodes(uRe, uIm, maturities);
    let kernel = fixed;
    if (kernel === undefined) {
      if (p.hurst === 0.5) throw InvalidInputError.outOfRange('params.hurst', p.hurst, '(0, 0.5) for the lift (H = 1/2 is classical Heston: pass kernel { weights: [1], speeds: [0] })');
      kernel = cache.get(p.hurst);
      if (kernel === undefined) {
        kernel = liftKernel(p.hurst, options.factors ?? 20, options.ratio, options.speeds ?? 'geometric');
        cache.set(p.hurst, kernel);
      }
    }
    return liftedRiccati(p, kernel, uRe, uIm, maturities, stepsPerYear, minSteps);
  };
}

/**
 * Largest explicit gain max(|A|, |b|)·Σ c_i h φ1(−x_i h/2) allowed in one step (RK4 is stable to
 * ~2.8 on both axes; 0.25, 1 and 2 give the same QuantLib-set prices to 1e-5, but at σ = 1,
 * u = 50 the error in φ is 2e-6 at 1 and 3e-4 at 2).
 */
const GAIN = 1;
/** At most 2^12 times the base step count. */
const MAX_LEVEL = 12;

/** Per-component ETDRK4 coefficients for one step size h. */
interface EtdCoefficients {
  /** e^{−x h/2} */ e: Float64Array;
  /** h·(φ1 − 3φ2 + 4φ3)(−x h) */ f1: Float64Array;
  /** h·(φ2 − 2φ3)(−x h) */ f2: Float64Array;
  /** h·(−φ2 + 4φ3)(−x h) */ f3: Float64Array;
  /** Σ c_i q_i */ cq: number;
  /** Σ c_i e_i q_i */ ceq: number;
}

function etdCoefficients(c: Float64Array, x: Float64Array, h: number): EtdCoefficients {
  const n = c.length;
  const e = new Float64Array(n);
  const f1 = new Float64Array(n);
  const f2 = new Float64Array(n);
  const f3 = new Float64Array(n);
  let cq = 0;
  let ceq = 0;
  const phi = new Float64Array(3);
  for (let i = 0; i < n; i++) {
    const z = -x[i]! * h;
    e[i] = Math.exp(0.5 * z);
    phis(0.5 * z, phi);
    const q = 0.5 * h * phi[0]!;
    phis(z, phi);
    f1[i] = h * (phi[0]! - 3 * phi[1]! + 4 * phi[2]!);
    f2[i] = h * (phi[1]! - 2 * phi[2]!);
    f3[i] = h * (-phi[1]! + 4 * phi[2]!);
    cq += c[i]! * q;
    ceq += c[i]! * e[i]! * q;
  }
  return { e, f1, f2, f3, cq, ceq };
}

/** φ1, φ2, φ3 at real z ≤ 0: φ_k(z) = Σ_m z^m/(m + k)!; Taylor for |z| < 1, closed form beyond. */
function phis(z: number, out: Float64Array): void {
  if (Math.abs(z) < 1) {
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    // term_m = z^m/(m+3)!, built downwards from m = 20 (|z| < 1: 20 terms give 1e-19).
    for (let m = 20; m >= 0; m--) {
      s1 = 1 / fact(m + 1) + z * s1;
      s2 = 1 / fact(m + 2) + z * s2;
      s3 = 1 / fact(m + 3) + z * s3;
    }
    out[0] = s1;
    out[1] = s2;
    out[2] = s3;
    return;
  }
  const em1 = Math.expm1(z);
  out[0] = em1 / z;
  out[1] = (em1 - z) / (z * z);
  out[2] = (em1 - z - 0.5 * z * z) / (z * z * z);
}

const FACT = (() => {
  const f = new Float64Array(30);
  f[0] = 1;
  for (let k = 1; k < 30; k++) f[k] = f[k - 1]! * k;
  return f;
})();
function fact(k: number): number {
  return FACT[k]!;
}

/**
 * The ETDRK4 integration of the lifted Riccati system for every node, recording
 * v0·Φ + κθ·I at each maturity. @internal
 */
export function liftedRiccati(p: RoughHestonParameters, kernel: LiftKernel, uRe: Float64Array, uIm: Float64Array, maturities: readonly number[], stepsPerYear: number, minSteps: number): { re: Float64Array; im: Float64Array } {
  const c = kernel.weights;
  const x = kernel.speeds;
  const n = c.length;
  const m = uRe.length;
  const nt = maturities.length;
  const outRe = new Float64Array(m * nt);
  const outIm = new Float64Array(m * nt);
  // Per maturity interval: the base step count, and coefficient sets for 2^level times as many
  // steps (built on demand for the high-frequency nodes).
  const spans: number[] = [];
  const baseSteps: number[] = [];
  const levels: EtdCoefficients[][] = [];
  for (let j = 0; j < nt; j++) {
    const dt = maturities[j]! - (j === 0 ? 0 : maturities[j - 1]!);
    spans.push(dt);
    baseSteps.push(Math.max(minSteps, Math.ceil(dt * stepsPerYear)));
    levels.push([]);
  }
  const coefficients = (j: number, level: number): EtdCoefficients => {
    const lv = levels[j]!;
    let co = lv[level];
    if (co === undefined) {
      co = etdCoefficients(c, x, spans[j]! / (baseSteps[j]! * 2 ** level));
      lv[level] = co;
    }
    return co;
  };
  const pr = new Float64Array(n);
  const pi = new Float64Array(n);
  const half = 0.5 * p.sigma * p.sigma;
  const kt = p.kappa * p.theta;
  for (let k = 0; k < m; k++) {
    const ur = uRe[k]!;
    const ui = uIm[k]!;
    // F(ψ) = a + bψ + half·ψ², a = −½(u² + iu), b = iρσu − κ.
    const ar = -0.5 * (ur * ur - ui * ui - ui);
    const ai = -0.5 * (2 * ur * ui + ur);
    const br = -p.rho * p.sigma * ui - p.kappa;
    const bi = p.rho * p.sigma * ur;
    pr.fill(0);
    pi.fill(0);
    let phr = 0;
    let phi_ = 0;
    let ir = 0;
    let ii = 0;
    // |A| = |√(b² − 4a·half)|, the modulus of F' at the stable root.
    const dr = br * br - bi * bi - 4 * half * ar;
    const di = 2 * br * bi - 4 * half * ai;
    // max(|A|, |b|): F' runs from b (at ψ = 0) to −A (at the stable root); |b| ≫ |A| for |ρ| → 1.
    const stiff = Math.max(Math.sqrt(Math.hypot(dr, di)), Math.hypot(br, bi));
    for (let j = 0; j < nt; j++) {
      // Refine until the explicit gain |A|·Σc_i·h·φ1(−x_i h) of a step is ≤ GAIN.
      let level = 0;
      let co = coefficients(j, 0);
      while (stiff * 2 * co.cq > GAIN && level < MAX_LEVEL) co = coefficients(j, ++level);
      const steps = baseSteps[j]! * 2 ** level;
      const { e, f1, f2, f3, cq, ceq } = co;
      const h6 = spans[j]! / steps / 6;
      for (let s = 0; s < steps; s++) {
        // S0 = Σcψ, P1 = Σc e ψ, P2 = Σc e² ψ.
        let s0r = 0;
        let s0i = 0;
        let p1r = 0;
        let p1i = 0;
        let p2r = 0;
        let p2i = 0;
        for (let i = 0; i < n; i++) {
          const ci = c[i]!;
          const ce = ci * e[i]!;
          const ce2 = ce * e[i]!;
          s0r += ci * pr[i]!;
          s0i += ci * pi[i]!;
          p1r += ce * pr[i]!;
          p1i += ce * pi[i]!;
          p2r += ce2 * pr[i]!;
          p2i += ce2 * pi[i]!;
        }
        // N0 = F(S0)
        const n0r = ar + br * s0r - bi * s0i + half * (s0r * s0r - s0i * s0i);
        const n0i = ai + br * s0i + bi * s0r + half * 2 * s0r * s0i;
        // Sa = P1 + cq·N0
        const sar = p1r + cq * n0r;
        const sai = p1i + cq * n0i;
        const nar = ar + br * sar - bi * sai + half * (sar * sar - sai * sai);
        const nai = ai + br * sai + bi * sar + half * 2 * sar * sai;
        // Sb = P1 + cq·Na
        const sbr = p1r + cq * nar;
        const sbi = p1i + cq * nai;
        const nbr = ar + br * sbr - bi * sbi + half * (sbr * sbr - sbi * sbi);
        const nbi = ai + br * sbi + bi * sbr + half * 2 * sbr * sbi;
        // Sc = Σc e a + cq(2Nb − N0) = P2 + ceq·N0 + cq(2Nb − N0)
        const scr = p2r + ceq * n0r + cq * (2 * nbr - n0r);
        const sci = p2i + ceq * n0i + cq * (2 * nbi - n0i);
        const ncr = ar + br * scr - bi * sci + half * (scr * scr - sci * sci);
        const nci = ai + br * sci + bi * scr + half * 2 * scr * sci;
        // Φ and I (x = 0 components: classical RK4 weights).
        phr += h6 * (n0r + 2 * (nar + nbr) + ncr);
        phi_ += h6 * (n0i + 2 * (nai + nbi) + nci);
        ir += h6 * (s0r + 2 * (sar + sbr) + scr);
        ii += h6 * (s0i + 2 * (sai + sbi) + sci);
        const mr = nar + nbr;
        const mi = nai + nbi;
        for (let i = 0; i < n; i++) {
          const e2 = e[i]! * e[i]!;
          pr[i] = e2 * pr[i]! + f1[i]! * n0r + 2 * f2[i]! * mr + f3[i]! * ncr;
          pi[i] = e2 * pi[i]! + f1[i]! * n0i + 2 * f2[i]! * mi + f3[i]! * nci;
        }
      }
      outRe[j * m + k] = p.v0 * phr + kt * ir;
      outIm[j * m + k] = p.v0 * phi_ + kt * ii;
    }
  }
  return { re: outRe, im: outIm };
}
