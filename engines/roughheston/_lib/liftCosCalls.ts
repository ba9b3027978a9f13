// Internal: European calls from any RoughHestonLogCf by the COS method (Fang & Oosterlee 2008,
// §3, put coefficients eq. (22)–(29), call by parity), one logCf call per maturity. Used by the
// lift and Padé tests and benchmarks; the pricing engine of issue 7 lives in branch rhadams.
// Never re-exported.
import type { RoughHestonParameters } from '../../../src/processes/RoughHestonParameters.js';
import type { RoughHestonLogCf } from '../RoughHestonLogCf.js';

export interface LiftCosOptions {
  /** Cosine terms per maturity; default 512. */
  readonly terms?: number;
  /** Half-width of the range in standard deviations of ln(S_T/F_T); default 16 (12 leaves 2e-4 on the T = 0.25, K = 130 published call: the rough density has a heavy tail). */
  readonly truncation?: number;
}

/**
 * Calls on a strike × maturity grid (maturity-major, j·m + i), flat rate r and yield q.
 * Range from the first two cumulants of ln(S_T/F_T), read off log φ at u = δ:
 * c1 ≈ Im log φ(δ)/δ, c2 ≈ −2 Re log φ(δ)/δ².
 */
export function liftCosCalls(logCf: RoughHestonLogCf, params: RoughHestonParameters, spot: number, strikes: readonly number[], maturities: readonly number[], rate: number, dividend: number, options: LiftCosOptions = {}): Float64Array {
  const N = options.terms ?? 512;
  const L = options.truncation ?? 16;
  const m = strikes.length;
  const out = new Float64Array(m * maturities.length);
  const delta = 1e-3;
  const small = logCf(params, Float64Array.of(delta), Float64Array.of(0), maturities);
  for (let j = 0; j < maturities.length; j++) {
    const T = maturities[j]!;
    const c1 = small.im[j]! / delta;
    const c2 = (-2 * small.re[j]!) / (delta * delta);
    const a = c1 - L * Math.sqrt(Math.abs(c2));
    const b = c1 + L * Math.sqrt(Math.abs(c2));
    const w = b - a;
    const u = new Float64Array(N);
    for (let k = 0; k < N; k++) u[k] = (k * Math.PI) / w;
    const cf = logCf(params, u, new Float64Array(N), [T]);
    // Re[φ(u_k) e^{−iu_k a}]
    const fk = new Float64Array(N);
    for (let k = 0; k < N; k++) {
      const mag = Math.exp(cf.re[k]!);
      fk[k] = (k === 0 ? 0.5 : 1) * mag * Math.cos(cf.im[k]! - u[k]! * a);
    }
    const F = spot * Math.exp((rate - dividend) * T);
    const df = Math.exp(-rate * T);
    for (let i = 0; i < m; i++) {
      const K = strikes[i]!;
      const d = Math.min(Math.max(Math.log(K / F), a), b);
      let sum = 0;
      for (let k = 0; k < N; k++) {
        const uk = u[k]!;
        const ud = uk * (d - a);
        const chi = (Math.cos(ud) * Math.exp(d) - Math.exp(a) + uk * Math.sin(ud) * Math.exp(d)) / (1 + uk * uk);
        const psi = k === 0 ? d - a : Math.sin(ud) / uk;
        sum += fk[k]! * (K * psi - F * chi);
      }
      const put = df * (2 / w) * sum;
      out[j * m + i] = put + spot * Math.exp(-dividend * T) - K * df;
    }
  }
  return out;
}
