import { Complex } from '../../../src/math/complex/Complex.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';

/**
 * ψ(u) = ln φ(u) − iu·drift = C(u, T) + D(u, T)·v0 of Heston's characteristic function in the
 * little-trap form, and its gradient with respect to (v0, κ, θ, σ, ρ).
 *
 * @remarks
 * With β = κ − iρσu, d = √(β² + σ²(u² + iu)), A = β − d, g = A/(β + d), e = e^(−dT):
 * D = (A/σ²)(1 − e)/(1 − ge), C = (κθ/σ²)[AT − 2 ln((1 − ge)/(1 − g))]. The gradient is the
 * one Cui, del Baño Rollin & Germano (2017) derive analytically; it is written out here by the
 * chain rule through β, d, g and e on this form (not transcribed from the paper's equations);
 * ∂ψ/∂v0 = D, ∂ψ/∂θ = C/θ.
 * Real u only. Used by calibrateHeston's analytic Jacobian (through cosHestonPutGradient).
 * Source: Y. Cui, S. del Baño Rollin, G. Germano (2017), Eur. J. Oper. Res. 263(2), 625–638;
 * Albrecher et al. (2007) for the form.
 * Checked against: central finite differences of ψ and ψ against `hestonCfExponentsInto`
 * (test/engines/heston/hestonCfGradient.test.ts).
 * @internal
 */
export function hestonCfGradient(u: number, t: number, p: HestonParameters): { psi: Complex; gradient: readonly Complex[] } {
  const { v0, kappa, theta, sigma, rho } = p;
  const s2 = sigma * sigma;
  const beta = new Complex(kappa, -rho * sigma * u);
  const w = new Complex(u * u, u); // u² + iu
  const d = beta.mul(beta).add(w.scale(s2)).sqrt();
  const A = beta.sub(d);
  const B = beta.add(d);
  const g = A.div(B);
  const e = d.scale(-t).exp();
  const one = new Complex(1, 0);
  const N1 = one.sub(e);
  const Q = one.sub(g.mul(e));
  const oneMinusG = one.sub(g);
  const Dv = A.scale(1 / s2).mul(N1).div(Q);
  const H = A.scale(t).sub(Q.div(oneMinusG).log().scale(2));
  const k0 = (kappa * theta) / s2;
  const C = H.scale(k0);
  // Tangents of β and of σ per parameter (κ, σ, ρ).
  const dir = (dBeta: Complex, dSigma: number, dK0: number): Complex => {
    const dd2 = beta.mul(dBeta).scale(2).add(w.scale(2 * sigma * dSigma));
    const dd = dd2.div(d.scale(2));
    const dA = dBeta.sub(dd);
    const dB = dBeta.add(dd);
    const dg = dA.mul(B).sub(A.mul(dB)).div(B.mul(B));
    const de = dd.scale(-t).mul(e);
    const dQ = dg.mul(e).add(g.mul(de)).neg();
    const dDv = dA.scale(1 / s2).sub(A.scale((2 * dSigma) / (s2 * sigma))).mul(N1).div(Q)
      .add(A.scale(1 / s2).mul(de.neg()).div(Q))
      .sub(A.scale(1 / s2).mul(N1).mul(dQ).div(Q.mul(Q)));
    const dH = dA.scale(t).sub(dQ.div(Q).scale(2)).sub(dg.div(oneMinusG).scale(2));
    const dC = H.scale(dK0).add(dH.scale(k0));
    return dC.add(dDv.scale(v0));
  };
  const gKappa = dir(one, 0, theta / s2);
  const gSigma = dir(new Complex(0, -rho * u), 1, (-2 * kappa * theta) / (s2 * sigma));
  const gRho = dir(new Complex(0, -sigma * u), 0, 0);
  return { psi: C.add(Dv.scale(v0)), gradient: [Dv, gKappa, C.scale(1 / theta), gSigma, gRho] };
}
