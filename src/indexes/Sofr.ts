import { Currency } from '../money/Currency.js';
import type { Handle } from '../patterns/Handle.js';
import { Actual360 } from '../time/Actual360.js';
import { UnitedStates, UnitedStatesMarket } from '../time/UnitedStates.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import type { FixingsStore } from './FixingsStore.js';
import { OvernightIndex } from './OvernightIndex.js';

/**
 * SOFR, the Secured Overnight Financing Rate published by the Federal Reserve Bank of New York.
 *
 * @remarks
 * QuantLib's conventions: family name `"SOFR"` (index name `"SOFRON Actual/360"`), 0 fixing
 * days, USD, `UnitedStates(SOFR)` calendar (US government securities business days), Actual/360.
 * Source: QuantLib `ql/indexes/ibor/sofr.hpp`; ARRC, "A User's Guide to SOFR" (2019).
 * Checked against: `test/indexes/IborIndex.test.ts`.
 *
 * @example
 * ```ts
 * import { Sofr } from 'quantflow';
 * new Sofr().name(); //=> 'SOFRON Actual/360'
 * ```
 * @public
 */
export class Sofr extends OvernightIndex {
  /**
   * @param forwardingTermStructure - the forecasting curve; default an empty handle.
   * @param fixingsStore - store of past fixings; default `FixingsStore.instance`.
   */
  constructor(forwardingTermStructure?: Handle<YieldTermStructure>, fixingsStore?: FixingsStore) {
    super({
      familyName: 'SOFR', fixingDays: 0, currency: Currency.USD, fixingCalendar: new UnitedStates(UnitedStatesMarket.SOFR),
      dayCounter: new Actual360(), forwardingTermStructure, fixingsStore,
    });
  }
}
