import type { HestonParameters } from '../../../src/processes/HestonParameters.js';
import { hestonCosStrikeSums, type HestonCosBackend } from '../../../src/kernels/heston.js';
import { autoTerms, cosStrikeGeometry } from '../cosHestonBatch.js';
import { hestonCfGradient } from './hestonCfGradient.js';
import { hestonCumulants } from './hestonCumulants.js';

/**
 * ∂P/∂(v0, κ, θ, σ, ρ) of the undiscounted COS put prices of a unit forward (spot 1, r = q = 0)
 * on a strike × maturity grid, by the same cosine expansion as `cosHestonBatch` with the
 * characteristic function replaced by its parameter derivative φ·∂ψ/∂p
 * ({@link hestonCfGradient}); the truncation range [α, β] and N are held at their values for
 * `params` (the derivative of the expansion, not of its range). Calls have the same gradient
 * (parity terms do not depend on the parameters).
 * Source: Cui, del Baño Rollin & Germano (2017) (the gradient of the characteristic function,
 * integrated like the price); Fang & Oosterlee (2008) (the COS sums).
 * @returns out: length 5·n·m, parameter-major: out[p·n·m + j·m + i].
 * @internal
 */
export function cosHestonPutGradient(strikes: Float64Array, expiries: Float64Array, params: HestonParameters, truncation: number, fixedTerms: number | 'auto', backend: HestonCosBackend): Float64Array {
  const m = strikes.length;
  const n = expiries.length;
  const out = new Float64Array(5 * n * m);
  const cf = new Float64Array(4);
  const dMinusAlpha = new Float64Array(m);
  const expD = new Float64Array(m);
  const cosTheta = new Float64Array(m);
  const sinTheta = new Float64Array(m);
  const logK = strikes.map((k) => Math.log(k));
  const row = new Float64Array(m);
  for (let j = 0; j < n; j++) {
    const t = expiries[j]!;
    const { c1, c2 } = hestonCumulants(t, 0, params);
    const half = truncation * Math.sqrt(Math.abs(c2));
    const alpha = c1 - half;
    const width = 2 * half;
    const terms = fixedTerms === 'auto' ? autoTerms(t, params, c2, width, cf) : fixedTerms;
    const a = Array.from({ length: 5 }, () => new Float64Array(terms));
    const b = Array.from({ length: 5 }, () => new Float64Array(terms));
    const c = Array.from({ length: 5 }, () => new Float64Array(terms));
    const sumB = new Float64Array(5);
    for (let k = 0; k < terms; k++) {
      const u = (k * Math.PI) / width;
      const { psi, gradient } = hestonCfGradient(u, t, params);
      // φ(u)·e^(−iuα) = exp(ψ − iuα).
      const mag = ((k === 0 ? 1 : 2) / width) * Math.exp(psi.re);
      const ph = psi.im - u * alpha;
      const cr = Math.cos(ph);
      const ci = Math.sin(ph);
      const den = 1 + u * u;
      for (let p = 0; p < 5; p++) {
        const g = gradient[p]!;
        const f = mag * (cr * g.re - ci * g.im);
        a[p]![k] = k === 0 ? f : f / u;
        b[p]![k] = f / den;
        c[p]![k] = (f * u) / den;
        sumB[p] = sumB[p]! + b[p]![k]!;
      }
    }
    cosStrikeGeometry(logK, alpha, width, dMinusAlpha, expD, cosTheta, sinTheta);
    for (let p = 0; p < 5; p++) {
      hestonCosStrikeSums(terms, a[p]!, b[p]!, c[p]!, m, strikes, dMinusAlpha, expD, cosTheta, sinTheta, 1, Math.exp(alpha) * sumB[p]!, 1, row, backend);
      out.set(row, p * n * m + j * m);
    }
  }
  return out;
}
