import { checkFinite, checkNonNegative, checkPositive } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { normalCdf } from '../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../src/math/distributions/normalPdf.js';
import { OptionType } from '../../instruments/OptionType.js';
import { AssetOrNothingPayoff } from '../../instruments/payoffs/AssetOrNothingPayoff.js';
import { CashOrNothingPayoff } from '../../instruments/payoffs/CashOrNothingPayoff.js';
import { GapPayoff } from '../../instruments/payoffs/GapPayoff.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import type { StrikedTypePayoff } from '../../instruments/payoffs/StrikedTypePayoff.js';

/**
 * Black-76 price and sensitivities of a European striked payoff on a forward: plain vanilla,
 * cash-or-nothing, asset-or-nothing and gap, all written as V = D [F α(d1) + x β(d2)],
 * d1,2 = ln(F/K)/s ± s/2, s = σ√T.
 *
 * @remarks
 * The decomposition (QuantLib's alpha/beta/x): with ω = ±1 the option type,
 * - plain vanilla: α = ω N(ω d1), β = −ω N(ω d2), x = K;
 * - cash-or-nothing paying C: α = 0, β = N(ω d2), x = C;
 * - asset-or-nothing: α = N(ω d1), β = 0;
 * - gap with trigger K₁ (= `strike`) and payoff strike K₂: as vanilla with x = K₂, d1,2 on K₁.
 *
 * Spot Greeks take F = S · D_q / D_r with D_q, D_r, σ fixed. Conventions (QuantLib): vega per
 * 1.00 of vol, rho and dividend rho per 1.00 of continuously compounded rate, theta per year of
 * calendar time, theta = −(ln D · V + ln(F/S) · S Δ + ½ s² S² Γ) / T (exact for flat rates and
 * vol). Added here: vanna = ∂²V/∂S∂σ and volga = ∂²V/∂σ² (per 1.00 of vol), speed = ∂Γ/∂S,
 * charm = ∂Δ/∂t per year of calendar time (= −∂Δ/∂T, with r = −ln D/T, r − q = ln(F/S)/T and
 * ∂s/∂T = s/(2T), exact for flat rates and vol). With s = 0 the value is the discounted payoff
 * of the forward (F = K counts as out of the money) and every derivative through d1, d2 is 0.
 * Source: Black (1976), "The pricing of commodity contracts", J. Fin. Econ. 3, eqs. (17)–(18);
 * Reiner & Rubinstein (1991), "Unscrambling the binary code", Risk 4(9) (digitals);
 * Haug (2007), The Complete Guide to Option Pricing Formulas, 2nd ed., §4.19.1–4.19.3 (gap,
 * cash-or-nothing, asset-or-nothing); QuantLib `ql/pricingengines/blackcalculator.hpp` for the
 * decomposition and the set of sensitivities.
 * Checked against: `test/engines/blackscholes/AnalyticEuropeanEngine.test.ts` (QuantLib 1.29
 * values, Haug's digital and gap examples, bump-and-reprice of every Greek for every payoff,
 * asset-or-nothing − K · cash-or-nothing = vanilla).
 *
 * @example
 * ```ts
 * import { BlackCalculator, OptionType } from 'quantflow';
 * new BlackCalculator(OptionType.Call, 100, 100, 0.2, 0.951229424500714).value(); //=> 7.57708214642728
 * ```
 * @public
 */
export class BlackCalculator {
  private readonly omega: number;
  private readonly d1: number;
  private readonly d2: number;
  private readonly n1: number;
  private readonly n2: number;
  private readonly cum1: number;
  private readonly cum2: number;
  /** α = sa · N(ω d1); ∂α/∂d1 = ka · n(d1). */
  private alpha = 0;
  private ka = 0;
  /** β = sb · N(ω d2); ∂β/∂d2 = kb · n(d2). */
  private beta = 0;
  private kb = 0;
  /** The cash amount multiplying β, and ∂x/∂K. */
  private x: number;
  private dxdk: number;

  /**
   * A plain-vanilla calculator; {@link BlackCalculator.fromPayoff} covers the other payoffs.
   * @param optionType - call or put.
   * @param strike - K > 0 (price units).
   * @param forward - F > 0 (price units).
   * @param stdDev - s = σ√T ≥ 0 (dimensionless).
   * @param discount - D ∈ (0, ∞), the discount factor to payment.
   * @throws InvalidInputError naming the argument outside its range.
   */
  constructor(
    readonly optionType: OptionType,
    readonly strike: number,
    readonly forward: number,
    readonly stdDev: number,
    readonly discount: number,
  ) {
    if (optionType !== OptionType.Call && optionType !== OptionType.Put) {
      throw InvalidInputError.outOfRange('optionType', optionType, '{1 (call), -1 (put)}');
    }
    checkPositive('strike', strike);
    checkPositive('forward', forward);
    checkNonNegative('stdDev', stdDev);
    checkPositive('discount', discount);
    const w = (this.omega = optionType);
    if (stdDev > 0) {
      this.d1 = Math.log(forward / strike) / stdDev + 0.5 * stdDev;
      this.d2 = this.d1 - stdDev;
      this.n1 = normalPdf(this.d1);
      this.n2 = normalPdf(this.d2);
      this.cum1 = normalCdf(w * this.d1);
      this.cum2 = normalCdf(w * this.d2);
    } else {
      const itm = w * (forward - strike) > 0;
      this.d1 = this.d2 = (itm ? w : -w) * Infinity;
      this.n1 = this.n2 = 0;
      this.cum1 = this.cum2 = itm ? 1 : 0;
    }
    this.x = strike;
    this.dxdk = 1;
    this.setAlpha(w);
    this.setBeta(-w);
  }

