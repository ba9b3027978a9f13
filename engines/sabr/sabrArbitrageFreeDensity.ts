import { checkFinite, checkNonNegative, checkPositive } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import type { SabrParameters } from '../../termstructures/volatility/sabr/SabrParameters.js';
import { checkSabrParameters } from '../../termstructures/volatility/sabr/_lib/checkSabrParameters.js';
import { solveTridiagonal } from '../finitedifferences/solveTridiagonal.js';

/**
 * Grid and time-stepping options of {@link sabrArbitrageFreeDensity}.
 * @public
 */
export interface SabrPdeOptions {
  /** Approximate number of cells (the forward is put at a cell centre); integer in [20, 10^5], default 400. */
  readonly gridPoints?: number;
  /** Time steps; integer in [1, 10^5], default max(40, ⌈20·T⌉). */
  readonly timeSteps?: number;
  /** Half-width of the grid in the diffusion variable y, in units of √T; in [2, 12], default 5. */
  readonly stdDevs?: number;
  /**
   * Time scheme: `'tr-bdf2'` (default; L-stable, second order), `'crank-nicolson'` (with Rannacher
   * start; not L-stable: where ρναΓT is large the stiff modes near the floor oscillate and Q can go
   * negative), `'implicit'` (θ = 1, first order, an M-matrix step: Q ≥ 0 for any Δt).
   */
  readonly scheme?: 'tr-bdf2' | 'crank-nicolson' | 'implicit';
  /** `'crank-nicolson'` only: initial steps replaced by two implicit half-steps each (Rannacher); integer in [0, 10], default 2. */
  readonly rannacherSteps?: number;
}

/**
 * The density of the forward under the effective one-dimensional SABR forward equation at one
 * expiry, with the masses absorbed at the two boundaries.
 * @public
 */
export interface SabrArbitrageFreeDensity {
  /** Expiry T (years). */
  readonly expiryTime: number;
  /** Forward f at time 0. */
  readonly forward: number;
  /** Shift s (C(F) = (F + s)^β). */
  readonly shift: number;
  /** Cell centres F_j (increasing; the forward f is one of them). */
  readonly nodes: Float64Array;
  /** Cell widths h_j: the cell mass is m_j = Q_j·h_j. */
  readonly widths: Float64Array;
  /** Density Q(T, F_j) per unit of F. */
  readonly density: Float64Array;
  /** Lower boundary F_min (≥ −s) and the probability P_L absorbed there. */
  readonly lowerBoundary: number;
  readonly lowerMass: number;
  /** Upper boundary F_max and the probability P_R absorbed there. */
  readonly upperBoundary: number;
  readonly upperMass: number;
  /** Σ m_j + P_L + P_R (1 to round-off). */
  readonly totalMass: number;
  /** Σ F_j m_j + F_min P_L + F_max P_R (f to round-off: the scheme conserves the first moment). */
  readonly mean: number;
  /**
   * Undiscounted price E[(ω(F_T − K))⁺] of a call (ω = +1) or put (ω = −1), K any finite number:
   * each cell's mass spread uniformly over [F_j − h_j/2, F_j + h_j/2], the boundary masses as atoms.
   */
  price(optionType: 1 | -1, strike: number): number;
}

