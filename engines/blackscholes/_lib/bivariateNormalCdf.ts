// Internal: bivariate standard normal CDF by Genz's method. Never re-exported.
import { normalCdf } from '../../../src/math/distributions/normalCdf.js';
import { gaussLegendre } from './gaussLegendre.js';

const GL6 = gaussLegendre(6);
const GL12 = gaussLegendre(12);
const GL20 = gaussLegendre(20);
const TWO_PI = 2 * Math.PI;

/**
 * M(a, b; ρ) = P(X ≤ a, Y ≤ b) for standard normals with correlation ρ ∈ [−1, 1].
 *
 * Source: A. Genz (2004), "Numerical computation of rectangular bivariate and trivariate normal
 * and t probabilities", Statistics and Computing 14, 251–260 (Drezner–Wesolowsky integral with
 * 6/12/20-point Gauss–Legendre by |ρ|, and the series near |ρ| = 1); double-precision accuracy.
 */
export function bivariateNormalCdf(a: number, b: number, rho: number): number {
  return upper(-a, -b, rho);
}

/** P(X > h, Y > k). */
function upper(h: number, k: number, r: number): number {
  const ar = Math.abs(r);
  const gl = ar < 0.3 ? GL6 : ar < 0.75 ? GL12 : GL20;
  const n = gl.x.length;
  let hk = h * k;
  let bvn = 0;
  if (ar < 0.925) {
    const hs = (h * h + k * k) / 2;
    const asr = Math.asin(r);
    for (let i = 0; i < n; i++) {
      const sn = Math.sin((asr * (gl.x[i]! + 1)) / 2);
      bvn += gl.w[i]! * Math.exp((sn * hk - hs) / (1 - sn * sn));
    }
    return (bvn * asr) / (2 * TWO_PI) + normalCdf(-h) * normalCdf(-k);
  }
  if (r < 0) {
    k = -k;
    hk = -hk;
  }
  if (ar < 1) {
    const as = (1 - r) * (1 + r);
    let A = Math.sqrt(as);
    const bs = (h - k) * (h - k);
    const c = (4 - hk) / 8;
    const d = (12 - hk) / 16;
    bvn = A * Math.exp(-(bs / as + hk) / 2) * (1 - (c * (bs - as) * (1 - (d * bs) / 5)) / 3 + (c * d * as * as) / 5);
    if (hk > -160) {
      const B = Math.sqrt(bs);
      bvn -= Math.exp(-hk / 2) * Math.sqrt(TWO_PI) * normalCdf(-B / A) * B * (1 - (c * bs * (1 - (d * bs) / 5)) / 3);
    }
    A /= 2;
    for (let i = 0; i < n; i++) {
      const xs = (A * (gl.x[i]! + 1)) ** 2;
      const rs = Math.sqrt(1 - xs);
      bvn += A * gl.w[i]! * (Math.exp(-bs / (2 * xs) - hk / (1 + rs)) / rs - Math.exp(-(bs / xs + hk) / 2) * (1 + c * xs * (1 + d * xs)));
    }
    bvn = -bvn / TWO_PI;
  }
  if (r > 0) return bvn + normalCdf(-Math.max(h, k));
  bvn = -bvn;
  if (k > h) bvn += normalCdf(k) - normalCdf(h);
  return Math.max(0, bvn);
}
