// TEST helper: an arbitrage-free SSVI surface with power-law φ (Gatheral & Jacquier 2014, §4),
// w(k, θ) = θ/2 · (1 + ρφk + √((φk + ρ)² + 1 − ρ²)), φ(θ) = η / (θ^γ (1 + θ)^{1−γ}), ATM total
// variance θ_T = σ_ATM(T)² T with σ_ATM(T) = 0.20 − 0.05·e^{−T} (0.15 → 0.20, increasing, so
// θ_T is increasing: no calendar spread). η(1 + |ρ|) ≤ 2 with 0 < γ ≤ ½ is their sufficient
// no-butterfly condition (Remark 4.4 / Corollary 4.1). Forward F(T) = S e^{(r−q)T}.
// Implements TotalVarianceSurface (analytic derivatives) and is a BlackVolTermStructure
// (σ_BS(K, T) = √(w/T) at k = ln(K/F(T))) so it can sit in a GeneralizedBlackScholesProcess.
import type { Date } from '../../../../src/time/Date.js';
import { BlackVolTermStructure } from '../../../../termstructures/volatility/BlackVolTermStructure.js';
import type { TotalVarianceDerivatives, TotalVarianceSurface } from '../../../../termstructures/volatility/TotalVarianceSurface.js';

export interface SsviParameters {
  rho: number;
  eta: number;
  gamma: number;
}

export class SsviTestSurface extends BlackVolTermStructure implements TotalVarianceSurface {
  constructor(
    readonly params: SsviParameters,
    readonly spot: number,
    readonly r: number,
    readonly q: number,
    referenceDate: Date,
  ) {
    super({ referenceDate });
    const { rho, eta, gamma } = params;
    if (!(eta * (1 + Math.abs(rho)) <= 2 && gamma > 0 && gamma <= 0.5)) throw new Error('SsviTestSurface: parameters outside the no-arbitrage set');
  }

  /** σ_ATM(T) and its derivative. */
  atmVol(t: number): { vol: number; dvol: number } {
    return { vol: 0.2 - 0.05 * Math.exp(-t), dvol: 0.05 * Math.exp(-t) };
  }

  forward(t: number): number {
    return this.spot * Math.exp((this.r - this.q) * t);
  }

  totalVarianceDerivatives(k: number, t: number): TotalVarianceDerivatives {
    const { rho, eta, gamma } = this.params;
    const { vol, dvol } = this.atmVol(t);
    const theta = vol * vol * t;
    const dthetadt = 2 * vol * dvol * t + vol * vol;
    const phi = eta / (Math.pow(theta, gamma) * Math.pow(1 + theta, 1 - gamma));
    const dphidtheta = phi * (-gamma / theta - (1 - gamma) / (1 + theta));
    const z = phi * k;
    const s = Math.sqrt((z + rho) * (z + rho) + 1 - rho * rho);
    const w = 0.5 * theta * (1 + rho * z + s);
    const dwdk = 0.5 * theta * phi * (rho + (z + rho) / s);
    const d2wdk2 = (0.5 * theta * phi * phi * (1 - rho * rho)) / (s * s * s);
    // ∂w/∂θ at fixed k: φ depends on θ.
    const dwdtheta = 0.5 * (1 + rho * z + s) + 0.5 * theta * k * dphidtheta * (rho + (z + rho) / s);
    return { w, dwdk, d2wdk2, dwdt: dwdtheta * dthetadt };
  }

  protected blackVarianceImpl(t: number, strike: number): number {
    if (t === 0) return 0;
    return this.totalVarianceDerivatives(Math.log(strike / this.forward(t)), t).w;
  }
}

/** The brief's parameters: ρ = −0.7, η = 1, γ = 0.4. */
export const ssviParameters: SsviParameters = { rho: -0.7, eta: 1, gamma: 0.4 };
