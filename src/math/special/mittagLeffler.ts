import { InvalidInputError } from '../../errors.js';
import { Complex } from '../complex/Complex.js';
import { GAUSS_WEIGHTS, KRONROD_NODES, KRONROD_WEIGHTS } from '../integration/_lib/kronrod15.js';

/**
 * The two-parameter Mittag-Leffler function E_{α,β}(z) = Σ_{k≥0} z^k / Γ(αk + β) at real z.
 *
 * @remarks
 * See {@link mittagLefflerComplex} for the method; this is its real part at Im z = 0 (the
 * imaginary part is zero for real z). E_{1,1}(z) = eᶻ, E_{2,1}(−z²) = cos z,
 * E_{1/2,1}(z) = e^{z²} erfc(−z); E_{α,1}(−λt^α) solves the relaxation equation D^α h = −λh.
 * @param alpha - α ∈ (0, 2].
 * @param beta - β, real, finite.
 * @param z - the argument, finite.
 * @returns E_{α,β}(z).
 * @throws InvalidInputError when α, β or z is outside its range.
 * @public
 */
export function mittagLeffler(alpha: number, beta: number, z: number): number {
  return mittagLefflerComplex(alpha, beta, new Complex(z, 0)).re;
}

/**
 * The two-parameter Mittag-Leffler function E_{α,β}(z) at complex z, to ≈ 1e-13 relative (or
 * absolute where |E| < 1).
 *
 * @remarks
 * Two methods. (1) The power series Σ z^k/Γ(αk + β) for |z|^{1/α} ≤ 12, accepted when its
 * largest term is ≤ max(20·|sum|, 2) (rounding then costs ≤ ~5e-15); the cancellation of the
 * series for z far on the negative side rules it out there. (2) Otherwise the inverse-Laplace
 * (Hankel-contour) representation E_{α,β}(z) = (1/2πi) ∫_H e^s s^{α−β}/(s^α − z) ds
 * (Gorenflo, Loutchko & Luchko 2002, eq. (2.4); Garrappa 2015, eq. (2.2)) on two rays
 * arg s = ±θ, θ ∈ [0.6π, π] chosen away from the poles s_k = z^{1/α} e^{2πik/α} (|arg s_k| < π),
 * plus the residues (1/α) s_k^{1−β} e^{s_k} of the poles with |arg s_k| < θ (the
 * asymptotic term of GLL's Theorem 2.1). The rays are integrated by adaptive Gauss–Kronrod after
 * r = x^m, m = 1/(α − β + 1), which removes the endpoint singularity r^{α−β}. β ≥ α + 0.9 is first
 * lowered by E_{α,β}(z) = (E_{α,β−α}(z) − 1/Γ(β−α))/z. Γ is Stirling's series after an upward shift.
 * Not for the hot loops (≈ 10–100 µs per value off the series region).
 * Source: R. Gorenflo, J. Loutchko, Yu. Luchko (2002), "Computation of the Mittag-Leffler
 * function E_{α,β}(z) and its derivative", Fract. Calc. Appl. Anal. 5(4), 491–518; R. Garrappa
 * (2015), "Numerical evaluation of two and three parameter Mittag-Leffler functions", SIAM J.
 * Numer. Anal. 53(3), 1350–1369.
 * Checked against: `test/math/special/mittagLeffler.test.ts` (eᶻ, cos, e^{z²}erfc(−z), the two
 * methods against each other where both apply, the recurrence in β).
 *
 * @example
 * ```ts
 * import { Complex, mittagLefflerComplex } from 'quantflow';
 * mittagLefflerComplex(1, 1, new Complex(0, Math.PI)).re.toFixed(12); //=> '-1.000000000000'
 * ```
 * @param alpha - α ∈ (0, 2].
 * @param beta - β, real, finite.
 * @param z - the argument, finite.
 * @returns E_{α,β}(z) as a {@link Complex}.
 * @throws InvalidInputError when α, β or z is outside its range.
 * @public
 */
export function mittagLefflerComplex(alpha: number, beta: number, z: Complex): Complex {
  if (!(alpha > 0 && alpha <= 2)) throw InvalidInputError.outOfRange('alpha', alpha, '(0, 2]');
  if (!Number.isFinite(beta)) throw InvalidInputError.outOfRange('beta', beta, '(-∞, ∞), finite');
  if (!Number.isFinite(z.re) || !Number.isFinite(z.im)) throw InvalidInputError.outOfRange('z', `${z.re} + ${z.im}i`, 'finite complex numbers');
  return ml(alpha, beta, z);
}