/**
 * Arbitrage-free SABR (Hagan, Kumar, Lesniewski & Woodward 2014): solves the effective forward
 * equation for the density Q(T, F) of the forward and returns it with the boundary masses.
 *
 * @remarks
 * Model dF = α̂ C(F) dW₁, dα̂ = ν α̂ dW₂, ⟨dW₁, dW₂⟩ = ρ dt, C(F) = (F + s)^β. The effective PDE
 * (their §2) is Q_T = [M(T, F) Q]_FF on F_min < F < F_max with
 * M = ½ D²(z) E(T, F) C²(F), z(F) = ∫_f^F dF'/C(F'), D²(z) = α² + 2ρναz + ν²z²,
 * E(T, F) = exp(ρνα Γ(F) T), Γ(F) = (C(F) − C(f))/(F − f) (C'(f) at F = f); absorbing
 * boundaries M Q = 0 with dP_L/dT = (MQ)_F at F_min and dP_R/dT = −(MQ)_F at F_max, and
 * Q(0, F) = δ(F − f). Grid: cells uniform in y = ∫_0^z dz'/D(z') (z = (α/ν)(sinh νy + ρ(cosh νy − 1))),
 * y ∈ [−m√T, m√T] (m = `stdDevs`), cut at F = −s where that lies inside (then F_min = −s: for
 * 0 < β < 1 the forward is absorbed at −s; β = 0, the normal model, has no floor), with the
 * forward at a cell centre. Finite volumes: h_j dQ_j/dT = G_{j+½} − G_{j−½}, G_{j+½} =
 * (M_{j+1}Q_{j+1} − M_jQ_j)/(F_{j+1} − F_j), boundary fluxes M_1Q_1/(F_1 − F_min) and
 * −M_JQ_J/(F_max − F_J) feeding P_L and P_R. Then Σm_j + P_L + P_R and Σ F_j m_j + F_min P_L +
 * F_max P_R are exact invariants of the semi-discrete system and of any θ-step, so total mass 1 and
 * the martingale property hold to round-off (the paper's conservative scheme, §3; our grid and
 * boundary treatment). Time: TR-BDF2 by default (L-stable: Crank–Nicolson, also offered with a
 * Rannacher start, lets the stiff modes near the floor oscillate into negative Q where ρναΓT is
 * large, as Le Floc'h & Kennedy observed); `'implicit'` (θ = 1) is an M-matrix step, Q ≥ 0 for any Δt.
 * Every stage also updates P_L, P_R with the same weights, so the two invariants survive each stage.
 * Source: P. S. Hagan, D. Kumar, A. S. Lesniewski, D. E. Woodward (2014), "Arbitrage-free SABR",
 * Wilmott, January, 60–75; F. Le Floc'h, G. Kennedy (2014), "Finite difference techniques for
 * arbitrage-free SABR", J. Comput. Finance 20(3) (TR-BDF2 for this equation); R. E. Bank et al.
 * (1985), "Transient simulation of silicon devices and circuits", IEEE Trans. CAD 4(4) (TR-BDF2);
 * R. Rannacher (1984), Numer. Math. 43, 309–327.
 * Checked against: test/engines/sabr/sabrArbitrageFreeDensity.test.ts (mass 1, Q ≥ 0, ∫FQ = f,
 * parity, Hagan 2002 as Tν² → 0, Antonov–Spector Monte Carlo vols, QuantLib FdSabrVanillaEngine).
 *
 * @param expiryTime - T > 0 in years.
 * @param forward - f with f + shift > 0.
 * @param parameters - SABR α > 0, β ∈ [0, 1], ν ≥ 0, ρ ∈ (−1, 1).
 * @param shift - s ≥ 0; default 0.
 * @param options - grid and time stepping ({@link SabrPdeOptions}).
 * @returns the density, boundary masses and a pricing function.
 * @throws InvalidInputError for out-of-range arguments or options (named, with the allowed range).
 * @public
 */
