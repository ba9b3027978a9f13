// First two cumulants of ln(S_T/S_0) under Heston, for the COS truncation range.
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';

/**
 * c1 = E[ln(S_T/S_0)] and c2 = Var[ln(S_T/S_0)] in closed form, in the notation of Fang &
 * Oosterlee (2008), Table 11 (μ = drift/T, λ = κ, ū = θ, u0 = v0, η = σ). The coefficients were
 * derived here from the CIR moments (X = μT − I/2 + (ρ/η)(v_T − u0 − λūT + λI) + √(1 − ρ²)·N,
 * I = ∫v dt, so c2 = a²Var I + 2ab Cov(I, v_T) + b²Var v_T + (1 − ρ²)E I, a = ρλ/η − ½, b = ρ/η)
 * and checked against the second derivative of ln φ at 0 (test/engines/heston/CosHestonEngine.test.ts):
 *   c1 = μT + (1 − e^(−λT))(ū − u0)/(2λ) − ūT/2,
 *   c2 = 1/(8λ³)·[ηTλe^(−λT)(u0 − ū)(8λρ − 4η) + λρη(1 − e^(−λT))(16ū − 8u0)
 *        + 2ūλT(−4λρη + η² + 4λ²) + η²((ū − 2u0)e^(−2λT) + ū(4e^(−λT) − 5) + 2u0)
 *        + 8λ²(u0 − ū)(1 − e^(−λT))].
 */
export function hestonCumulants(t: number, drift: number, p: HestonParameters): { c1: number; c2: number } {
  const { v0, kappa: l, theta: ub, sigma: eta, rho } = p;
  const e1 = Math.exp(-l * t);
  const om = -Math.expm1(-l * t);
  const c1 = drift + (om * (ub - v0)) / (2 * l) - 0.5 * ub * t;
  const c2 =
    (eta * t * l * e1 * (v0 - ub) * (8 * l * rho - 4 * eta) +
      l * rho * eta * om * (16 * ub - 8 * v0) +
      2 * ub * l * t * (-4 * l * rho * eta + eta * eta + 4 * l * l) +
      eta * eta * ((ub - 2 * v0) * e1 * e1 + ub * (4 * e1 - 5) + 2 * v0) +
      8 * l * l * (v0 - ub) * om) /
    (8 * l * l * l);
  return { c1, c2 };
}
