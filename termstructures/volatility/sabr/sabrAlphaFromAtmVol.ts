import { checkFinite, checkNonNegative, checkPositive } from '../../../src/_lib/checks.js';
import { CalibrationError, InvalidInputError } from '../../../src/errors.js';
import { brentRoot } from '../../../src/math/solvers/brentRoot.js';

/**
 * Options of {@link sabrAlphaFromAtmVol}.
 * @public
 */
export interface SabrAlphaFromAtmVolOptions {
  /** `'lognormal'` (default): `atmVol` is a Black vol; `'normal'`: a Bachelier vol (price units per √year). */
  readonly volatilityType?: 'lognormal' | 'normal';
  /** Displacement s ≥ 0 of shifted SABR; default 0. */
  readonly shift?: number;
}

/**
 * The SABR α that reproduces a given at-the-money vol, for fixed β, ρ, ν: the smallest positive
 * root of the cubic that Hagan's expansion becomes at K = F.
 *
 * @remarks
 * At K = F, with F̃ = F + s and f = F̃^{1−β}, Hagan et al. (2002) eq. (2.18) gives
 * σ_ATM = (α/f)(1 + [(1−β)²α²/(24f²) + ρβνα/(4f) + (2−3ρ²)ν²/24]T), i.e.
 * (1−β)²T/(24f²)·α³ + ρβνT/(4f)·α² + (1 + (2−3ρ²)ν²T/24)·α − σ_ATM·f = 0 (West 2005, §2);
 * for the normal vol σ_N,ATM = αF̃^β(1 + [−β(2−β)α²/(24f²) + ρβνα/(4f) + (2−3ρ²)ν²/24]T), the
 * same cubic with −β(2−β) for (1−β)² and σ_N,ATM/F̃^β for σ_ATM·f. The cubic p has p(0) < 0; the
 * smallest positive root is found in the first monotone piece of p (split at the roots of p′)
 * where p changes sign, by Brent's method, then polished by Newton steps. Obłój's (2008) ATM vol
 * equals Hagan's, so the α serves both.
 * Source: P. S. Hagan et al. (2002), "Managing smile risk", Wilmott, eq. (2.18); G. West (2005),
 * "Calibration of the SABR model in illiquid markets", Appl. Math. Finance 12(4), 371–385, §2.
 * Checked against: `sabrVolatility(F, F, T, {α, β, ν, ρ})` = σ_ATM to 1e-12 relative on fixed and
 * random (fast-check) parameter sets, lognormal, normal and shifted
 * (test/termstructures/volatility/sabr.test.ts).
 *
 * @example
 * ```ts
 * import { sabrAlphaFromAtmVol } from 'quantflow';
 * sabrAlphaFromAtmVol(0.2011666666666667, 100, 1, 1, -0.4, 0.5); //=> 0.2
 * ```
 * @param atmVol - σ_ATM > 0: Black vol (decimal) or normal vol (price units per √year).
 * @param forward - F with F + shift > 0.
 * @param expiryTime - T ≥ 0 in years.
 * @param beta - β ∈ [0, 1].
 * @param rho - ρ ∈ (−1, 1).
 * @param nu - ν ≥ 0 (per √year).
 * @param options - vol type and shift ({@link SabrAlphaFromAtmVolOptions}).
 * @returns α > 0 (units of F^{1−β} per √year).
 * @throws InvalidInputError when an argument is outside its range (naming it, its value and the range).
 * @throws CalibrationError when the cubic has no positive root (details: the coefficients).
 * @public
 */
