import type { Currency } from '../money/Currency.js';
import type { Handle } from '../patterns/Handle.js';
import { BusinessDayConvention } from '../time/BusinessDayConvention.js';
import type { Calendar } from '../time/Calendar.js';
import type { DayCounter } from '../time/DayCounter.js';
import { Period } from '../time/Period.js';
import { TimeUnit } from '../time/TimeUnit.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import type { FixingsStore } from './FixingsStore.js';
import { IborIndex } from './IborIndex.js';

/**
 * Fields of an {@link OvernightIndex}.
 * @public
 */
export interface OvernightIndexOptions {
  /** Family name, e.g. `"SOFR"`. */
  readonly familyName: string;
  /** Business days from fixing date to value date (0 for SOFR and €STR); integer ≥ 0. */
  readonly fixingDays: number;
  /** Currency of the rate. */
  readonly currency: Currency;
  /** Calendar of fixing and value dates. */
  readonly fixingCalendar: Calendar;
  /** Day counter of the rate. */
  readonly dayCounter: DayCounter;
  /** The forecasting curve; default an empty handle. */
  readonly forwardingTermStructure?: Handle<YieldTermStructure>;
  /** Store of past fixings; default `FixingsStore.instance`. */
  readonly fixingsStore?: FixingsStore;
}

/**
 * An overnight index (SOFR, €STR, SONIA…): a one-business-day rate.
 *
 * @remarks
 * An {@link IborIndex} with tenor 1D, convention `Following` and no end-of-month rule, so the
 * rate fixed for value date v runs to the next business day and its forecast is
 * (P(v)/P(v⁺) − 1)/τ(v, v⁺).
 * Source: QuantLib `ql/indexes/iborindex.hpp` (`OvernightIndex`).
 * Checked against: `test/indexes/IborIndex.test.ts`.
 * @public
 */
export class OvernightIndex extends IborIndex {
  /**
   * @param options - see {@link OvernightIndexOptions}.
   * @throws InvalidInputError as {@link IborIndex}.
   */
  constructor(options: OvernightIndexOptions) {
    super({ ...options, tenor: new Period(1, TimeUnit.Days), convention: BusinessDayConvention.Following, endOfMonth: false });
  }
}
