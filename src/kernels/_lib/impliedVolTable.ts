// Internal: the tabulated initial guess of the implied-vol batch — a bicubic table of the
// implied standard deviation in coordinates that make it smooth, good to ~1e-5 relative, so that
// ONE third-order Householder step on Jäckel's objective lands on the last bits. Inputs outside
// the table (|x|/s beyond ~10, s beyond ~2, or a step that is not usable) return NaN and take the
// full "Let's Be Rational" path. kernels/_lib/impliedVolTable.ts is its AssemblyScript
// transliteration, operation for operation; both build the table from the same inversions, so the
// three backends round alike.
//
// Coordinates (x ≤ 0, 0 < β < e^(x/2), the normalised out-of-the-money call of Jäckel 2015 §2):
// for s → 0 at fixed h = x/s, b(x, s) → s·(φ(h) + hΦ(h)) (the Bachelier limit), so
// ρ = β/|x| is nearly a function of h alone. With k = |x|/(√(2π)·β), w = ln(1 + k) and
// q = √(1 + 2w), the coordinate u = q − 1 is ≈ |h| both at the money (w ≈ |h|) and in the wings
// (w ≈ h²/2), and s₀ = √(2π)·β·(k/w)·(q + 1)/2 = |x|/u is ≈ s. The table holds R = s/s₀ on a
// uniform grid u ∈ [0, 10], s₀ ∈ [0, 2]; R is smooth there (1 at the money for s₀ → 0, within
// [0.97, 1.5] elsewhere), and 4 × 4-point Lagrange interpolation gives it to ≤ 1e-5.
// The idea of tabulating the implied volatility in transformed coordinates is that of
// K. Glau, P. Herold, D. B. Madan, C. Pötz, "The Chebyshev method for the implied volatility",
// J. Comput. Finance (2019), arXiv:1710.01797; the coordinates and the grid here are our own.
// The step: P. Jäckel, "Let's Be Rational", Wilmott (January 2015), §6 (third-order Householder).
import {
  lbrLastVega, lbrNormalisedBlackAndVega, lbrNormalisedImpliedStdDevOtm, plainObjectiveStep,
} from './impliedVolLetsBeRational.js';
import { kernelExports } from './kernelModule.js';
import { refExp, refLog } from './referenceMath.js';

/** Grid: NU nodes in u over [0, U_MAX], NV nodes in s₀ over [0, V_MAX]. @internal */
export const IV_TABLE_NU = 101;
/** @internal */
export const IV_TABLE_NV = 41;
const U_STEP_INV = 10;
const V_STEP_INV = 20;
const U_MAX = 10;
const V_MAX = 2;
const ONE_OVER_SQRT_TWO_PI = 0.3989422804014327;
const SQRT_TWO_PI = 2.5066282746310002;
const ONE_SIXTH = 1 / 6;

let table: Float64Array | undefined;

/** Coordinates of (β, x) — set by {@link coordinates}; AssemblyScript has no tuples either. */
let cu = 0;
let cs0 = 0;

/** u and s₀ of the normalised price β at log-moneyness x ≤ 0, into cu and cs0. */
function coordinates(beta: number, x: number): void {
  const k = (ONE_OVER_SQRT_TWO_PI * -x) / beta;
  const y = 1 + k;
  // k/ln(1 + k) without cancellation (Goldberg's log1p); 1 when 1 + k rounds to 1.
  const ratio = y === 1 ? 1 : (y - 1) / refLog(y);
  const w = k / ratio;
  const q = Math.sqrt(1 + 2 * w);
  cu = q - 1; // cancels for w ≪ 1, harmlessly: a coordinate needs ~1e-7, not 1e-16
  cs0 = SQRT_TWO_PI * beta * ratio * (q + 1) * 0.5;
}

/** Weights of the 4-point Lagrange interpolation on nodes −1, 0, 1, 2 at t. */
let w0 = 0;
let w1 = 0;
let w2 = 0;
let w3 = 0;
function lagrangeWeights(t: number): void {
  const tp1 = t + 1;
  const tm1 = t - 1;
  const tm2 = t - 2;
  w0 = -t * tm1 * tm2 * ONE_SIXTH;
  w1 = tp1 * tm1 * tm2 * 0.5;
  w2 = -tp1 * t * tm2 * 0.5;
  w3 = tp1 * t * tm1 * ONE_SIXTH;
}

/**
 * R = s/s₀ at every node: the node's (u, s₀) mapped back to (β, x) in closed form, inverted by
 * the full "Let's Be Rational" (two Householder steps), R taken against the node's own
 * coordinates as {@link coordinates} computes them. The s₀ = 0 column is taken at s₀ = 1e-8
 * (R(u, s₀) − R(u, 0) = O(s₀²)). @internal
 */
export function buildImpliedVolTable(): Float64Array {
  const t = new Float64Array(IV_TABLE_NU * IV_TABLE_NV);
  for (let i = 0; i < IV_TABLE_NU; i++) {
    const u = i / U_STEP_INV;
    const w = u + 0.5 * u * u;
    // e^w − 1 with the module's exp (as the kernel does): the node only needs to be reproducible.
    const k = refExp(w) - 1;
    const ratio = w > 0 ? k / w : 1;
    for (let j = 0; j < IV_TABLE_NV; j++) {
      const v = j === 0 ? 1e-8 : j / V_STEP_INV;
      const beta = (v * ONE_OVER_SQRT_TWO_PI) / (ratio * (1 + 0.5 * u));
      const x = -(k * beta * SQRT_TWO_PI);
      coordinates(beta, x);
      t[i * IV_TABLE_NV + j] = lbrNormalisedImpliedStdDevOtm(beta, x, 2) / cs0;
    }
  }
  return t;
}

