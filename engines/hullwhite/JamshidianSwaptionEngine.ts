import { InvalidInputError } from '../../src/errors.js';
import { adaptiveGaussKronrod } from '../../src/math/integration/adaptiveGaussKronrod.js';
import { HullWhite } from '../../src/models/HullWhite.js';
import { hullWhiteB } from '../../src/models/_lib/hullWhiteFactors.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import { SettlementType } from '../../instruments/SettlementType.js';
import type { SwaptionArguments } from '../../instruments/Swaption.js';
import { PricingEngine } from '../PricingEngine.js';
import { hullWhiteSwaptionFlows, type HullWhiteSwaptionFlows } from './_lib/hullWhiteSwaptionFlows.js';
import { jamshidianPrice } from './_lib/jamshidianPrice.js';

/**
 * Prices European swaptions in the Hull–White model by Jamshidian's decomposition into zero-bond
 * options (physical settlement), or by quadrature over the Gaussian state (cash settlement).
 *
 * @remarks
 * At exercise T a payer swaption pays max(N P(T, t_s) − Σ_k c_k P(T, t_k), 0): the swap entered
 * starts at t_s, its floating leg is worth N(P(T, t_s) − P(T, t_e)) (par coupons), and
 * {(t_k, c_k)} are the fixed amounts N K τ_i, minus the spread amounts N s_j τ_j, plus N at t_e.
 * Every P(T, t_k)/P(T, t_s) falls with the state x(T), so with x* the root of
 * Σ c_k P(T, t_k | x*)/P(T, t_s | x*) = N (Brent's method) and X_k that ratio at x*, the payer is
 * Σ c_k ZBP(T; t_s → t_k, X_k) and the receiver Σ c_k ZBC (Jamshidian 1989; Brigo & Mercurio
 * 2006 §3.3.2, eq. 3.44), with the forward-bond options of {@link HullWhite.discountBondOption}.
 * The decomposition is exact when every c_k ≥ 0 (spreads below the fixed rate); the engine
 * refuses otherwise.
 * Cash settlement (par-yield, see `SettlementType`) pays N·Â(S)·max(ω(S − K), 0) at t_s, with S the
 * swap rate at T and Â(S) = Σ_i τ_i Π_{j ≤ i}(1 + S τ_j)^{−1}; it is integrated against the
 * Gaussian law of x(T) under the T-forward measure (mean 0, variance y(T); adaptive Gauss–Kronrod, split at x*,
 * absolute tolerance 1e-13 per unit nominal).
 * Times are the model curve's (its day counter from its reference date). A piecewise-constant
 * σ enters only through y(T) = ∫_0^T σ(u)² e^{−2a(T−u)} du.
 * Additional results: `xStar` (x* = r* − f(0, T)), `rStar` (the short rate r* at which the
 * swap is at the money on exercise), `exerciseTime` (years), `forwardSwapValue` (the payer
 * swap's value today under the par-float convention, ω-signed for the swaption's side, so
 * payer − receiver = `forwardSwapValue` of the payer), `annuity` (N Σ τ_i P(0, t_i)),
 * `fairRate` (forward swap rate).
 * Observes: the model (and through it the curve).
 *
 * Source: F. Jamshidian (1989), "An exact bond option formula", J. Finance 44(1), 205–209;
 * D. Brigo, F. Mercurio (2006), *Interest Rate Models*, 2nd ed., §3.3.2; QuantLib
 * `ql/pricingengines/swaption/jamshidianswaptionengine.hpp` (the arguments it reads).
 * Checked against: `test/engines/hullwhite/JamshidianSwaptionEngine.test.ts` — QuantLib 1.29
 * `JamshidianSwaptionEngine` (flat 3 %, a = 0.1, σ = 0.01, 12 prices) at 1e-8, payer −
 * receiver = forward swap (property), quadrature of the physical payoff, a one-coupon swaption
 * equal to a bond option.
 * @public
 */
export class JamshidianSwaptionEngine extends PricingEngine<SwaptionArguments> {
  /**
   * @param model - the Hull–White model (curve, a, σ).
   * @throws InvalidInputError when `model` is not a HullWhite.
   */
  constructor(readonly model: HullWhite) {
    super();
    if (!(model instanceof HullWhite)) throw InvalidInputError.outOfRange('model', model, 'a HullWhite');
    this.registerWith(model);
  }

