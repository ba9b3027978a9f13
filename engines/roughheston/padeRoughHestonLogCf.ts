import { InvalidInputError } from '../../src/errors.js';
import type { RoughHestonParameters } from '../../src/processes/RoughHestonParameters.js';
import type { RoughHestonLogCf } from './RoughHestonLogCf.js';
import { liftCheckNodes, liftCheckParams } from './_lib/liftChecks.js';
import { liftGamma, liftReciprocalGamma } from './_lib/liftGamma.js';
import { padeSolve } from './_lib/padeSolve.js';

/**
 * Options of {@link padeRoughHestonLogCf}.
 * @public
 */
export interface PadeRoughHestonOptions {
  /** The diagonal order (n, n) of the rational approximant, n an integer in [1, 6]; default [4, 4]. */
  readonly order?: readonly [number, number];
  /** Gauss–Legendre points per panel (9 panels) of the time integral, integer in [4, 64]; default 16. */
  readonly points?: number;
}

/**
 * The rational (Padé) route to the rough Heston log characteristic function of Gatheral &
 * Radoičić: a global rational approximation h^{(n,n)} of the fractional Riccati solution in
 * y = t^α, matched to n terms of its short-time series and n terms of its large-time expansion.
 *
 * @remarks
 * D^α h = F(h) = c0 + c1 h + c2 h², c0 = −½(u² + iu), c1 = iρσu − κ, c2 = ½σ², h(0) = 0.
 * Short time: h = Σ_j a_j y^{j+1}, a_0 = c0/Γ(1+α), a_j = Γ(1+jα)/Γ(1+(j+1)α)·
 * (c1 a_{j−1} + c2 Σ_{k+l=j−2} a_k a_l) (GR 2019, §3, with c1 carrying −κ).
 * Large time: with A = √(c1² − 4c0c2) (Re A ≥ 0) and the stable root r_− = (−c1 − A)/(2c2),
 * h ∼ Σ_k y_k y^{−k}, y_0 = r_−, y_k = [c2 Σ_{i+j=k; i,j≥1} y_i y_j − y_{k−1}Γ(1−(k−1)α)/Γ(1−kα)]/A
 * (GR 2019, §4, their γ_k = y_k A^kΓ(1−kα)/r_−; derived here for any c1; at H = 1/2 all y_k,
 * k ≥ 1, vanish, since h tends to r_− exponentially).
 * h^{(n,n)}(y) = Σ_{i=1}^n p_i y^i / (1 + Σ_{j=1}^n q_j y^j) matches y^1…y^n at 0 and y^n…y^1 at ∞:
 * n linear equations for q (solved with partial pivoting in the variable y/|r_−/a_0|), then p.
 * CF: log φ(T) = ∫₀ᵀ [κθ·h(s) + v0·F(h(s))] ds (El Euch & Rosenbaum 2019, Cor. 3.1:
 * κθ I¹h + v0 I^{1−α}h, I^{1−α}h = I¹D^α h), by composite Gauss–Legendre in w with s = T·w^{2/α}
 * (h is smooth in w) on 9 geometric panels [0, 2⁻⁸], …, [½, 1], shared by all nodes.
 * Mean reversion: GR (2019) treat λ = κ = 0 only; κ > 0 is the extension of Gatheral & Radoičić
 * (2023/24, "A generalization of the rational rough Heston approximation", arXiv:2310.09181),
 * whose fractional Riccati carries −λh as here. Accuracy is that of the approximant, not
 * controllable by a step: measured errors by order on the QuantLib test set are in
 * docs/models/rough-heston-routes.md. Warning: the approximant may have a pole on the positive
 * y axis for some nodes (GR 2019 §5 note it does not for the parameters they study); the error is
 * not estimated.
 * Source: J. Gatheral, R. Radoičić (2019), "Rational approximation of the rough Heston
 * solution", IJTAF 22(3), 1950010, §3–5.
 * Checked against: `test/engines/roughheston/padeRoughHestonLogCf.test.ts` (at H = 1/2 the
 * short-time series against the closed-form Heston CF, error O(T^{n+2}) falling with the order;
 * the published QuantLib rough Heston prices for (3,3)…(6,6); the 40-factor lift at κ = 0;
 * martingale φ(−i) = 1).
 *
 * @example
 * ```ts
 * import { padeRoughHestonLogCf } from 'quantflow';
 * const cf = padeRoughHestonLogCf({ order: [4, 4] });
 * const p = { v0: 0.04, kappa: 0, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 };
 * Math.abs(cf(p, Float64Array.of(0), Float64Array.of(-1), [1]).re[0]!) < 1e-10; //=> true
 * ```
 * @param options - the order (n, n) and the quadrature resolution.
 * @returns a {@link RoughHestonLogCf}, maturity-major, length uRe.length × maturities.length.
 * @throws InvalidInputError (from the factory) when the order is not diagonal with n ∈ [1, 6] or
 * points is outside [4, 64]; (from the returned function) when a parameter, node or maturity is
 * outside its range, or when the large-time expansion is degenerate at this H and order
 * ((k − 1)α an integer for some k < n: lower the order).
 * @public
 */
