import { InvalidInputError } from '../errors.js';
import { Handle } from '../patterns/Handle.js';
import { Observable } from '../patterns/Observable.js';
import type { Observer } from '../patterns/Observer.js';
import type { Quote } from '../quotes/Quote.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import type { HestonParameters } from './HestonParameters.js';
import { checkHestonParameters } from './_lib/checkHestonParameters.js';

/**
 * The Heston (1993) stochastic-volatility process
 * dS/S = (r(t) − q(t)) dt + √v dW₁, dv = κ(θ − v) dt + σ√v dW₂, d⟨W₁, W₂⟩ = ρ dt,
 * given by its market objects (risk-free and dividend curves, spot quote) and five parameters.
 *
 * @remarks
 * Arguments in QuantLib's order. The parameters are fixed at construction (a
 * {@link HestonModel} built on the process holds the calibratable copy); a change of a market
 * handle (a quote tick, a relink) notifies every model and engine built on the process.
 * Observes: the three handles.
 * Source: QuantLib `ql/processes/hestonprocess.hpp` (`HestonProcess`); Heston (1993), "A
 * Closed-Form Solution for Options with Stochastic Volatility", Rev. Financial Studies 6(2).
 * Checked against: `test/models/HestonModel.test.ts` (validation, notifications).
 *
 * @example
 * ```ts
 * import { Date, FlatForward, Handle, HestonProcess, SimpleQuote } from 'quantflow';
 * const curve = (r: number) => new Handle(new FlatForward(r, { referenceDate: Date.fromISO('2025-01-02') }));
 * const process = new HestonProcess(curve(0.03), curve(0.01), new Handle(new SimpleQuote(100)), 0.04, 1.5, 0.04, 0.3, -0.7);
 * process.parameters.rho; //=> -0.7
 * ```
 * @public
 */
export class HestonProcess extends Observable implements Observer {
  /** The validated parameters (v0, κ, θ, σ, ρ). */
  readonly parameters: HestonParameters;

  /**
   * @param riskFreeRate - handle to the risk-free discount curve r.
   * @param dividendYield - handle to the dividend (or foreign-rate, or repo) curve q.
   * @param s0 - handle to the spot quote (price units, > 0 when valid).
   * @param v0 - initial variance, > 0 (0.04 = 20 % vol).
   * @param kappa - mean-reversion speed κ, per year, > 0.
   * @param theta - long-run variance θ, > 0.
   * @param sigma - volatility of variance σ, per √year, > 0.
   * @param rho - correlation ρ ∈ (−1, 1).
   * @throws InvalidInputError when a handle is not a `Handle`, or a parameter is outside its
   * range (the message names it, its value and the range).
   */
  constructor(
    readonly riskFreeRate: Handle<YieldTermStructure>,
    readonly dividendYield: Handle<YieldTermStructure>,
    readonly s0: Handle<Quote>,
    v0: number,
    kappa: number,
    theta: number,
    sigma: number,
    rho: number,
  ) {
    super();
    this.parameters = checkHestonParameters({ v0, kappa, theta, sigma, rho });
    const named = { riskFreeRate, dividendYield, s0 };
    for (const [name, h] of Object.entries(named)) {
      if (!(h instanceof Handle)) throw InvalidInputError.outOfRange(name, h, 'a Handle');
    }
    for (const h of [riskFreeRate, dividendYield, s0]) h.registerObserver(this);
  }

  /**
   * The current spot S₀, read from the `s0` quote.
   * @returns S₀ in price units, > 0.
   * @throws InvalidInputError when the spot is not > 0.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spot quote is invalid.
   */
  spot(): number {
    const spot = this.s0.currentLink().value();
    if (!(spot > 0) || !Number.isFinite(spot)) throw InvalidInputError.outOfRange('spot', spot, '(0, ∞)');
    return spot;
  }

  /** Forwards a change of a market object. */
  update(): void {
    this.notifyObservers();
  }

  /** Unregisters from the market handles, so the process can be garbage-collected. */
  dispose(): void {
    for (const h of [this.riskFreeRate, this.dividendYield, this.s0]) h.unregisterObserver(this);
  }
}