export function sabrAlphaFromAtmVol(atmVol: number, forward: number, expiryTime: number, beta: number, rho: number, nu: number, options: SabrAlphaFromAtmVolOptions = {}): number {
  const shift = options.shift ?? 0;
  checkNonNegative('options.shift', shift);
  checkPositive('atmVol', atmVol);
  checkFinite('forward', forward);
  if (!(forward + shift > 0)) throw InvalidInputError.outOfRange('forward', forward, `(${-shift}, ∞) (forward + shift > 0)`);
  checkNonNegative('expiryTime', expiryTime);
  if (typeof beta !== 'number' || !(beta >= 0 && beta <= 1)) throw InvalidInputError.outOfRange('beta', beta, '[0, 1]');
  if (typeof rho !== 'number' || !(rho > -1 && rho < 1)) throw InvalidInputError.outOfRange('rho', rho, '(-1, 1)');
  checkNonNegative('nu', nu);
  const type = options.volatilityType ?? 'lognormal';
  if (type !== 'lognormal' && type !== 'normal') throw InvalidInputError.outOfRange('options.volatilityType', type, "{'lognormal', 'normal'}");
  const fs = forward + shift;
  const f = Math.pow(fs, 1 - beta);
  const t = expiryTime;
  const c3 = ((type === 'lognormal' ? (1 - beta) * (1 - beta) : -beta * (2 - beta)) * t) / (24 * f * f);
  const c2 = (rho * beta * nu * t) / (4 * f);
  const c1 = 1 + ((2 - 3 * rho * rho) * nu * nu * t) / 24;
  const c0 = type === 'lognormal' ? atmVol * f : atmVol / Math.pow(fs, beta);
  const root = smallestPositiveCubicRoot(c3, c2, c1, c0);
  if (root === undefined) {
    throw new CalibrationError(`no α > 0 reproduces atmVol = ${atmVol} (forward ${forward}, T ${expiryTime}, β ${beta}, ρ ${rho}, ν ${nu})`, { c3, c2, c1, c0 });
  }
  return root;
}

/** Smallest α > 0 with c3α³ + c2α² + c1α − c0 = 0 (c0 > 0), or undefined. */
function smallestPositiveCubicRoot(c3: number, c2: number, c1: number, c0: number): number | undefined {
  // Solve in x = α/s, s = c0/|c1| (the linear root's size), so that tiny or huge coefficients
  // (β → 0 in the normal cubic, extreme forwards) neither underflow nor overflow.
  const s = c1 !== 0 ? c0 / Math.abs(c1) : c0;
  const x = smallestPositiveScaledRoot((c3 * s * s * s) / c0, (c2 * s * s) / c0, (c1 * s) / c0);
  if (x === undefined) return undefined;
  let root = x * s;
  // Newton polish on the unscaled cubic (p′ ≠ 0 inside a monotone piece).
  const p = (a: number): number => ((c3 * a + c2) * a + c1) * a - c0;
  const dp = (a: number): number => (3 * c3 * a + 2 * c2) * a + c1;
  for (let i = 0; i < 3; i++) {
    const d = dp(root);
    if (!(d !== 0) || !Number.isFinite(d)) break;
    const next = root - p(root) / d;
    if (!(next > 0) || !Number.isFinite(next)) break;
    root = next;
  }
  return root > 0 ? root : undefined;
}

/** Smallest x > 0 with c3x³ + c2x² + c1x − 1 = 0, or undefined. */
function smallestPositiveScaledRoot(c3: number, c2: number, c1: number): number | undefined {
  const c0 = 1;
  const p = (x: number): number => ((c3 * x + c2) * x + c1) * x - c0;
  // Ends of the monotone pieces on (0, ∞): the positive roots of p′(x) = 3c3x² + 2c2x + c1.
  const breaks: number[] = [];
  const a = 3 * c3;
  const b = 2 * c2;
  if (a === 0) {
    if (b !== 0 && -c1 / b > 0 && Number.isFinite(-c1 / b)) breaks.push(-c1 / b);
  } else {
    const disc = b * b - 4 * a * c1;
    if (disc >= 0) {
      const s = Math.sqrt(disc);
      const q = -0.5 * (b + (b >= 0 ? s : -s));
      for (const r of [q / a, q !== 0 ? c1 / q : NaN]) if (r > 0 && Number.isFinite(r)) breaks.push(r);
    }
  }
  breaks.sort((x, y) => x - y);
  let lo = 0;
  let root: number | undefined;
  for (const hi of breaks) {
    if (p(hi) >= 0) {
      root = p(hi) === 0 ? hi : brentRoot(p, lo, hi, { accuracy: 1e-16 * hi, maxEvaluations: 400 });
      break;
    }
    lo = hi;
  }
  if (root === undefined) {
    // Last piece [lo, ∞), monotone: double until p ≥ 0 (x = 1 is the linear root's size).
    let hi = Math.max(2 * lo, 2);
    for (let i = 0; !(p(hi) >= 0); i++) {
      if (i > 1100 || !Number.isFinite(p(hi))) return undefined;
      hi *= 2;
    }
    root = brentRoot(p, lo, hi, { accuracy: 1e-16 * hi, maxEvaluations: 400 });
  }
  return root;
}