export function sabrArbitrageFreeDensity(
  expiryTime: number, forward: number, parameters: SabrParameters, shift = 0, options: SabrPdeOptions = {},
): SabrArbitrageFreeDensity {
  checkPositive('expiryTime', expiryTime);
  checkFinite('forward', forward);
  checkNonNegative('shift', shift);
  if (!(forward + shift > 0)) throw InvalidInputError.outOfRange('forward', forward, `(${-shift}, ∞) (forward + shift > 0)`);
  checkSabrParameters('parameters', parameters);
  const { gridPoints: J0, timeSteps: N, rannacherSteps: ran, stdDevs: m, scheme } = resolveSabrPdeOptions(options, expiryTime);
  const { alpha, beta, nu, rho } = parameters;
  const T = expiryTime, f = forward, s = shift;
  const fs = f + s;
  const C = (F: number): number => (beta === 0 ? 1 : Math.pow(F + s, beta));
  const Cf = C(f);
  // F(z) and z(F) for C = (F + s)^β.
  const oneMinusB = 1 - beta;
  // (F + s)^(1−β) = (f + s)^(1−β) + (1−β)z, written through log1p so that β → 1 stays accurate.
  const fsPow = Math.pow(fs, oneMinusB);
  const fOf = (z: number): number => {
    if (oneMinusB === 0) return fs * Math.exp(z) - s;
    if (beta === 0) return f + z;
    const b = (oneMinusB * z) / fsPow;
    return b <= -1 ? -s : fs * Math.exp(Math.log1p(b) / oneMinusB) - s;
  };
  // β = 0 is the normal SABR model: F unbounded below, no floor (as in Hagan's β = 0 expansion).
  const zAtFloor = oneMinusB === 0 || beta === 0 ? -Infinity : -fsPow / oneMinusB;
  // z(y) and y(z); for |νy| or |νz/α| below 1e-4 their Taylor series (the closed forms cancel).
  const zOfY = (y: number): number => {
    const u = nu * y;
    if (Math.abs(u) < 1e-4) return alpha * (y * (1 + (u * u) / 6) + rho * 0.5 * u * y * (1 + (u * u) / 12));
    return (alpha / nu) * (Math.sinh(u) + rho * (Math.cosh(u) - 1));
  };
  const yOfZ = (z: number): number => {
    const e = (nu * z) / alpha;
    if (Math.abs(e) < 1e-4) return (z / alpha) * (1 - 0.5 * rho * e + ((3 * rho * rho - 1) / 6) * e * e);
    const d = Math.sqrt(1 + 2 * rho * e + e * e);
    // d + e + ρ = (1 − ρ²)/(d − e − ρ) where e + ρ < 0 (no cancellation far below the forward).
    const arg = e + rho >= 0 ? d + e + rho : (1 - rho * rho) / (d - e - rho);
    return Math.log(arg / (1 + rho)) / nu;
  };
  // y-grid: the forward (y = 0) at a cell centre, cut at F = −s.
  const yHalf = m * Math.sqrt(T);
  const yFloor = zAtFloor === -Infinity ? -Infinity : yOfZ(zAtFloor);
  const yL = Math.max(-yHalf, yFloor);
  const h0 = (yHalf - yL) / J0;
  const jl = Math.max(1, Math.round(-yL / h0 - 0.5));
  const hy = -yL / (jl + 0.5);
  const jr = Math.min(Math.max(1, Math.round(yHalf / hy - 0.5)), 20 * J0);
  const J = jl + jr + 1;
  const yR = (jr + 0.5) * hy;
  const nodes = new Float64Array(J);
  const widths = new Float64Array(J);
  const zs = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    const y = yL + (j + 0.5) * hy;
    zs[j] = j === jl ? 0 : zOfY(y);
    nodes[j] = j === jl ? f : fOf(zs[j]!);
    widths[j] = fOf(zOfY(y + 0.5 * hy)) - fOf(zOfY(y - 0.5 * hy));
  }
  const fMin = yL === yFloor ? 0 - s : fOf(zOfY(yL));
  const fMax = fOf(zOfY(yR));
  // Static parts of M: ½D²C² and the exponent ρναΓ of E.
  const m0 = new Float64Array(J);
  const g = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    const z = zs[j]!, F = nodes[j]!;
    const c = C(F);
    m0[j] = 0.5 * (alpha * alpha + 2 * rho * nu * alpha * z + nu * nu * z * z) * c * c;
    const gamma = F === f ? (beta === 0 ? 0 : beta * Math.pow(fs, beta - 1)) : (c - Cf) / (F - f);
    g[j] = rho * nu * alpha * gamma;
  }
  const dFace = new Float64Array(J + 1); // dFace[j] = distance across face j − ½ (0: boundary, J: boundary)
  dFace[0] = nodes[0]! - fMin;
  for (let j = 1; j < J; j++) dFace[j] = nodes[j]! - nodes[j - 1]!;
  dFace[J] = fMax - nodes[J - 1]!;
  const q = new Float64Array(J);
  q[jl] = 1 / widths[jl]!;
  let pL = 0, pR = 0;
  const Mn = new Float64Array(J);
  const lower = new Float64Array(J), diag = new Float64Array(J), upper = new Float64Array(J), rhs = new Float64Array(J), work = new Float64Array(J);
  const fillM = (t: number, out: Float64Array): void => {
    for (let j = 0; j < J; j++) out[j] = m0[j]! * Math.exp(g[j]! * t);
  };
  // rhs = c0·h∘x + c1·Δ·L(t)x (the explicit part of a stage); returns the boundary fluxes (into P_L, P_R) of x at t.
  const explicitPart = (t: number, x: Float64Array, c0: number, c1: number, out: Float64Array, add: boolean): [number, number] => {
    fillM(t, Mn);
    for (let j = 0; j < J; j++) {
      const u = Mn[j]! * x[j]!;
      const left = j === 0 ? -u / dFace[0]! : (Mn[j - 1]! * x[j - 1]! - u) / dFace[j]!;
      const right = j === J - 1 ? -u / dFace[J]! : (Mn[j + 1]! * x[j + 1]! - u) / dFace[j + 1]!;
      const v = c0 * widths[j]! * x[j]! + c1 * (left + right);
      out[j] = add ? out[j]! + v : v;
    }
    return [(Mn[0]! * x[0]!) / dFace[0]!, (Mn[J - 1]! * x[J - 1]!) / dFace[J]!];
  };
  // Solves (h − a·L(t)) x = rhs; returns the boundary fluxes of x at t.
  const implicitPart = (t: number, a: number, x: Float64Array): [number, number] => {
    fillM(t, Mn);
    for (let j = 0; j < J; j++) {
      diag[j] = widths[j]! + a * Mn[j]! * (1 / dFace[j]! + 1 / dFace[j + 1]!);
      lower[j] = j > 0 ? (-a * Mn[j - 1]!) / dFace[j]! : 0;
      upper[j] = j < J - 1 ? (-a * Mn[j + 1]!) / dFace[j + 1]! : 0;
    }
    solveTridiagonal(lower, diag, upper, rhs, x, work);
    return [(Mn[0]! * x[0]!) / dFace[0]!, (Mn[J - 1]! * x[J - 1]!) / dFace[J]!];
  };
  const theta = (t0: number, dt: number, th: number): void => {
    const [l0, r0] = explicitPart(t0, q, 1, (1 - th) * dt, rhs, false);
    const [l1, r1] = implicitPart(t0 + dt, th * dt, q);
    pL += (1 - th) * dt * l0 + th * dt * l1;
    pR += (1 - th) * dt * r0 + th * dt * r1;
  };
  // TR-BDF2 (Bank et al. 1985), γ = 2 − √2: a trapezoidal stage to t0 + γΔ, then BDF2 to t0 + Δ.
  const gam = 2 - Math.SQRT2;
  const w1 = 1 / (gam * (2 - gam)), w0 = ((1 - gam) * (1 - gam)) / (gam * (2 - gam)), g2 = (1 - gam) / (2 - gam);
  const qStar = new Float64Array(J);
  const trBdf2 = (t0: number, dt: number): void => {
    const [l0, r0] = explicitPart(t0, q, 1, 0.5 * gam * dt, rhs, false);
    const [l1, r1] = implicitPart(t0 + gam * dt, 0.5 * gam * dt, qStar);
    const pLs = pL + 0.5 * gam * dt * (l0 + l1), pRs = pR + 0.5 * gam * dt * (r0 + r1);
    for (let j = 0; j < J; j++) rhs[j] = widths[j]! * (w1 * qStar[j]! - w0 * q[j]!);
    const [l2, r2] = implicitPart(t0 + dt, g2 * dt, q);
    pL = w1 * pLs - w0 * pL + g2 * dt * l2;
    pR = w1 * pRs - w0 * pR + g2 * dt * r2;
  };
  const dt = T / N;
  for (let n = 0; n < N; n++) {
    const t0 = n * dt;
    const dtn = n === N - 1 ? T - t0 : dt;
    if (scheme === 'implicit') theta(t0, dtn, 1);
    else if (scheme === 'tr-bdf2') trBdf2(t0, dtn);
    else if (n < ran) {
      theta(t0, 0.5 * dtn, 1);
      theta(t0 + 0.5 * dtn, 0.5 * dtn, 1);
    } else theta(t0, dtn, 0.5);
  }
  let total = pL + pR, mean = fMin * pL + fMax * pR;
  for (let j = 0; j < J; j++) {
    const mj = q[j]! * widths[j]!;
    total += mj;
    mean += nodes[j]! * mj;
  }
  const price = (optionType: 1 | -1, strike: number): number => {
    if (optionType !== 1 && optionType !== -1) throw InvalidInputError.outOfRange('optionType', optionType, '{−1, +1}');
    checkFinite('strike', strike);
    const w = optionType;
    let v = pL * Math.max(w * (fMin - strike), 0) + pR * Math.max(w * (fMax - strike), 0);
    for (let j = 0; j < J; j++) {
      const F = nodes[j]!, hw = 0.5 * widths[j]!, mj = q[j]! * widths[j]!;
      if (strike <= F - hw || strike >= F + hw) v += mj * Math.max(w * (F - strike), 0);
      else {
        // Uniform on [F − hw, F + hw]: ∫(F' − K)⁺ = Q(F + hw − K)²/2, the put Q(K − F + hw)²/2.
        const d = w === 1 ? F + hw - strike : strike - (F - hw);
        v += 0.5 * q[j]! * d * d;
      }
    }
    return v;
  };
  return {
    expiryTime: T, forward: f, shift: s, nodes, widths, density: q,
    lowerBoundary: fMin, lowerMass: pL, upperBoundary: fMax, upperMass: pR, totalMass: total, mean, price,
  };
}