export function padeRoughHestonLogCf(options: PadeRoughHestonOptions = {}): RoughHestonLogCf {
  const order = options.order ?? [4, 4];
  const n = order[0];
  if (!Number.isInteger(n) || n < 1 || n > 6) throw InvalidInputError.outOfRange('order[0]', n, 'integers in [1, 6]');
  if (order[1] !== n) throw InvalidInputError.outOfRange('order[1]', order[1], `${n} (diagonal approximants only)`);
  const points = options.points ?? 16;
  if (!Number.isInteger(points) || points < 4 || points > 64) throw InvalidInputError.outOfRange('points', points, 'integers in [4, 64]');
  const gl = gaussLegendre01(points);
  return (params, uRe, uIm, maturities) => {
    const p = liftCheckParams(params);
    liftCheckNodes(uRe, uIm, maturities);
    const alpha = p.hurst + 0.5;
    const m = uRe.length;
    const nt = maturities.length;
    const re = new Float64Array(m * nt);
    const im = new Float64Array(m * nt);
    // Γ ratios of the two series, shared by all nodes.
    const shortRatio = new Float64Array(n);
    for (let j = 0; j < n; j++) shortRatio[j] = liftGamma(1 + j * alpha) / liftGamma(1 + (j + 1) * alpha);
    const longRatio = new Float64Array(n);
    // α = 1 (classical Heston): h → r_− exponentially fast, every power-law correction y_k is 0.
    for (let k = 1; k < n && alpha < 1; k++) {
      longRatio[k] = liftGamma(1 - (k - 1) * alpha) * liftReciprocalGamma(1 - k * alpha);
      if (!Number.isFinite(longRatio[k]!)) throw InvalidInputError.outOfRange('params.hurst', p.hurst, `values with (k − 1)α not an integer for k < ${n} (large-time expansion of order (${n}, ${n}) degenerate; use a lower order)`);
    }
    const c2 = 0.5 * p.sigma * p.sigma;
    const kt = p.kappa * p.theta;
    const coef = new Float64Array(4 * n + 2);
    // Per maturity: y = s^α and weights of ∫₀ᵀ ds on s = T·w^{2/α}, w on PANELS geometric panels
    // [0, 2^−PANELS+1], …, [1/2, 1] (the short/long-time crossover of high frequencies sits near
    // w ~ 0.04, of low ones beyond 1).
    const quad = maturities.map((T) => {
      const y = new Float64Array(PANELS * gl.x.length);
      const w = new Float64Array(PANELS * gl.x.length);
      let idx = 0;
      for (let q = 0; q < PANELS; q++) {
        const w1 = Math.pow(2, q - PANELS + 1);
        const w0 = q === 0 ? 0 : w1 / 2;
        const mid = 0.5 * (w0 + w1);
        const hw = 0.5 * (w1 - w0);
        for (let g = 0; g < gl.x.length; g++) {
          const wv = mid + hw * gl.x[g]!;
          const sv = T * Math.pow(wv, 2 / alpha);
          y[idx] = Math.pow(sv, alpha);
          w[idx] = hw * gl.w[g]! * ((T * 2) / alpha) * Math.pow(wv, 2 / alpha - 1);
          idx++;
        }
      }
      return { y, w };
    });
    for (let k = 0; k < m; k++) {
      const ur = uRe[k]!;
      const ui = uIm[k]!;
      const c0r = -0.5 * (ur * ur - ui * ui - ui);
      const c0i = -0.5 * (2 * ur * ui + ur);
      const c1r = -p.rho * p.sigma * ui - p.kappa;
      const c1i = p.rho * p.sigma * ur;
      if (c0r === 0 && c0i === 0) continue; // u = 0 or u = −i: h ≡ 0, log φ = 0.
      const scale = padeCoefficients(n, c0r, c0i, c1r, c1i, c2, shortRatio, longRatio, coef);
      const invScale = 1 / scale;
      for (let j = 0; j < nt; j++) {
        const ys = quad[j]!;
        let sr = 0;
        let si = 0;
        for (let g = 0; g < ys.y.length; g++) {
          const [hr, hi] = evalRational(n, coef, ys.y[g]! * invScale);
          // F(h) = c0 + c1 h + c2 h²
          const fr = c0r + c1r * hr - c1i * hi + c2 * (hr * hr - hi * hi);
          const fi = c0i + c1r * hi + c1i * hr + c2 * 2 * hr * hi;
          const wt = ys.w[g]!;
          sr += wt * (kt * hr + p.v0 * fr);
          si += wt * (kt * hi + p.v0 * fi);
        }
        re[j * m + k] = sr;
        im[j * m + k] = si;
      }
    }
    return { re, im };
  };
}

