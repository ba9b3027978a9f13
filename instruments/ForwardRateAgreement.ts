import { checkFinite, checkPositive } from '../src/_lib/checks.js';
import { InvalidInputError } from '../src/errors.js';
import { IborIndex } from '../src/indexes/IborIndex.js';
import { Settings } from '../src/settings.js';
import { Date } from '../src/time/Date.js';
import { Instrument } from './Instrument.js';
import { Position } from './Position.js';

/**
 * Terms of a {@link ForwardRateAgreement}.
 * @public
 */
export interface ForwardRateAgreementTerms {
  /** Start of the forward period (the settlement date of the FRA). */
  readonly valueDate: Date;
  /** End of the forward period, rolled by the index's convention on its fixing calendar; after `valueDate`. */
  readonly maturityDate: Date;
  /** `Long` receives the floating rate and pays the strike; `Short` the reverse. */
  readonly type: Position;
  /** Contract rate K, decimal per year, simple by the index's day counter; finite. */
  readonly strikeForwardRate: number;
  /** Notional, currency units; finite, > 0. */
  readonly notionalAmount: number;
  /** The index whose fixing settles the FRA. */
  readonly iborIndex: IborIndex;
  /** Forecast the index fixing on its own period (QuantLib's default) rather than over [value, maturity]. */
  readonly useIndexedCoupon: boolean;
}

/**
 * What FRA engines receive: the terms, with the fixing date.
 * @public
 */
export interface ForwardRateAgreementArguments extends ForwardRateAgreementTerms {
  /** The index's fixing date for `valueDate`. */
  readonly fixingDate: Date;
}

/**
 * A forward-rate agreement, settled at the start of its period at the discounted difference
 * between the fixing and the contract rate.
 *
 * @remarks
 * With F the index fixing (forecast or past) for the value date, K the strike and
 * τ = τ(valueDate, maturityDate) by the index's day counter, the amount paid on the value date is
 * position · N (F − K) τ / (1 + F τ) and NPV = amount · P(valueDate). `useIndexedCoupon` false
 * forecasts F = (P(v)/P(m) − 1)/τ on the index's forwarding curve over [valueDate, maturityDate].
 * Engines report the additional results `forwardRate` (F) and `amount`. Expired once the value
 * date has passed.
 * Observes: its engine and its index.
 *
 * Source: QuantLib `ql/instruments/forwardrateagreement.hpp` / `.cpp` (1.29; here the discounting
 * is a {@link DiscountingFraEngine} rather than a handle held by the instrument); Hull (2018),
 * *Options, Futures, and Other Derivatives*, 10th ed., ch. 4 (forward rate agreements).
 * Checked against: `test/instruments/fra.test.ts` (QuantLib 1.29 NPV and forward; NPV 0 at the forward).
 * @public
 */
export class ForwardRateAgreement extends Instrument<ForwardRateAgreementTerms, ForwardRateAgreementArguments> {
  /**
   * @param valueDate - start of the forward period.
   * @param maturityDate - end of the period before rolling; after `valueDate`.
   * @param type - `Position.Long` (receive floating) or `Position.Short`.
   * @param strikeForwardRate - contract rate, decimal per year; finite.
   * @param notionalAmount - currency units; finite, > 0.
   * @param iborIndex - the settling index (its forwarding curve forecasts F).
   * @param useIndexedCoupon - default true (QuantLib's).
   * @throws InvalidInputError when a date is not a Date, the maturity is not after the value date,
   *   the type is not ±1, the strike is not finite or the notional not finite and > 0.
   */
  constructor(valueDate: Date, maturityDate: Date, type: Position, strikeForwardRate: number, notionalAmount: number, iborIndex: IborIndex, useIndexedCoupon = true) {
    if (!(valueDate instanceof Date)) throw InvalidInputError.outOfRange('valueDate', valueDate, 'a quantflow Date');
    if (!(maturityDate instanceof Date)) throw InvalidInputError.outOfRange('maturityDate', maturityDate, 'a quantflow Date');
    if (!(iborIndex instanceof IborIndex)) throw InvalidInputError.outOfRange('iborIndex', iborIndex, 'an IborIndex');
    const maturity = iborIndex.fixingCalendar().adjust(maturityDate, iborIndex.convention);
    if (!maturity.isAfter(valueDate)) throw InvalidInputError.outOfRange('maturityDate', maturity.toISOString(), `(${valueDate.toISOString()}, ∞)`);
    if (type !== Position.Long && type !== Position.Short) throw InvalidInputError.outOfRange('type', type, '{1 (Long), -1 (Short)}');
    checkFinite('strikeForwardRate', strikeForwardRate);
    checkPositive('notionalAmount', notionalAmount);
    super({ valueDate, maturityDate: maturity, type, strikeForwardRate, notionalAmount, iborIndex, useIndexedCoupon });
    this.registerWith(iborIndex);
  }

  /** Detaches the FRA from its engine and its index. */
  override dispose(): void {
    this.unregisterWith(this.terms.iborIndex);
    super.dispose();
  }

  /** The index's fixing date for the value date. */
  fixingDate(): Date {
    return this.terms.iborIndex.fixingDate(this.terms.valueDate);
  }

  /** The fixing F (decimal per year, simple). @throws QuantflowError when pricing fails. */
  forwardRate(): number {
    return this.result('forwardRate');
  }

  /** The amount paid on the value date (currency units, signed for the holder). @throws QuantflowError when pricing fails. */
  amount(): number {
    return this.result('amount');
  }

  override isExpired(): boolean {
    const today = Settings.instance.evaluationDate.value();
    return Settings.instance.includeReferenceDateEvents ? this.terms.valueDate.isBefore(today) : this.terms.valueDate.isOnOrBefore(today);
  }

  protected buildArguments(): ForwardRateAgreementArguments {
    return { ...this.terms, fixingDate: this.fixingDate() };
  }

  protected rebuild(t: ForwardRateAgreementTerms): this {
    return new ForwardRateAgreement(t.valueDate, t.maturityDate, t.type, t.strikeForwardRate, t.notionalAmount, t.iborIndex, t.useIndexedCoupon) as this;
  }
}