  /**
   * A calculator for any striked payoff QuantLib's Black calculator supports.
   * @param payoff - `PlainVanillaPayoff`, `CashOrNothingPayoff`, `AssetOrNothingPayoff` or `GapPayoff`; strike > 0.
   * @param forward - F > 0 (price units).
   * @param stdDev - s = σ√T ≥ 0.
   * @param discount - D > 0.
   * @throws InvalidInputError for another payoff class (naming it) or an argument out of range.
   */
  static fromPayoff(payoff: StrikedTypePayoff, forward: number, stdDev: number, discount: number): BlackCalculator {
    const c = new BlackCalculator(payoff.optionType, payoff.strike, forward, stdDev, discount);
    if (payoff instanceof PlainVanillaPayoff) return c;
    if (payoff instanceof CashOrNothingPayoff) {
      c.setAlpha(0);
      c.setBeta(1);
      c.x = payoff.cashPayoff;
      c.dxdk = 0;
    } else if (payoff instanceof AssetOrNothingPayoff) {
      c.setAlpha(1);
      c.setBeta(0);
      c.x = 0;
      c.dxdk = 0;
    } else if (payoff instanceof GapPayoff) {
      checkFinite('payoff.secondStrike', payoff.secondStrike);
      c.x = payoff.secondStrike;
      c.dxdk = 0;
    } else {
      throw InvalidInputError.outOfRange('payoff', payoff.name(), '{Vanilla, CashOrNothing, AssetOrNothing, Gap}');
    }
    return c;
  }

  private setAlpha(sa: number): void {
    this.alpha = sa * this.cum1;
    this.ka = sa * this.omega;
  }

  private setBeta(sb: number): void {
    this.beta = sb * this.cum2;
    this.kb = sb * this.omega;
  }

  /**
   * Derivatives of u ↦ F α(d1) + x β(d2) (u = ln F, s fixed) and in s, as a small record.
   * Terms with n(d) = 0 are 0 (no ∞ · 0).
   */
  private parts() {
    const { d1, d2, n1, n2, ka, kb, stdDev: s, forward: F, x } = this;
    const a1 = n1 === 0 ? 0 : ka * n1; // α'
    const a2 = n1 === 0 ? 0 : -d1 * ka * n1; // α''
    const a3 = n1 === 0 ? 0 : (d1 * d1 - 1) * ka * n1; // α'''
    const b1 = n2 === 0 ? 0 : kb * n2;
    const b2 = n2 === 0 ? 0 : -d2 * kb * n2;
    const b3 = n2 === 0 ? 0 : (d2 * d2 - 1) * kb * n2;
    const fa = F * this.alpha;
    if (s === 0) return { V: fa + x * this.beta, Vu: fa, Vuu: fa, Vuuu: fa, Vs: 0, Vss: 0, Vus: 0, a1, b1 };
    const s2 = s * s;
    const Vu = fa + (F * a1 + x * b1) / s;
    const Vuu = fa + (2 * F * a1) / s + (F * a2 + x * b2) / s2;
    const Vuuu = fa + (3 * F * a1) / s + (3 * F * a2) / s2 + (F * a3 + x * b3) / (s2 * s);
    const dd1 = n1 === 0 ? 0 : d1;
    const dd2 = n2 === 0 ? 0 : d2;
    // ∂d1/∂s = −d2/s, ∂d2/∂s = −d1/s.
    const Vs = -(F * a1 * d2 + x * b1 * d1) / s;
    const Vss = (F * (a2 * d2 * d2 + a1 * (dd1 + d2)) + x * (b2 * d1 * d1 + b1 * (d1 + dd2))) / s2;
    const Vus = -(F * a1 * d2) / s - (F * (a2 * d2 + a1) + x * (b2 * d1 + b1)) / s2;
    return { V: fa + x * this.beta, Vu, Vuu, Vuuu, Vs, Vss, Vus, a1, b1 };
  }

  /** Option value V (price units). */
  value(): number {
    // + 0 turns the −0 of a worthless option into 0.
    return this.discount * (this.forward * this.alpha + this.x * this.beta) + 0;
  }

  /** ∂V/∂F (D_r, σ fixed). */
  deltaForward(): number {
    return (this.discount * this.parts().Vu) / this.forward;
  }

  /** ∂²V/∂F². */
  gammaForward(): number {
    const p = this.parts();
    return (this.discount * (p.Vuu - p.Vu)) / (this.forward * this.forward);
  }