function ml(alpha: number, beta: number, z: Complex): Complex {
  const r = z.abs();
  if (r === 0) return new Complex(reciprocalGamma(beta), 0);
  if (Math.pow(r, 1 / alpha) <= 12) {
    const s = series(alpha, beta, z);
    if (s !== undefined) return s;
  }
  if (beta >= alpha + 0.9) {
    const lower = ml(alpha, beta - alpha, z);
    return lower.sub(new Complex(reciprocalGamma(beta - alpha), 0)).div(z);
  }
  return contour(alpha, beta, z);
}

function series(alpha: number, beta: number, z: Complex): Complex | undefined {
  let sRe = 0;
  let sIm = 0;
  let pRe = 1; // z^k
  let pIm = 0;
  let maxTerm = 0;
  const decay = Math.pow(z.abs(), 1 / alpha) + 2;
  for (let k = 0; k < 1000; k++) {
    const g = reciprocalGamma(alpha * k + beta);
    const tRe = pRe * g;
    const tIm = pIm * g;
    sRe += tRe;
    sIm += tIm;
    const t = Math.hypot(tRe, tIm);
    if (t > maxTerm) maxTerm = t;
    // Terms decrease once αk + β exceeds |z|^{1/α}; stop when negligible.
    if (alpha * k + beta > decay && t <= 1e-17 * Math.hypot(sRe, sIm)) break;
    const nRe = pRe * z.re - pIm * z.im;
    pIm = pRe * z.im + pIm * z.re;
    pRe = nRe;
  }
  const sum = Math.hypot(sRe, sIm);
  if (maxTerm > 20 * sum && maxTerm > 2) return undefined;
  return new Complex(sRe, sIm);
}

function contour(alpha: number, beta: number, z: Complex): Complex {
  const rz = z.abs();
  const argz = z.arg();
  const poleRadius = Math.pow(rz, 1 / alpha);
  const poleAngles: number[] = [];
  for (let k = -2; k <= 2; k++) {
    const a = (argz + 2 * Math.PI * k) / alpha;
    if (Math.abs(a) < Math.PI + 0.5) poleAngles.push(a);
  }
  // The ray angle farthest (in angle) from every pole; π when nothing is near it.
  let theta = Math.PI;
  let best = -1;
  for (const cand of [1, 0.92, 0.84, 0.76, 0.68, 0.6]) {
    const th = cand * Math.PI;
    let d = Infinity;
    for (const a of poleAngles) d = Math.min(d, Math.abs(Math.abs(a) - th));
    if (d > 0.15 * Math.PI) {
      theta = th;
      best = d;
      break;
    }
    if (d > best) {
      best = d;
      theta = th;
    }
  }
  let re = 0;
  let im = 0;
  for (const a of poleAngles) {
    if (Math.abs(a) < theta && Math.abs(a) < Math.PI) {
      // (1/α) s^{1−β} e^{s}, s = ρe^{ia}.
      const sr = poleRadius * Math.cos(a);
      const si = poleRadius * Math.sin(a);
      const mag = Math.exp(sr) * Math.pow(poleRadius, 1 - beta) / alpha;
      const ph = si + (1 - beta) * a;
      re += mag * Math.cos(ph);
      im += mag * Math.sin(ph);
    }
  }
  const m = 1 / (alpha - beta + 1);
  const cosT = Math.cos(theta);
  const rMax = Math.max(44 / -cosT, 2 * poleRadius);
  const xMax = Math.pow(rMax, 1 / m);
  // F_φ(x) = m e^{s} e^{i(α−β+1)φ}/(s^α − z), s = x^m e^{iφ}; E = (1/2πi)∫(F_θ − F_{−θ}).
  const F = (x: number, phi: number, out: Float64Array): void => {
    const rr = Math.pow(x, m);
    const ra = Math.pow(rr, alpha);
    const dRe = ra * Math.cos(alpha * phi) - z.re;
    const dIm = ra * Math.sin(alpha * phi) - z.im;
    const mag = m * Math.exp(rr * Math.cos(phi));
    const ph = rr * Math.sin(phi) + (alpha - beta + 1) * phi;
    const nRe = mag * Math.cos(ph);
    const nIm = mag * Math.sin(ph);
    const den = dRe * dRe + dIm * dIm;
    out[0] = (nRe * dRe + nIm * dIm) / den;
    out[1] = (nIm * dRe - nRe * dIm) / den;
  };
  const a = new Float64Array(2);
  const b = new Float64Array(2);
  // Breakpoints at the poles' radius (in x) keep the near-pole peak inside one piece.
  const xPole = Math.pow(poleRadius, 1 / m);
  const cuts = [0];
  if (xPole < xMax) cuts.push(xPole);
  cuts.push(xMax);
  let intRe = 0;
  let intIm = 0;
  for (let c = 0; c + 1 < cuts.length; c++) {
    // (F_θ − F_{−θ})/(2πi) = (ΔIm − iΔRe)/(2π), Δ = F_θ − F_{−θ}.
    const [vr, vi] = complexKronrod(
      (x, out) => {
        F(x, theta, a);
        F(x, -theta, b);
        out[0] = (a[1]! - b[1]!) / (2 * Math.PI);
        out[1] = -(a[0]! - b[0]!) / (2 * Math.PI);
      },
      cuts[c]!,
      cuts[c + 1]!,
    );
    intRe += vr;
    intIm += vi;
  }
  return new Complex(re + intRe, z.im === 0 ? 0 : im + intIm);
}