/**
 * Validates {@link SabrPdeOptions} and fills the defaults for expiry T; `prefix` names the argument in errors.
 * @internal
 */
export function resolveSabrPdeOptions(options: SabrPdeOptions, expiryTime: number, prefix = 'options'): Required<SabrPdeOptions> {
  const gridPoints = intOption(`${prefix}.gridPoints`, options.gridPoints, 400, 20, 1e5);
  const timeSteps = intOption(`${prefix}.timeSteps`, options.timeSteps, Math.max(40, Math.ceil(20 * expiryTime)), 1, 1e5);
  const rannacherSteps = intOption(`${prefix}.rannacherSteps`, options.rannacherSteps, 2, 0, 10);
  const stdDevs = options.stdDevs ?? 5;
  if (!(stdDevs >= 2 && stdDevs <= 12)) throw InvalidInputError.outOfRange(`${prefix}.stdDevs`, stdDevs, '[2, 12]');
  const scheme = options.scheme ?? 'tr-bdf2';
  if (scheme !== 'tr-bdf2' && scheme !== 'crank-nicolson' && scheme !== 'implicit') {
    throw InvalidInputError.outOfRange(`${prefix}.scheme`, scheme, "{'tr-bdf2', 'crank-nicolson', 'implicit'}");
  }
  return { gridPoints, timeSteps, rannacherSteps, stdDevs, scheme };
}

function intOption(name: string, v: number | undefined, dflt: number, lo: number, hi: number): number {
  const x = v ?? dflt;
  if (!(Number.isInteger(x) && x >= lo && x <= hi)) throw InvalidInputError.outOfRange(name, x, `integers in [${lo}, ${hi}]`);
  return x;
}