/**
 * The table, on first use: copied from the WebAssembly module where it is loaded (which builds
 * the same table, bit for bit, in ~2 ms), else built here (4,141 inversions; tens of
 * milliseconds before the JIT warms up). @internal
 */
export function impliedVolTable(): Float64Array {
  return (table ??= tableFromKernels() ?? buildImpliedVolTable());
}

function tableFromKernels(): Float64Array | undefined {
  const kernels = kernelExports();
  if (kernels === undefined) return undefined;
  const address = kernels.impliedVolTableAddress();
  return new Float64Array(kernels.memory.buffer, address, IV_TABLE_NU * IV_TABLE_NV).slice();
}

/**
 * s with b(x, s) = β from the table and one Householder(3) step, or NaN where the table does not
 * reach (u ≥ 10 or s₀ ≥ 2: |h| ≳ 10, or s ≳ 2.5 at the money) or the step is unusable; x ≤ 0, 0 < β < e^(x/2). @internal
 */
export function tableNormalisedImpliedStdDevOtm(beta: number, x: number): number {
  const s = tableImpliedStdDevGuess(beta, x);
  return s === s ? householderStep(beta, x, s) : s;
}

/**
 * The table's guess s₀·R(u, s₀) of s with b(x, s) = β (x ≤ 0, 0 < β < e^(x/2)), before the
 * Householder step, or NaN where the table does not reach (u ≥ 10 or s₀ ≥ 2: |h| ≳ 10, or s ≳ 2.5 at the money). @internal
 */
export function tableImpliedStdDevGuess(beta: number, x: number): number {
  coordinates(beta, x);
  const u = cu;
  const s0 = cs0;
  if (!(u < U_MAX && s0 < V_MAX)) return Number.NaN;
  const T = impliedVolTable();
  const fu = u * U_STEP_INV;
  const fv = s0 * V_STEP_INV;
  const i = Math.min(Math.max(Math.floor(fu), 1), IV_TABLE_NU - 3);
  const j = Math.min(Math.max(Math.floor(fv), 1), IV_TABLE_NV - 3);
  lagrangeWeights(fv - j);
  const v0 = w0;
  const v1 = w1;
  const v2 = w2;
  const v3 = w3;
  let o = (i - 1) * IV_TABLE_NV + (j - 1);
  const r0 = v0 * T[o] + v1 * T[o + 1] + v2 * T[o + 2] + v3 * T[o + 3];
  o += IV_TABLE_NV;
  const r1 = v0 * T[o] + v1 * T[o + 1] + v2 * T[o + 2] + v3 * T[o + 3];
  o += IV_TABLE_NV;
  const r2 = v0 * T[o] + v1 * T[o + 1] + v2 * T[o + 2] + v3 * T[o + 3];
  o += IV_TABLE_NV;
  const r3 = v0 * T[o] + v1 * T[o + 1] + v2 * T[o + 2] + v3 * T[o + 3];
  lagrangeWeights(fu - i);
  return s0 * (w0 * r0 + w1 * r1 + w2 * r2 + w3 * r3);
}

/**
 * One Householder(3) step from s on b − β; NaN if unusable. The plain objective suffices: the
 * guess is good to 1e-5 where |h| < 1 and to 1e-8 where |h| > 5 (test/kernels/impliedVolTable.test.ts),
 * which outruns the growth of the step's error constant with |h| (b″/b′ ~ h²/s).
 */
function householderStep(beta: number, x: number, s: number): number {
  const b = lbrNormalisedBlackAndVega(x, s);
  const bp = lbrLastVega();
  if (!(b > 0 && bp > 0)) return Number.NaN;
  const xOverS = x / s;
  const bHalley = (xOverS * xOverS) / s - 0.25 * s;
  const bHh3 = bHalley * bHalley - 3 * (xOverS / s) * (xOverS / s) - 0.25;
  const next = s + Math.max(-0.5 * s, plainObjectiveStep(beta, b, bp, bHalley, bHh3));
  return next > 0 && next < Infinity ? next : Number.NaN;
}

/**
 * Implied s = σ√T of an undiscounted Black price p on forward f and strike k (both > 0, already
 * displaced), θ = ±1, with (θ(f − k))⁺ ≤ p < (θ > 0 ? f : k) checked by the caller: the time value
 * p − (θ(f − k))⁺ normalised by √(fk) and inverted as an out-of-the-money call at x = −|ln(f/k)|,
 * from the table with one Householder step where it reaches, else by the full "Let's Be
 * Rational" (two steps). The per-option step of every implied-vol path. @internal
 */
export function impliedStdDev(p: number, f: number, k: number, theta: number): number {
  const timeValue = p - Math.max(theta * (f - k), 0);
  if (!(timeValue > 0)) return 0;
  const beta = timeValue / (Math.sqrt(f) * Math.sqrt(k));
  const x = -Math.abs(refLog(f / k));
  const s = tableNormalisedImpliedStdDevOtm(beta, x);
  return s === s ? s : lbrNormalisedImpliedStdDevOtm(beta, x, 2);
}
