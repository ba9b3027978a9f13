import { InvalidInputError } from '../../src/errors.js';
import type { Handle } from '../../src/patterns/Handle.js';
import type { OptionType } from '../../instruments/OptionType.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';
import type { SabrSmileSection } from '../../termstructures/volatility/sabr/SabrSmileSection.js';
import { sabrVolatility } from '../../termstructures/volatility/sabr/sabrVolatility.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { bachelierBlackFormula } from '../blackscholes/formulas/bachelierBlackFormula.js';
import { bachelierBlackFormulaForwardDerivative } from '../blackscholes/formulas/bachelierBlackFormulaForwardDerivative.js';
import { bachelierBlackFormulaStdDevDerivative } from '../blackscholes/formulas/bachelierBlackFormulaStdDevDerivative.js';
import { blackFormula } from '../blackscholes/formulas/blackFormula.js';
import { blackFormulaForwardDerivative } from '../blackscholes/formulas/blackFormulaForwardDerivative.js';
import { blackFormulaStdDevDerivative } from '../blackscholes/formulas/blackFormulaStdDevDerivative.js';
import { bachelierBlackFormulaImpliedVol } from '../blackscholes/formulas/bachelierBlackFormulaImpliedVol.js';
import { blackFormulaImpliedStdDev } from '../blackscholes/formulas/blackFormulaImpliedStdDev.js';
import { europeanVanillaPayoff } from '../_lib/europeanVanillaPayoff.js';
import { PricingEngine } from '../PricingEngine.js';
import { resolveSabrPdeOptions, sabrArbitrageFreeDensity, type SabrArbitrageFreeDensity, type SabrPdeOptions } from './sabrArbitrageFreeDensity.js';

/**
 * Options of {@link AnalyticSabrEuropeanEngine}.
 * @public
 */
export interface SabrEuropeanEngineOptions {
  /**
   * `'hagan-expansion'` (default): Black-76/Bachelier at the section's implied vol (Hagan et al. 2002
   * or Obłój 2008, as the section says). `'hagan-2014-pde'`: arbitrage-free SABR, the payoff
   * integrated against the density of the effective forward equation (Hagan, Kumar, Lesniewski &
   * Woodward 2014; see {@link sabrArbitrageFreeDensity}).
   */
  readonly method?: 'hagan-expansion' | 'hagan-2014-pde';
  /** Grid and time stepping of the `'hagan-2014-pde'` method. */
  readonly pde?: SabrPdeOptions;
}

/** Largest gap allowed between the option's expiry time (on the discount curve) and the section's T: half a day. */
const EXPIRY_TOLERANCE = 0.5 / 365;

/**
 * European vanillas on a forward priced with SABR implied vols: Black-76 (shifted when the section
 * is) or Bachelier, in the convention of the SABR section.
 *
 * @remarks
 * For a strike K the section gives σ(K) = {@link sabrVolatility}(K, F, T, …); the value is
 * D·Black76(K + s, F + s, σ√T) for a lognormal section (shift s), or D·Bachelier(K, F, σ√T) for a
 * normal one, D the discount factor of the curve at the exercise date. The option's expiry must be
 * the section's: |t(expiry) − T| ≤ half a day on the curve's day count.
 * Greeks: `vega` = ∂V/∂σ per 1.00 of the section's vol (Black or normal), at fixed strike;
 * `deltaForward` = ∂V/∂F along the SABR backbone with α, β, ρ, ν fixed (Hagan et al. 2002, eq. 3.3):
 * ∂V_model/∂F + ∂V_model/∂σ·∂σ(K; F)/∂F, the last derivative by central differences of σ in F
 * (step 1e-5·(F + s)). Additional results: `forward`, `strike`, `volatility`, `timeToExpiry`,
 * `discount`, `shift`.
 * With `method: 'hagan-2014-pde'` the value is D·E[(ω(F_T − K))⁺] under the density Q(T, F) of
 * the arbitrage-free SABR forward equation with its boundary masses ({@link sabrArbitrageFreeDensity};
 * one solve per section state, reused across strikes), `volatility` is the implied vol of that
 * price in the section's convention (Black-76 shifted by s, or Bachelier; omitted where the price
 * has no implied vol) and no Greeks are returned; additional results also `lowerMass`,
 * `upperMass` (the absorbed probabilities), `lowerBoundary`, `upperBoundary`.
 * Source: P. S. Hagan et al. (2002), "Managing smile risk", Wilmott, eqs. (2.17a), (3.3);
 * P. S. Hagan, D. Kumar, A. S. Lesniewski, D. E. Woodward (2014), "Arbitrage-free SABR", Wilmott, January;
 * F. Black (1976), J. Financial Economics 3, 167–179; L. Bachelier (1900).
 * Checked against: `blackFormula`/`bachelierBlackFormula` at the QuantLib 1.29 `sabr` vols, put–call
 * parity D(F − K), deltaForward and vega against bump-and-reprice, and a forward tick repricing
 * (test/engines/sabr/AnalyticSabrEuropeanEngine.test.ts); the PDE method in
 * test/engines/sabr/sabrArbitrageFreeDensity.test.ts and AnalyticSabrEuropeanEnginePde.test.ts.
 *
 * @public
 */
