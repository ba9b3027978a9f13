import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { ForwardRateAgreementArguments } from '../../instruments/ForwardRateAgreement.js';
import type { PricingResults } from '../../instruments/PricingResults.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { PricingEngine } from '../PricingEngine.js';

/**
 * Prices a {@link ForwardRateAgreement}: the settlement amount N (F − K) τ/(1 + F τ) discounted
 * from the value date.
 *
 * @remarks
 * F is the index fixing for the FRA's fixing date (`useIndexedCoupon`), or the simple forward
 * (P_f(v)/P_f(m) − 1)/τ on the index's forwarding curve P_f; τ = τ(valueDate, maturityDate) by the
 * index's day counter. NPV = position · N (F − K) τ/(1 + F τ) · P(valueDate), P the discount curve.
 * Additional results: `forwardRate` (F), `amount` (the undiscounted signed settlement amount).
 * Observes: the discount-curve handle.
 *
 * Source: QuantLib 1.29 `ql/instruments/forwardrateagreement.cpp` (`calculateForwardRate`,
 * `calculateAmount`, `performCalculations`).
 * Checked against: `test/instruments/fra.test.ts`.
 *
 * @public
 */
export class DiscountingFraEngine extends PricingEngine<ForwardRateAgreementArguments> {
  /**
   * @param discountCurve - handle of the discount curve (not empty when pricing).
   * @throws InvalidInputError when `discountCurve` is not a Handle.
   */
  constructor(readonly discountCurve: Handle<YieldTermStructure>) {
    super();
    if (!(discountCurve instanceof Handle)) throw InvalidInputError.outOfRange('discountCurve', discountCurve, 'a Handle<YieldTermStructure>');
    this.registerWith(discountCurve);
  }

  /**
   * @throws QuantflowError (code `EMPTY_HANDLE`) when a curve handle is empty; MissingFixingError
   *   for a past fixing not in the store.
   */
  calculate(args: ForwardRateAgreementArguments): PricingResults {
    const { iborIndex: index, valueDate, maturityDate } = args;
    const tau = index.dayCounter.yearFraction(valueDate, maturityDate);
    let forwardRate: number;
    if (args.useIndexedCoupon) {
      forwardRate = index.fixing(args.fixingDate);
    } else {
      const f = index.forwardingTermStructure.currentLink();
      forwardRate = (f.discount(valueDate) / f.discount(maturityDate) - 1) / tau;
    }
    const amount = (args.type * args.notionalAmount * (forwardRate - args.strikeForwardRate) * tau) / (1 + forwardRate * tau);
    const value = amount * this.discountCurve.currentLink().discount(valueDate);
    return { value, greeks: {}, additionalResults: { forwardRate, amount } };
  }
}