  /**
   * ∂V/∂S for a spot S with F = S · D_q / D_r.
   * @param spot - S > 0.
   */
  delta(spot: number): number {
    checkPositive('spot', spot);
    return (this.discount * this.parts().Vu) / spot;
  }

  /** ∂²V/∂S²; 0 when s = 0. @param spot - S > 0. */
  gamma(spot: number): number {
    checkPositive('spot', spot);
    const p = this.parts();
    return (this.discount * (p.Vuu - p.Vu)) / (spot * spot);
  }

  /** Speed ∂³V/∂S³ = ∂Γ/∂S; 0 when s = 0. @param spot - S > 0. */
  speed(spot: number): number {
    checkPositive('spot', spot);
    const p = this.parts();
    return (this.discount * (p.Vuuu - 3 * p.Vuu + 2 * p.Vu)) / (spot * spot * spot);
  }

  /**
   * ∂V/∂σ per 1.00 of vol = D √T ∂(Fα + xβ)/∂s.
   * @param maturity - T ≥ 0 in years (the vol's time); `vega(1)` is ∂V/∂s.
   */
  vega(maturity: number): number {
    checkNonNegative('maturity', maturity);
    return this.discount * Math.sqrt(maturity) * this.parts().Vs;
  }

  /**
   * Volga (vomma) ∂²V/∂σ² per 1.00 of vol, squared.
   * @param maturity - T ≥ 0 in years (the vol's time).
   */
  volga(maturity: number): number {
    checkNonNegative('maturity', maturity);
    return this.discount * maturity * this.parts().Vss;
  }

  /**
   * Vanna ∂²V/∂S∂σ per 1.00 of vol.
   * @param spot - S > 0.
   * @param maturity - T ≥ 0 in years (the vol's time).
   */
  vanna(spot: number, maturity: number): number {
    checkPositive('spot', spot);
    checkNonNegative('maturity', maturity);
    return (this.discount * Math.sqrt(maturity) * this.parts().Vus) / spot;
  }

  /**
   * ∂V/∂r per 1.00 (F moves with r): T (D ∂(Fα + xβ)/∂ln F − V).
   * @param maturity - T ≥ 0 in years (the risk-free curve's time).
   */
  rho(maturity: number): number {
    checkNonNegative('maturity', maturity);
    return maturity * (this.discount * this.parts().Vu - this.value());
  }

  /**
   * ∂V/∂q per 1.00 = −T D ∂(Fα + xβ)/∂ln F.
   * @param maturity - T ≥ 0 in years (the dividend curve's time).
   */
  dividendRho(maturity: number): number {
    checkNonNegative('maturity', maturity);
    return -maturity * this.discount * this.parts().Vu;
  }

  /**
   * ∂V/∂t per year of calendar time (QuantLib convention), 0 at T = 0.
   * @param spot - S > 0.
   * @param maturity - T ≥ 0 in years.
   */
  theta(spot: number, maturity: number): number {
    checkNonNegative('maturity', maturity);
    if (maturity === 0) return 0;
    const variance = this.stdDev * this.stdDev;
    return (
      -(
        Math.log(this.discount) * this.value() +
        Math.log(this.forward / spot) * spot * this.delta(spot) +
        0.5 * variance * spot * spot * this.gamma(spot)
      ) / maturity
    );
  }

  /** θ / 365: per calendar day. */
  thetaPerDay(spot: number, maturity: number): number {
    return this.theta(spot, maturity) / 365;
  }

  /**
   * Charm ∂Δ/∂t per year of calendar time (delta decay), 0 at T = 0.
   * @param spot - S > 0.
   * @param maturity - T ≥ 0 in years.
   */
  charm(spot: number, maturity: number): number {
    checkPositive('spot', spot);
    checkNonNegative('maturity', maturity);
    if (maturity === 0) return 0;
    const p = this.parts();
    const dDeltaDT = (Math.log(this.discount) * p.Vu + Math.log(this.forward / spot) * p.Vuu + 0.5 * this.stdDev * p.Vus) / maturity;
    return -(this.discount * dDeltaDT) / spot;
  }

  /** ∂V/∂K with the payoff's cash amount fixed (the gap's second strike and a digital's cash do not move). */
  strikeSensitivity(): number {
    const p = this.parts();
    if (this.stdDev === 0) return this.discount * this.beta * this.dxdk;
    const ks = this.strike * this.stdDev;
    return this.discount * (-(this.forward * p.a1 + this.x * p.b1) / ks + this.beta * this.dxdk);
  }

  /** Risk-neutral probability of finishing in the money, N(ω d2). */
  itmCashProbability(): number {
    return this.cum2;
  }

  /** The same under the share measure, N(ω d1). */
  itmAssetProbability(): number {
    return this.cum1;
  }

  /** Δ · S / V; 0 when V = 0. */
  elasticity(spot: number): number {
    const v = this.value();
    if (v === 0) return 0;
    checkFinite('spot', spot);
    return (this.delta(spot) * spot) / v;
  }
}
