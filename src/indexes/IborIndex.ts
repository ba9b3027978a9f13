import { InvalidInputError, QuantflowError } from '../errors.js';
import { Handle } from '../patterns/Handle.js';
import { BusinessDayConvention } from '../time/BusinessDayConvention.js';
import { Date } from '../time/Date.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { InterestRateIndex, type InterestRateIndexOptions } from './InterestRateIndex.js';

/**
 * Fields of an {@link IborIndex}.
 * @public
 */
export interface IborIndexOptions extends InterestRateIndexOptions {
  /** Rolling rule of the maturity date; default `ModifiedFollowing`. */
  readonly convention?: BusinessDayConvention;
  /** End-of-month rule for the maturity date; default false. */
  readonly endOfMonth?: boolean;
  /** The forecasting curve; default an empty handle (past fixings only). */
  readonly forwardingTermStructure?: Handle<YieldTermStructure>;
}

/**
 * A term-rate index (Euribor, term SOFR, …): a simple rate over [value date, value date +
 * tenor], forecast off a forwarding curve.
 *
 * @remarks
 * maturityDate(v) = v + tenor on the fixing calendar with the index's convention and
 * end-of-month rule. The forecast of the rate fixed on d is the simply compounded forward
 * F = (P(v)/P(m) − 1)/τ(v, m), v = valueDate(d), m = maturityDate(v), τ by the index's day
 * counter, P from the forwarding curve. Past fixings come from the store
 * (see {@link InterestRateIndex.fixing}).
 * Observes: its fixings, the evaluation date and the forwarding-curve handle.
 * Source: QuantLib `ql/indexes/iborindex.hpp` / `.cpp` (`maturityDate`, `forecastFixing`).
 * Checked against: `test/indexes/IborIndex.test.ts` (forecast = simple forward on a flat curve,
 * QuantLib 1.29 value and maturity dates).
 *
 * @example
 * ```ts
 * import { Actual360, Currency, Date, FlatForward, Handle, IborIndex, Period, TARGET, type YieldTermStructure } from 'quantflow';
 * const curve = new FlatForward(0.03, { referenceDate: Date.fromISO('2025-01-02'), dayCounter: new Actual360() });
 * const euribor6m = new IborIndex({
 *   familyName: 'Euribor', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.EUR,
 *   fixingCalendar: new TARGET(), dayCounter: new Actual360(),
 *   forwardingTermStructure: new Handle<YieldTermStructure>(curve),
 * });
 * euribor6m.maturityDate(Date.fromISO('2025-01-06')).toISOString(); //=> '2025-07-07'
 * ```
 * @public
 */
export class IborIndex extends InterestRateIndex {
  readonly convention: BusinessDayConvention;
  readonly endOfMonth: boolean;
  readonly forwardingTermStructure: Handle<YieldTermStructure>;

  /**
   * @param options - see {@link IborIndexOptions}.
   * @throws InvalidInputError as {@link InterestRateIndex}, or for an unknown convention or a
   * forwarding curve that is not a Handle.
   */
  constructor(options: IborIndexOptions) {
    super(options);
    const convention = options.convention ?? BusinessDayConvention.ModifiedFollowing;
    if (typeof convention !== 'number' || !(convention in BusinessDayConvention)) {
      throw InvalidInputError.outOfRange('convention', convention, 'a BusinessDayConvention');
    }
    const handle = options.forwardingTermStructure ?? new Handle<YieldTermStructure>();
    if (!(handle instanceof Handle)) throw InvalidInputError.outOfRange('forwardingTermStructure', handle, 'a Handle<YieldTermStructure>');
    this.convention = convention;
    this.endOfMonth = options.endOfMonth ?? false;
    this.forwardingTermStructure = handle;
    handle.registerObserver(this);
  }

  /**
   * The end of the rate's period: `valueDate` + tenor, rolled by the index's convention.
   * @param valueDate - the start of the period.
   */
  maturityDate(valueDate: Date): Date {
    if (!(valueDate instanceof Date)) throw InvalidInputError.outOfRange('valueDate', valueDate, 'a quantflow Date');
    return this.fixingCalendar().advancePeriod(valueDate, this.tenor, this.convention, this.endOfMonth);
  }

  /**
   * Forecast of the rate fixed on `fixingDate`: (P(v)/P(m) − 1)/τ(v, m) off the forwarding curve.
   * @param fixingDate - a valid fixing date.
   * @returns the simple forward, a decimal per year.
   * @throws InvalidInputError when the fixing date is invalid or its period starts before the
   * curve's reference date.
   * @throws QuantflowError (code `EMPTY_HANDLE`) when there is no forwarding curve.
   */
  forecastFixing(fixingDate: Date): number {
    const v = this.valueDate(fixingDate);
    const m = this.maturityDate(v);
    return this.forecastFixingBetween(v, m, this.dayCounter.yearFraction(v, m));
  }

  /**
   * The simple forward (P(d1)/P(d2) − 1)/t off the forwarding curve over [d1, d2].
   * @param d1 - start date, on or after the curve's reference date.
   * @param d2 - end date, after `d1`.
   * @param t - the period's year fraction (> 0), normally by the index's day counter.
   * @throws InvalidInputError when t ≤ 0 or the dates are outside the curve.
   * @throws QuantflowError (code `EMPTY_HANDLE`) when there is no forwarding curve.
   */
  forecastFixingBetween(d1: Date, d2: Date, t: number): number {
    if (typeof t !== 'number' || !(t > 0) || !Number.isFinite(t)) {
      throw InvalidInputError.outOfRange('t', t, `(0, ∞) (year fraction from ${String(d1)} to ${String(d2)})`);
    }
    if (this.forwardingTermStructure.empty()) {
      throw new QuantflowError(`${this.name()} has no forwarding curve, so it cannot forecast a fixing`, 'EMPTY_HANDLE', { index: this.name() });
    }
    const curve = this.forwardingTermStructure.currentLink();
    return (curve.discount(d1) / curve.discount(d2) - 1) / t;
  }
}
