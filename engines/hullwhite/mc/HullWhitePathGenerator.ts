import { checkFinite, checkInteger, checkNonNegative, checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import { MersenneTwister } from '../../montecarlo/MersenneTwister.js';
import { inverseNormalCdf } from '../../montecarlo/inverseNormalCdf.js';
import { hwB, hwIntegralVariance, hwStateVariance } from '../_lib/hullWhiteFormulas.js';

/**
 * Exact simulation of the Hull–White state x(t) and its integral I(t) = ∫_0^t x(s) ds on a time
 * grid, with pathwise discount factors D(0, t) = e^{−∫_0^t r}.
 *
 * @remarks
 * Over a step of length Δ, given x(t): x(t+Δ) = x(t)e^{−aΔ} + ε_x and
 * I(t+Δ) − I(t) = x(t)B(Δ) + ε_I, with (ε_x, ε_I) jointly Gaussian, mean 0,
 * Var ε_x = σ²(1 − e^{−2aΔ})/(2a), Var ε_I = V(Δ) = (σ²/a²)[Δ − 2B(Δ) + (1 − e^{−2aΔ})/(2a)],
 * Cov = σ²B(Δ)²/2, B(Δ) = (1 − e^{−aΔ})/a: no discretisation error at any step size. With
 * r = x + φ(t), e^{−∫_0^t φ} = P(0, t)e^{−½V(0, t)} (Brigo & Mercurio 2006, eq. 3.37–3.39), so
 * D(0, t) = P(0, t)·e^{−½V(0,t) − I(t)} and E[D(0, t)] = P(0, t) exactly.
 * Normals come from MT19937 by inversion (Acklam), antithetic pairs optional.
 *
 * Source: Brigo & Mercurio (2006), *Interest Rate Models — Theory and Practice*, 2nd ed.,
 * §3.3.1–3.3.2 (the joint law of r and ∫r); Glasserman (2004), *Monte Carlo Methods in Financial
 * Engineering*, §3.3.2 (exact simulation of Vasicek with the discount factor).
 * Checked against: `test/engines/hullwhite/mc/HullWhitePathGenerator.test.ts` (E[D(0,t)] = P(0,t)
 * and the moments of x within MC error; a European swaption against Jamshidian).
 *
 * @public
 */
export class HullWhitePathGenerator {
  /** The path times t_1 < … < t_n (> 0), years. */
  readonly times: Float64Array;
  private readonly decay: Float64Array;
  private readonly bStep: Float64Array;
  private readonly sx: Float64Array;
  private readonly rho: Float64Array;
  private readonly sI: Float64Array;
  private readonly logDriftDiscount: Float64Array;
  private readonly rng: MersenneTwister;
  private readonly z: Float64Array;
  private antitheticNext = false;

  /**
   * @param a - mean reversion, per year; finite, ≥ 0.
   * @param sigma - short-rate volatility, absolute per √year; finite, > 0.
   * @param discount - the curve's P(0, t), > 0 at every path time.
   * @param times - path times, strictly increasing, each > 0; length ≥ 1.
   * @param seed - MT19937 seed, integer ≥ 0; default 42.
   * @param antithetic - every second path mirrors the previous one's normals; default false.
   * @throws InvalidInputError for a bad a, σ, time list, seed or discount factor.
   */
  constructor(readonly a: number, readonly sigma: number, discount: (t: number) => number, times: ArrayLike<number>, seed = 42, readonly antithetic = false) {
    checkNonNegative('a', a);
    checkFinite('a', a);
    checkPositive('sigma', sigma);
    checkFinite('sigma', sigma);
    checkInteger('seed', seed, 0);
    if (times.length === 0) throw InvalidInputError.outOfRange('times.length', 0, '[1, ∞)');
    const n = times.length;
    this.times = Float64Array.from(times);
    this.decay = new Float64Array(n);
    this.bStep = new Float64Array(n);
    this.sx = new Float64Array(n);
    this.rho = new Float64Array(n);
    this.sI = new Float64Array(n);
    this.logDriftDiscount = new Float64Array(n);
    let prev = 0;
    for (let i = 0; i < n; i++) {
      const t = this.times[i] as number;
      if (!Number.isFinite(t) || !(t > prev)) throw InvalidInputError.outOfRange(`times[${i}]`, t, `(${prev}, ∞), strictly increasing`);
      const d = t - prev;
      const b = hwB(a, d);
      const vx = hwStateVariance(a, sigma, d);
      const vi = hwIntegralVariance(a, sigma, d);
      const cov = 0.5 * sigma * sigma * b * b;
      this.decay[i] = Math.exp(-a * d);
      this.bStep[i] = b;
      this.sx[i] = Math.sqrt(vx);
      const rho = cov / Math.sqrt(vx * vi);
      this.rho[i] = Math.min(1, Math.max(-1, rho));
      this.sI[i] = Math.sqrt(vi);
      const p = discount(t);
      if (!(p > 0) || !Number.isFinite(p)) throw InvalidInputError.outOfRange(`discount(${t})`, p, '(0, ∞)');
      this.logDriftDiscount[i] = Math.log(p) - 0.5 * hwIntegralVariance(a, sigma, t);
      prev = t;
    }
    this.rng = new MersenneTwister(seed);
    this.z = new Float64Array(2 * n);
  }

  /**
   * Draws the next path.
   * @param x - receives x(t_i), length ≥ n.
   * @param discounts - receives D(0, t_i) = e^{−∫_0^{t_i} r}, length ≥ n.
   */
  next(x: Float64Array, discounts: Float64Array): void {
    const n = this.times.length;
    const z = this.z;
    if (this.antithetic && this.antitheticNext) {
      for (let k = 0; k < 2 * n; k++) z[k] = -(z[k] as number);
    } else {
      for (let k = 0; k < 2 * n; k++) z[k] = inverseNormalCdf(uniformOpen(this.rng));
    }
    this.antitheticNext = this.antithetic && !this.antitheticNext;
    let xi = 0;
    let integral = 0;
    for (let i = 0; i < n; i++) {
      const z1 = z[2 * i] as number;
      const z2 = z[2 * i + 1] as number;
      const rho = this.rho[i] as number;
      integral += xi * (this.bStep[i] as number) + (this.sI[i] as number) * (rho * z1 + Math.sqrt(1 - rho * rho) * z2);
      xi = xi * (this.decay[i] as number) + (this.sx[i] as number) * z1;
      x[i] = xi;
      discounts[i] = Math.exp((this.logDriftDiscount[i] as number) - integral);
    }
  }
}

function uniformOpen(rng: MersenneTwister): number {
  let u = rng.nextUniform();
  while (u <= 0 || u >= 1) u = rng.nextUniform();
  return u;
}
