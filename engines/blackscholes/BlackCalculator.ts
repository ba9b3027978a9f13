import { checkFinite, checkNonNegative, checkPositive } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { normalCdf } from '../../src/math/distributions/normalCdf.js';
import { normalPdf } from '../../src/math/distributions/normalPdf.js';
import { OptionType } from '../../instruments/OptionType.js';

/**
 * Black-76 price and sensitivities of a vanilla option on a forward,
 * V = D ω [F N(ω d1) − K N(ω d2)], d1,2 = ln(F/K)/s ± s/2, s = σ√T, ω = ±1.
 *
 * @remarks
 * Spot Greeks take F = S · D_q / D_r. Conventions (QuantLib): vega per 1.00 of vol, rho and
 * dividend rho per 1.00 of continuously compounded rate, theta per year of calendar time,
 * theta = −(ln D · V + ln(F/S) · S Δ + ½ s² S² Γ) / T. With s = 0 the value is the discounted
 * intrinsic value and Γ = vega = 0.
 * Source: Black (1976), "The pricing of commodity contracts", J. Fin. Econ. 3, eqs. (17)–(18);
 * QuantLib `ql/pricingengines/blackcalculator.hpp` for the set of sensitivities.
 * Checked against: `test/engines/blackscholes/AnalyticEuropeanEngine.test.ts` (QuantLib 1.29
 * values, bump-and-reprice Greeks).
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
  private readonly nd1: number;
  private readonly nd2: number;
  private readonly pdf1: number;

  /**
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
    this.omega = optionType;
    if (stdDev > 0) {
      const d1 = Math.log(forward / strike) / stdDev + 0.5 * stdDev;
      const d2 = d1 - stdDev;
      this.nd1 = normalCdf(this.omega * d1);
      this.nd2 = normalCdf(this.omega * d2);
      this.pdf1 = normalPdf(d1);
    } else {
      const itm = this.omega * (forward - strike) > 0 ? 1 : 0;
      this.nd1 = itm;
      this.nd2 = itm;
      this.pdf1 = 0;
    }
  }

  /** Option value V (price units). */
  value(): number {
    // + 0 turns the −0 of a worthless put into 0.
    return this.discount * this.omega * (this.forward * this.nd1 - this.strike * this.nd2) + 0;
  }

  /** ∂V/∂F = D ω N(ω d1). */
  deltaForward(): number {
    return this.discount * this.omega * this.nd1;
  }

  /**
   * ∂V/∂S for a spot S with F = S · D_q / D_r.
   * @param spot - S > 0.
   */
  delta(spot: number): number {
    checkPositive('spot', spot);
    return (this.deltaForward() * this.forward) / spot;
  }

  /** ∂²V/∂S² = D n(d1) F / (S² s); 0 when s = 0. */
  gamma(spot: number): number {
    checkPositive('spot', spot);
    if (this.stdDev === 0) return 0;
    return (this.discount * this.pdf1 * this.forward) / (spot * spot * this.stdDev);
  }

  /**
   * ∂V/∂σ per 1.00 of vol = D F n(d1) √T.
   * @param maturity - T ≥ 0 in years (the vol's time).
   */
  vega(maturity: number): number {
    checkNonNegative('maturity', maturity);
    return this.discount * this.forward * this.pdf1 * Math.sqrt(maturity);
  }

  /**
   * ∂V/∂r per 1.00 = T D ω K N(ω d2) (F moves with r).
   * @param maturity - T ≥ 0 in years (the risk-free curve's time).
   */
  rho(maturity: number): number {
    checkNonNegative('maturity', maturity);
    return maturity * this.discount * this.omega * this.strike * this.nd2;
  }

  /**
   * ∂V/∂q per 1.00 = −T D ω F N(ω d1).
   * @param maturity - T ≥ 0 in years (the dividend curve's time).
   */
  dividendRho(maturity: number): number {
    checkNonNegative('maturity', maturity);
    return -maturity * this.discount * this.omega * this.forward * this.nd1;
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

  /** ∂V/∂K = −D ω N(ω d2). */
  strikeSensitivity(): number {
    return -this.discount * this.omega * this.nd2;
  }

  /** Risk-neutral probability of finishing in the money, N(ω d2). */
  itmCashProbability(): number {
    return this.nd2;
  }

  /** Δ · S / V; 0 when V = 0. */
  elasticity(spot: number): number {
    const v = this.value();
    if (v === 0) return 0;
    checkFinite('spot', spot);
    return (this.delta(spot) * spot) / v;
  }
}
