import { InvalidInputError } from '../errors.js';
import { Handle } from '../patterns/Handle.js';
import { Observable } from '../patterns/Observable.js';
import type { Observer } from '../patterns/Observer.js';
import type { Quote } from '../quotes/Quote.js';
import type { BlackVolTermStructure } from '../../termstructures/volatility/BlackVolTermStructure.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';

/**
 * The Black–Scholes–Merton process dS/S = (r(t) − q(t)) dt + σ(t, S) dW, given by its market
 * objects: a spot quote, a dividend-yield curve, a risk-free curve and a Black vol surface.
 *
 * @remarks
 * Holds handles only; a change of any of them (a quote tick, a relink) notifies every engine
 * built on the process.
 * Observes: the four handles.
 * Source: QuantLib `ql/processes/blackscholesprocess.hpp` (`GeneralizedBlackScholesProcess`);
 * Merton (1973), "Theory of Rational Option Pricing".
 *
 * @public
 */
export class GeneralizedBlackScholesProcess extends Observable implements Observer {
  /**
   * @param x0 - handle to the spot quote (price units, > 0 when valid).
   * @param dividendYield - handle to the dividend (or foreign-rate, or repo) curve q.
   * @param riskFreeRate - handle to the risk-free discount curve r.
   * @param blackVolatility - handle to the Black vol surface σ(t, K).
   * @throws InvalidInputError when an argument is not a `Handle`.
   */
  constructor(
    readonly x0: Handle<Quote>,
    readonly dividendYield: Handle<YieldTermStructure>,
    readonly riskFreeRate: Handle<YieldTermStructure>,
    readonly blackVolatility: Handle<BlackVolTermStructure>,
  ) {
    super();
    const named = { x0, dividendYield, riskFreeRate, blackVolatility };
    for (const [name, h] of Object.entries(named)) {
      if (!(h instanceof Handle)) throw InvalidInputError.outOfRange(name, h, 'a Handle');
      h.registerObserver(this);
    }
  }

  /**
   * The current spot S₀, read from the `x0` quote (QuantLib's `x0()`).
   * @returns S₀ in price units, > 0.
   * @throws InvalidInputError when the spot is not > 0.
   * @throws QuantflowError (code `INVALID_QUOTE`) when the spot quote is invalid.
   */
  spot(): number {
    const spot = this.x0.currentLink().value();
    if (!(spot > 0)) throw InvalidInputError.outOfRange('spot', spot, '(0, ∞)');
    return spot;
  }

  /** Forwards a change of a market object. */
  update(): void {
    this.notifyObservers();
  }

  /** Unregisters from the market handles, so the process can be garbage-collected. */
  dispose(): void {
    for (const h of [this.x0, this.dividendYield, this.riskFreeRate, this.blackVolatility]) h.unregisterObserver(this);
  }
}
