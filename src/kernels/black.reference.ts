import { refExp, refGauss, refLog, refNormalCdf, refNormalCdfScaled } from './_lib/referenceMath.js';
import type { BlackScholesBatchOutputs } from './black.js';

const INV_SQRT_2PI = 0.3989422804014326779;

/** An input column: length n, or length 1 (broadcast). */
type Column = Float64Array | Int8Array;

/** Below this σ√T the zero-vol limit is used (as in kernels/black.ts). */
const SD_MIN = 1e-100;

/**
 * Generalized Black–Scholes–Merton price and Greeks over struct-of-arrays inputs, in plain
 * TypeScript: the oracle for the WebAssembly kernels and their fallback.
 *
 * @remarks
 * The same algorithm, approximations and operation order as `kernels/black.ts` (its own exp,
 * log and Cody-erfc-based Φ from `_lib/referenceMath.ts`), so it agrees with the scalar and
 * SIMD WebAssembly loops to the last few bits. No validation: callers
 * ({@link blackScholesBatch}) validate once at the boundary.
 *
 * V = ω(S·e^(−qT)·Φ(ωd1) − K·e^(−rT)·Φ(ωd2)), d1,2 = (ln(S/K) + (r−q)T)/(σ√T) ± σ√T/2.
 * The Gaussian factor of the d2 term is not computed again: K·e^(−rT)·φ(d2) = S·e^(−qT)·φ(d1).
 * Greeks in QuantLib conventions: vega per 1.00 of vol, theta = dV/dt per year (calendar
 * time), rho and dividend rho per 1.00. σ√T ≤ 1e-100 gives the limit (discounted intrinsic value
 * on the forward; gamma is +∞ exactly at the forward).
 *
 * Source: F. Black, M. Scholes (1973), J. Political Economy 81(3); R. C. Merton (1973), Bell
 * J. Econ. 4(1); E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed. (2007),
 * §1.1.6 (generalized BSM) and §2.1 (Greeks).
 *
 * Checked against: QuantLib 1.29 AnalyticEuropeanEngine values (test/reference), and the
 * WebAssembly kernels on 10^5 random inputs.
 *
 * @param n - number of options.
 * @param S - spots (or forwards for Black-76), length n or 1; > 0.
 * @param K - strikes, length n or 1; > 0.
 * @param T - expiries in years, length n or 1; ≥ 0.
 * @param r - continuously compounded risk-free rates, length n or 1.
 * @param q - continuous dividend yields, length n or 1 (q = r for Black-76).
 * @param vol - Black volatilities (0.2 = 20 %), length n or 1; ≥ 0.
 * @param w - option types, +1 call / −1 put, length n or 1.
 * @param out - output columns, each of length ≥ n.
 * @internal
 */
export function blackScholesReference(
  n: number,
  S: Column, K: Column, T: Column, r: Column, q: Column, vol: Column, w: Column,
  out: BlackScholesBatchOutputs,
): void {
  const sS = S.length === 1 ? 0 : 1;
  const sK = K.length === 1 ? 0 : 1;
  const sT = T.length === 1 ? 0 : 1;
  const sR = r.length === 1 ? 0 : 1;
  const sQ = q.length === 1 ? 0 : 1;
  const sV = vol.length === 1 ? 0 : 1;
  const sW = w.length === 1 ? 0 : 1;
  const { prices, deltas, gammas, vegas, thetas, rhos, dividendRhos } = out;
  for (let i = 0; i < n; i++) {
    const s = S[i * sS];
    const k = K[i * sK];
    const t = T[i * sT];
    const rr = r[i * sR];
    const qq = q[i * sQ];
    const v = vol[i * sV];
    const om = w[i * sW];
    const sqrtT = Math.sqrt(t);
    const sd = v * sqrtT;
    const Df = refExp(-rr * t);
    const Dq = qq === rr ? Df : refExp(-qq * t);
    const Sq = s * Dq;
    const Kr = k * Df;
    if (sd > SD_MIN) {
      const d1 = (refLog(s / k) + (rr - qq) * t) / sd + 0.5 * sd;
      const d2 = d1 - sd;
      const g1 = refGauss(d1);
      const N1 = refNormalCdf(om * d1, g1);
      const pdf = INV_SQRT_2PI * g1;
      const a = Sq * N1;
      // K·e^(−rT)·φ(d2) = S·e^(−qT)·φ(d1) (d1·σ√T − σ²T/2 = ln(F/K)): d2's tail reuses g1.
      const b = refNormalCdfScaled(om * d2, Kr, Sq * g1);
      prices[i] = Math.max(om * (a - b), 0);
      deltas[i] = om * Dq * N1;
      gammas[i] = (Dq * pdf) / (s * sd);
      vegas[i] = Sq * pdf * sqrtT;
      thetas[i] = -(Sq * pdf * v) / (2 * sqrtT) + om * (qq * a - rr * b);
      rhos[i] = om * t * b;
      dividendRhos[i] = -om * t * a;
    } else {
      const sg = Sq > Kr ? 1 : Sq < Kr ? -1 : 0;
      const ws = om * sg;
      const N = ws > 0 ? 1 : ws < 0 ? 0 : 0.5;
      const atm = sg === 0;
      const pdf = atm ? INV_SQRT_2PI : 0;
      const a = Sq * N;
      const b = Kr * N;
      let volTerm = 0;
      if (atm && v > 0) volTerm = t > 0 ? -(Sq * pdf * v) / (2 * sqrtT) : -Infinity;
      prices[i] = Math.max(om * (Sq - Kr), 0);
      deltas[i] = om * Dq * N;
      gammas[i] = atm ? Infinity : 0;
      vegas[i] = Sq * pdf * sqrtT;
      thetas[i] = volTerm + om * (qq * a - rr * b);
      rhos[i] = om * t * b;
      dividendRhos[i] = -om * t * a;
    }
  }
}