/**
 * ∫ₐᵇ f for a complex f (written into out[0], out[1]) by bisection with the 7/15-point
 * Gauss–Kronrod pair, to 1e-15 absolute + 1e-14 relative or 3000 pieces (the floor of rounding
 * is reached before the budget on the contours used here).
 */
function complexKronrod(f: (x: number, out: Float64Array) => void, lo: number, hi: number): [number, number] {
  const out = new Float64Array(2);
  const rule = (a: number, b: number): [number, number, number] => {
    const c = 0.5 * (a + b);
    const h = 0.5 * (b - a);
    let kr = 0;
    let ki = 0;
    let gr = 0;
    let gi = 0;
    for (let j = 0; j < 8; j++) {
      const xs = j === 7 ? [c] : [c - h * KRONROD_NODES[j]!, c + h * KRONROD_NODES[j]!];
      for (const x of xs) {
        f(x, out);
        kr += KRONROD_WEIGHTS[j]! * out[0]!;
        ki += KRONROD_WEIGHTS[j]! * out[1]!;
        if (j % 2 === 1) {
          gr += GAUSS_WEIGHTS[(j - 1) / 2]! * out[0]!;
          gi += GAUSS_WEIGHTS[(j - 1) / 2]! * out[1]!;
        }
      }
    }
    return [kr * h, ki * h, Math.hypot(kr - gr, ki - gi) * Math.abs(h)];
  };
  const pieces: [number, number, number, number, number][] = [];
  const first = rule(lo, hi);
  pieces.push([lo, hi, ...first]);
  let vr = first[0];
  let vi = first[1];
  let err = first[2];
  while (pieces.length < 3000 && err > 1e-15 + 1e-14 * Math.hypot(vr, vi)) {
    let w = 0;
    for (let i = 1; i < pieces.length; i++) if (pieces[i]![4] > pieces[w]![4]) w = i;
    const [a, b] = pieces[w]!;
    const m = 0.5 * (a + b);
    const left = rule(a, m);
    const right = rule(m, b);
    pieces[w] = [a, m, ...left];
    pieces.push([m, b, ...right]);
    vr = 0;
    vi = 0;
    err = 0;
    for (const p of pieces) {
      vr += p[2];
      vi += p[3];
      err += p[4];
    }
  }
  return [vr, vi];
}

const HALF_LOG_2PI = 0.9189385332046728;
// B_{2k}/(2k(2k−1)), k = 1…8.
const STIRLING = [1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400];

/**
 * 1/Γ(x) for real x (0 at the poles x = 0, −1, −2, …), ≈ 1e-15 relative for x ≤ 171.
 * Stirling's series at y = x + n ≥ 15 and Γ(x) = Γ(y)/(x(x+1)…(y−1)); reflection for x < ½.
 * Source: Abramowitz & Stegun (1964), 6.1.17 (reflection), 6.1.40 (Stirling's series).
 * @internal
 */
export function reciprocalGamma(x: number): number {
  if (x <= 0 && Number.isInteger(x)) return 0;
  if (x < 0.5) return (gamma(1 - x) * Math.sin(Math.PI * x)) / Math.PI;
  return 1 / gamma(x);
}

/** Γ(x) for x ≥ ½ (Stirling after an upward shift). @internal */
export function gamma(x: number): number {
  let y = x;
  let prod = 1;
  while (y < 15) {
    prod *= y;
    y += 1;
  }
  if (y > 171.7) return Infinity;
  const y2 = 1 / (y * y);
  let s = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) s = s * y2 + STIRLING[k]!;
  s /= y;
  // Γ(y) = y^{y−½} e^{−y} √(2π) e^{s}, split to avoid overflow of y^{y−½} near 171.
  const h = Math.pow(y, 0.5 * (y - 0.5));
  return ((h * Math.exp(-y + HALF_LOG_2PI + s)) * h) / prod;
}