/** Number of geometric panels of the time quadrature in w. */
const PANELS = 9;

/**
 * Writes p_1…p_n (re, im interleaved, at 0…2n−1) and q_1…q_n (at 2n…4n−1) of the approximant in
 * the scaled variable z = y/scale, and returns scale = |r_−/a_0|. @internal
 */
export function padeCoefficients(n: number, c0r: number, c0i: number, c1r: number, c1i: number, c2: number, shortRatio: Float64Array, longRatio: Float64Array, out: Float64Array): number {
  // Short-time a_j.
  const ar = new Float64Array(n);
  const ai = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let br = 0;
    let bi = 0;
    if (j === 0) {
      br = c0r;
      bi = c0i;
    } else {
      br = c1r * ar[j - 1]! - c1i * ai[j - 1]!;
      bi = c1r * ai[j - 1]! + c1i * ar[j - 1]!;
      for (let l = 0; l <= j - 2; l++) {
        const r = j - 2 - l;
        br += c2 * (ar[l]! * ar[r]! - ai[l]! * ai[r]!);
        bi += c2 * (ar[l]! * ai[r]! + ai[l]! * ar[r]!);
      }
    }
    ar[j] = shortRatio[j]! * br;
    ai[j] = shortRatio[j]! * bi;
  }
  // A = √(c1² − 4 c0 c2), principal root (Re A ≥ 0); r_− = (−c1 − A)/(2c2).
  const dr = c1r * c1r - c1i * c1i - 4 * c2 * c0r;
  const di = 2 * c1r * c1i - 4 * c2 * c0i;
  const mod = Math.hypot(dr, di);
  let Ar = Math.sqrt(0.5 * (mod + dr));
  let Ai = Math.sqrt(Math.max(0, 0.5 * (mod - dr)));
  if (di < 0) Ai = -Ai;
  if (Ar < 0) {
    Ar = -Ar;
    Ai = -Ai;
  }
  const Amod2 = Ar * Ar + Ai * Ai;
  // Large-time y_k (y_0 = r_−).
  const yr = new Float64Array(n);
  const yi = new Float64Array(n);
  yr[0] = (-c1r - Ar) / (2 * c2);
  yi[0] = (-c1i - Ai) / (2 * c2);
  for (let k = 1; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let i = 1; i < k; i++) {
      const j = k - i;
      sr += yr[i]! * yr[j]! - yi[i]! * yi[j]!;
      si += yr[i]! * yi[j]! + yi[i]! * yr[j]!;
    }
    const nr = c2 * sr - longRatio[k]! * yr[k - 1]!;
    const ni = c2 * si - longRatio[k]! * yi[k - 1]!;
    // divide by A
    yr[k] = (nr * Ar + ni * Ai) / Amod2;
    yi[k] = (ni * Ar - nr * Ai) / Amod2;
  }
  const scale = Math.hypot(yr[0]!, yi[0]!) / Math.hypot(ar[0]!, ai[0]!);
  // Scaled: ã_j = a_j·scale^{j+1}, ỹ_k = y_k·scale^{−k}.
  for (let j = 0; j < n; j++) {
    const f = Math.pow(scale, j + 1);
    ar[j] = ar[j]! * f;
    ai[j] = ai[j]! * f;
    const g = Math.pow(scale, -j);
    yr[j] = yr[j]! * g;
    yi[j] = yi[j]! * g;
  }
  // Rows l = 0…n−1: Σ_{j=1}^{n−l−1} q_j ã_{n−l−1−j} − Σ_{j=n−l}^{n} q_j ỹ_{j−n+l} = −ã_{n−l−1}.
  const M = new Float64Array(2 * n * n);
  const rhs = new Float64Array(2 * n);
  for (let l = 0; l < n; l++) {
    for (let j = 1; j <= n; j++) {
      let vr = 0;
      let vi = 0;
      if (j <= n - l - 1) {
        vr = ar[n - l - 1 - j]!;
        vi = ai[n - l - 1 - j]!;
      } else {
        vr = -yr[j - n + l]!;
        vi = -yi[j - n + l]!;
      }
      M[2 * (l * n + j - 1)] = vr;
      M[2 * (l * n + j - 1) + 1] = vi;
    }
    rhs[2 * l] = -ar[n - l - 1]!;
    rhs[2 * l + 1] = -ai[n - l - 1]!;
  }
  const q = padeSolve(n, M, rhs);
  // p_k = Σ_{j=0}^{k−1} q_j ã_{k−1−j}, q_0 = 1.
  for (let k = 1; k <= n; k++) {
    let pr = ar[k - 1]!;
    let pi = ai[k - 1]!;
    for (let j = 1; j < k; j++) {
      const qr = q[2 * (j - 1)]!;
      const qi = q[2 * (j - 1) + 1]!;
      pr += qr * ar[k - 1 - j]! - qi * ai[k - 1 - j]!;
      pi += qr * ai[k - 1 - j]! + qi * ar[k - 1 - j]!;
    }
    out[2 * (k - 1)] = pr;
    out[2 * (k - 1) + 1] = pi;
  }
  for (let j = 0; j < 2 * n; j++) out[2 * n + j] = q[j]!;
  return scale;
}

/** h^{(n,n)} at the scaled z (Horner in z for numerator and denominator). */
function evalRational(n: number, coef: Float64Array, z: number): [number, number] {
  let nr = 0;
  let ni = 0;
  let dr = 0;
  let di = 0;
  for (let k = n; k >= 1; k--) {
    nr = (nr + coef[2 * (k - 1)]!) * z;
    ni = (ni + coef[2 * (k - 1) + 1]!) * z;
    dr = (dr + coef[2 * n + 2 * (k - 1)]!) * z;
    di = (di + coef[2 * n + 2 * (k - 1) + 1]!) * z;
  }
  dr += 1;
  const d2 = dr * dr + di * di;
  return [(nr * dr + ni * di) / d2, (ni * dr - nr * di) / d2];
}

/** Gauss–Legendre nodes and weights on [−1, 1] by Newton on the Legendre recurrence. */
function gaussLegendre01(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}