export class AnalyticSabrEuropeanEngine extends PricingEngine<VanillaOptionArguments> {
  private readonly method: 'hagan-expansion' | 'hagan-2014-pde';
  private readonly pdeOptions: SabrPdeOptions;
  private cached: { key: string; density: SabrArbitrageFreeDensity } | undefined;

  /**
   * @param section - the SABR smile of the option's expiry (observed: a forward or quote tick notifies).
   * @param discountCurve - discounting curve handle (observed).
   * @param options - pricing method and PDE options ({@link SabrEuropeanEngineOptions}); default the expansion.
   * @throws InvalidInputError for an unknown method or out-of-range PDE options.
   */
  constructor(
    readonly section: SabrSmileSection,
    readonly discountCurve: Handle<YieldTermStructure>,
    options: SabrEuropeanEngineOptions = {},
  ) {
    super();
    const method = options.method ?? 'hagan-expansion';
    if (method !== 'hagan-expansion' && method !== 'hagan-2014-pde') {
      throw InvalidInputError.outOfRange('options.method', method, "{'hagan-expansion', 'hagan-2014-pde'}");
    }
    this.method = method;
    this.pdeOptions = options.pde ?? {};
    if (method === 'hagan-2014-pde') resolveSabrPdeOptions(this.pdeOptions, 1, 'options.pde');
    this.registerWith(section);
    this.registerWith(discountCurve);
  }

  /**
   * Prices the option.
   * @param args - European exercise, `PlainVanillaPayoff` strike K with K + shift > 0 (any finite K
   *   with the PDE method).
   * @returns value (price units, discounted), greeks `vega` and `deltaForward` (none with the PDE
   *   method), and the additional results above.
   * @throws InvalidInputError when the exercise is not European, the payoff not plain vanilla, the
   *   expiry not the section's (naming the values and the allowed range), or (expansion method) K + shift ≤ 0.
   */
  calculate(args: VanillaOptionArguments): PricingResults {
    const payoff = europeanVanillaPayoff(args);
    const s = this.section;
    const curve = this.discountCurve.currentLink();
    const expiry = args.exercise.lastDate();
    const t = curve.timeFromReference(expiry);
    const T = s.exerciseTime();
    if (!(Math.abs(t - T) <= EXPIRY_TOLERANCE)) {
      throw InvalidInputError.outOfRange('exercise.lastDate (years)', t, `[${T - EXPIRY_TOLERANCE}, ${T + EXPIRY_TOLERANCE}] (the SABR section's expiry ± half a day)`);
    }
    const type = payoff.optionType;
    const strike = payoff.strike;
    const forward = s.forward();
    const shift = s.shift();
    const discount = curve.discount(expiry);
    if (this.method === 'hagan-2014-pde') return this.pdePrice(type, strike, forward, shift, T, discount);
    const vol = s.volatility(strike);
    const sqrtT = Math.sqrt(T);
    const normal = s.volatilityType() === 'normal';
    const price = (f: number, sigma: number): number =>
      normal ? bachelierBlackFormula(type, strike, f, sigma * sqrtT, discount) : blackFormula(type, strike, f, sigma * sqrtT, discount, shift);
    const value = price(forward, vol);
    const dVdStdDev = normal ? bachelierBlackFormulaStdDevDerivative(strike, forward, vol * sqrtT, discount) : blackFormulaStdDevDerivative(strike, forward, vol * sqrtT, discount, shift);
    const vega = dVdStdDev * sqrtT;
    const dVdF = normal ? bachelierBlackFormulaForwardDerivative(type, strike, forward, vol * sqrtT, discount) : blackFormulaForwardDerivative(type, strike, forward, vol * sqrtT, discount, shift);
    const p = s.parameters();
    const h = 1e-5 * (forward + shift);
    const options = { volatilityType: s.volatilityType(), approximation: s.approximation(), shift } as const;
    const dSigmadF = (sabrVolatility(strike, forward + h, T, p, options) - sabrVolatility(strike, forward - h, T, p, options)) / (2 * h);
    return {
      value,
      greeks: { vega, deltaForward: dVdF + vega * dSigmadF },
      additionalResults: { forward, strike, volatility: vol, timeToExpiry: T, discount, shift },
    };
  }

  private pdePrice(type: OptionType, strike: number, forward: number, shift: number, T: number, discount: number): PricingResults {
    const p = this.section.parameters();
    const key = [T, forward, shift, p.alpha, p.beta, p.nu, p.rho].join(',');
    if (this.cached?.key !== key) this.cached = { key, density: sabrArbitrageFreeDensity(T, forward, p, shift, this.pdeOptions) };
    const d = this.cached.density;
    const undiscounted = d.price(type, strike);
    const additionalResults: Record<string, number> = {
      forward, strike, timeToExpiry: T, discount, shift,
      lowerMass: d.lowerMass, upperMass: d.upperMass, lowerBoundary: d.lowerBoundary, upperBoundary: d.upperBoundary,
    };
    try {
      additionalResults['volatility'] = this.section.volatilityType() === 'normal'
        ? bachelierBlackFormulaImpliedVol(type, strike, forward, T, undiscounted)
        : blackFormulaImpliedStdDev(type, strike, forward, undiscounted, 1, shift) / Math.sqrt(T);
    } catch {
      // A price at (or numerically beyond) the no-arbitrage bounds has no implied vol: leave it out.
    }
    return { value: discount * undiscounted, greeks: {}, additionalResults };
  }
}
