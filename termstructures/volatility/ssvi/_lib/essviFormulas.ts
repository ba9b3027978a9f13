// Internal: eSSVI total variance and its analytic derivatives in the (θ, ψ, c = ρψ) coordinates,
// the butterfly function g from w and its k-derivatives, and a monotone cubic in T.

/**
 * w(k) = ½(θ + ck + S), S = √(ψ²k² + 2cθk + θ²), the SSVI slice of Gatheral–Jacquier (2014,
 * eq. 4.1) written with ψ = θφ and c = ρψ (Hendriks–Martini 2019, eq. 2.2), and its partial
 * derivatives: w_k, w_kk, and w_θ, w_ψ, w_c at fixed k.
 * @internal
 */
export interface EssviPoint {
  w: number;
  dwdk: number;
  d2wdk2: number;
  dwdtheta: number;
  dwdpsi: number;
  dwdc: number;
}

/** @internal */
export function essviPoint(k: number, theta: number, psi: number, c: number, out: EssviPoint): EssviPoint {
  const s2 = psi * psi * k * k + 2 * c * theta * k + theta * theta;
  const s = Math.sqrt(s2);
  out.w = 0.5 * (theta + c * k + s);
  if (!(s > 0)) {
    out.dwdk = 0.5 * c;
    out.d2wdk2 = 0;
    out.dwdtheta = 0.5;
    out.dwdpsi = 0;
    out.dwdc = 0.5 * k;
    return out;
  }
  out.dwdk = 0.5 * (c + (psi * psi * k + c * theta) / s);
  // ψ²S² − (ψ²k + cθ)² = θ²(ψ² − c²)
  out.d2wdk2 = (0.5 * theta * theta * Math.max(psi * psi - c * c, 0)) / (s2 * s);
  out.dwdtheta = 0.5 * (1 + (c * k + theta) / s);
  out.dwdpsi = (0.5 * psi * k * k) / s;
  out.dwdc = 0.5 * k * (1 + theta / s);
  return out;
}

/**
 * Gatheral–Jacquier's g(k) = (1 − k w′/(2w))² − (w′²/4)(1/w + 1/4) + w″/2 (2014, eq. 2.1) from w
 * and its k-derivatives; −∞ where w ≤ 0.
 * @internal
 */
export function gFromDerivatives(k: number, w: number, w1: number, w2: number): number {
  if (!(w > 0)) return -Infinity;
  const t = 1 - (k * w1) / (2 * w);
  return t * t - ((w1 * w1) / 4) * (1 / w + 0.25) + w2 / 2;
}

/**
 * A C¹ monotone cubic Hermite interpolant through (x_i, y_i), x strictly increasing, y
 * non-decreasing: interior slopes by Fritsch–Butland's weighted harmonic mean of the adjacent
 * secants (0 where a secant is 0), end slopes the end secants; linear beyond the last node with
 * the end slope. Monotone by Fritsch–Carlson (1980), Thm. 2 (slope/secant ratios in [0, 3]).
 * Source: F. N. Fritsch, R. E. Carlson (1980), SIAM J. Numer. Anal. 17(2), 238–246; F. N.
 * Fritsch, J. Butland (1984), SIAM J. Sci. Stat. Comput. 5(2), 300–304.
 * @internal
 */
export class MonotoneCubic {
  readonly x: Float64Array;
  readonly y: Float64Array;
  private readonly m: Float64Array;

  constructor(x: ArrayLike<number>, y: ArrayLike<number>) {
    this.x = Float64Array.from(x);
    this.y = Float64Array.from(y);
    const n = this.x.length;
    const d = new Float64Array(n - 1);
    for (let i = 0; i < n - 1; i++) d[i] = ((this.y[i + 1] as number) - (this.y[i] as number)) / ((this.x[i + 1] as number) - (this.x[i] as number));
    this.m = new Float64Array(n);
    this.m[0] = d[0] as number;
    this.m[n - 1] = d[n - 2] as number;
    for (let i = 1; i < n - 1; i++) {
      const d0 = d[i - 1] as number;
      const d1 = d[i] as number;
      if (!(d0 > 0 && d1 > 0)) {
        this.m[i] = 0;
        continue;
      }
      const h0 = (this.x[i] as number) - (this.x[i - 1] as number);
      const h1 = (this.x[i + 1] as number) - (this.x[i] as number);
      this.m[i] = (3 * (h0 + h1)) / ((2 * h1 + h0) / d0 + (h1 + 2 * h0) / d1);
    }
  }

  /** Index i of the segment [x_i, x_{i+1}] holding t (clamped to the first and last). */
  segment(t: number): number {
    const x = this.x;
    let lo = 0;
    let hi = x.length - 1;
    if (t <= (x[0] as number)) return 0;
    if (t >= (x[hi] as number)) return hi - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((x[mid] as number) <= t) lo = mid;
      else hi = mid;
    }
    return lo;
  }

  /** Value and first derivative at t (beyond the last node: linear with the end slope). */
  valueAndDerivative(t: number, out: { value: number; derivative: number }): void {
    const n = this.x.length;
    const xl = this.x[n - 1] as number;
    if (t >= xl) {
      out.derivative = this.m[n - 1] as number;
      out.value = (this.y[n - 1] as number) + out.derivative * (t - xl);
      return;
    }
    const i = this.segment(t);
    const x0 = this.x[i] as number;
    const h = (this.x[i + 1] as number) - x0;
    const s = (t - x0) / h;
    const y0 = this.y[i] as number;
    const y1 = this.y[i + 1] as number;
    const m0 = this.m[i] as number;
    const m1 = this.m[i + 1] as number;
    const s2 = s * s;
    const s3 = s2 * s;
    out.value = (2 * s3 - 3 * s2 + 1) * y0 + (s3 - 2 * s2 + s) * h * m0 + (-2 * s3 + 3 * s2) * y1 + (s3 - s2) * h * m1;
    out.derivative = ((6 * s2 - 6 * s) * (y0 - y1)) / h + (3 * s2 - 4 * s + 1) * m0 + (3 * s2 - 2 * s) * m1;
  }
}
