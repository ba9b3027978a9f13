import { Currency } from '../money/Currency.js';
import type { Handle } from '../patterns/Handle.js';
import { Actual360 } from '../time/Actual360.js';
import { TARGET } from '../time/TARGET.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import type { FixingsStore } from './FixingsStore.js';
import { OvernightIndex } from './OvernightIndex.js';

/**
 * €STR, the euro short-term rate published by the European Central Bank.
 *
 * @remarks
 * QuantLib's conventions: family name `"ESTR"` (index name `"ESTRON Actual/360"`), 0 fixing
 * days, EUR, TARGET calendar, Actual/360.
 * Source: QuantLib `ql/indexes/ibor/estr.hpp`; ECB, "Euro short-term rate (€STR) methodology
 * and policies" (2019).
 * Checked against: `test/indexes/IborIndex.test.ts`.
 * @public
 */
export class Estr extends OvernightIndex {
  /**
   * @param forwardingTermStructure - the forecasting curve; default an empty handle.
   * @param fixingsStore - store of past fixings; default `FixingsStore.instance`.
   */
  constructor(forwardingTermStructure?: Handle<YieldTermStructure>, fixingsStore?: FixingsStore) {
    super({
      familyName: 'ESTR', fixingDays: 0, currency: Currency.EUR, fixingCalendar: new TARGET(),
      dayCounter: new Actual360(), forwardingTermStructure, fixingsStore,
    });
  }
}