  /**
   * @throws InvalidInputError for a non-European exercise, a negative bond amount, or no coupon
   * after the exercise; whatever the curve throws.
   */
  calculate(args: SwaptionArguments): PricingResults {
    if (args.exerciseType !== ExerciseType.European) throw InvalidInputError.outOfRange('exerciseType', args.exerciseType, '{European} (JamshidianSwaptionEngine)');
    const model = this.model;
    const curve = model.curve();
    const flows = hullWhiteSwaptionFlows(args, curve);
    const { exerciseTime: T, valueTime: ts } = flows;
    if (T < 0) throw InvalidInputError.outOfRange('exerciseTime', T, '[0, ∞) (exercise on or after the curve reference date)');
    flows.amounts.forEach((c, k) => {
      if (!(c >= 0)) throw InvalidInputError.outOfRange(`bond amount ${k} (fixed minus spread)`, c, '[0, ∞) for Jamshidian decomposition');
    });
    const a = model.a;
    const V = model.stateVariance(0, T);
    const N = args.nominal;
    const Ps = curve.discount(ts, true);
    const inputs = {
      exerciseTime: T, valueTime: ts, valueDiscount: Ps, times: flows.times, amounts: flows.amounts,
      discounts: flows.times.map((t) => curve.discount(t, true)), nominal: N, type: args.type as number,
    };
    const jamshidian = jamshidianPrice(inputs, a, V);
    const xStar = jamshidian.xStar;
    const w = args.type as number;
    const value = args.settlementType === SettlementType.Physical ? jamshidian.value : cashSettled(model, flows, args, xStar);
    let annuity = 0;
    flows.fixedAccruals.forEach((tau, i) => (annuity += N * tau * curve.discount(flows.fixedTimes[i] as number, true)));
    let spreadValue = 0;
    flows.spreadAmounts.forEach((s, j) => (spreadValue += s * curve.discount(flows.spreadTimes[j] as number, true)));
    const floatValue = N * (Ps - curve.discount(flows.endTime, true)) + spreadValue;
    const fixedValue = args.fixedRate * annuity;
    return {
      value,
      greeks: {},
      additionalResults: {
        xStar, rStar: xStar + curve.forwardRate(T, T, true), exerciseTime: T,
        forwardSwapValue: w * (floatValue - fixedValue), annuity, fairRate: floatValue / annuity,
      },
    };
  }
}

/** Cash (par-yield) settlement: P(0, T) E^T[N Â(S) max(ω(S − K), 0) P(T, t_s)] by quadrature. */
function cashSettled(model: HullWhite, flows: HullWhiteSwaptionFlows, args: SwaptionArguments, xStar: number): number {
  const curve = model.curve();
  const a = model.a;
  const T = flows.exerciseTime;
  const V = model.stateVariance(0, T);
  const PT = curve.discount(T, true);
  const bond = (t: number, x: number): number => {
    const B = hullWhiteB(a, t - T);
    return (curve.discount(t, true) / PT) * Math.exp(-B * x - 0.5 * B * B * V);
  };
  const N = args.nominal;
  const w = args.type as number;
  const payoff = (x: number): number => {
    let level = 0;
    flows.fixedAccruals.forEach((tau, i) => (level += tau * bond(flows.fixedTimes[i] as number, x)));
    let spread = 0;
    flows.spreadAmounts.forEach((s, j) => (spread += s * bond(flows.spreadTimes[j] as number, x)));
    const Pts = bond(flows.valueTime, x);
    const S = (N * (Pts - bond(flows.endTime, x)) + spread) / (N * level);
    let annuity = 0;
    let compound = 1;
    flows.fixedAccruals.forEach((tau) => {
      compound /= 1 + S * tau;
      annuity += tau * compound;
    });
    return N * annuity * Math.max(w * (S - args.fixedRate), 0) * Pts;
  };
  // Under the T-forward measure x(T) = r(T) − f(0, T) has mean 0 (f(0, T) = E^T[r(T)]).
  const mean = 0;
  const sd = Math.sqrt(V);
  if (!(sd > 0)) return PT * payoff(mean);
  const density = (x: number): number => Math.exp(-0.5 * ((x - mean) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
  const f = (x: number): number => density(x) * payoff(x);
  const lo = mean - 12 * sd;
  const hi = mean + 12 * sd;
  const k = Math.min(Math.max(xStar, lo), hi);
  // The payoff has a kink at x*, where S = K: integrate each side separately.
  const tol = { absoluteTolerance: 1e-13 * N };
  return PT * (adaptiveGaussKronrod(f, lo, k, tol).value + adaptiveGaussKronrod(f, k, hi, tol).value);
}
