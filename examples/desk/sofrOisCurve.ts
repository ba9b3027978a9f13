import { Sofr } from '../../src/indexes/Sofr.js';
import { Handle } from '../../src/patterns/Handle.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import { Frequency } from '../../src/time/Frequency.js';
import { Period } from '../../src/time/Period.js';
import { TimeUnit } from '../../src/time/TimeUnit.js';
import { PiecewiseYieldCurve } from '../../termstructures/yield/PiecewiseYieldCurve.js';
import { OISRateHelper } from '../../termstructures/yield/ratehelpers/OISRateHelper.js';
import type { SofrSwapQuotes } from './data/readSofrSwapQuotes.js';

/**
 * A SOFR OIS discount curve with the live quotes it is bootstrapped from.
 * @public
 */
export interface SofrOisCurve {
  /** The bootstrapped curve (log-linear discount factors, Act/365F from the quote date). */
  readonly curve: PiecewiseYieldCurve;
  /** One live quote per swap (decimal rate), aligned with `helpers`. */
  readonly quotes: readonly SimpleQuote[];
  /** The OIS helpers, aligned with the input tenors. */
  readonly helpers: readonly OISRateHelper[];
  /** The swaps' start (spot) date: two SOFR business days after the quote date. */
  readonly spotDate: Date;
}

/**
 * Bootstraps a single-curve SOFR OIS curve from par swap rates on one date.
 *
 * @remarks
 * The common USD SOFR OIS conventions (the data set gives none: its README says payment
 * schedules are not given): spot = quote date + 2 US SOFR business days; annual
 * fixed vs SOFR compounded in arrears, fixed leg Act/360, both legs paid 2 business days after
 * each period end; ModifiedFollowing; swaps of a year or less are one period. The curve's
 * reference date is the quote date and its nodes are at the helpers' last payment dates
 * (log-linear in discount factor). Dates are fixed, so the curve does not move with the
 * evaluation date.
 * Source: QuantLib `ql/termstructures/yield/oisratehelper.hpp` (the helper); the conventions
 * are the usual market ones for USD SOFR OIS, stated here rather than taken from a document.
 * Checked against: `test/examples/desk/sofrCurve.test.ts`.
 *
 * @param quotes - the day's par rates (`months`, `rates` aligned, strictly increasing months).
 * @returns the curve, its quotes and helpers.
 * @throws InvalidInputError for a bad date or rate (from the helpers and the curve).
 * @public
 */
export function sofrOisCurve(quotes: SofrSwapQuotes, fixedDayCounter: DayCounter = new Actual360()): SofrOisCurve {
  const today = Date.fromISO(quotes.date);
  const calendar = new Sofr().fixingCalendar();
  const spotDate = calendar.advance(today, 2, TimeUnit.Days);
  const live = quotes.rates.map((r) => new SimpleQuote(r));
  const helpers = quotes.months.map(
    (m, i) =>
      new OISRateHelper(new Handle<Quote>(live[i] as SimpleQuote), new Period(m, TimeUnit.Months), {
        startDate: spotDate, calendar, convention: BusinessDayConvention.ModifiedFollowing, dayCounter: fixedDayCounter,
        paymentFrequency: Frequency.Annual, paymentLag: 2,
      }),
  );
  const curve = new PiecewiseYieldCurve(helpers, { referenceDate: today });
  return { curve, quotes: live, helpers, spotDate };
}
