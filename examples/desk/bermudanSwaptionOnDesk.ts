// The desk's rates what-if: a 10-year Bermudan payer swaption (1Y no-call, annual exercise) on the
// SOFR OIS curve of 2025-01-31 under Hull–White, by trinomial tree and by FD. The model observes
// the curve handle, so a SOFR quote tick re-bootstraps the curve and reprices the swaption once.
import { FdHullWhiteSwaptionEngine } from '../../engines/hullwhite/fd/FdHullWhiteSwaptionEngine.js';
import { TreeSwaptionEngine } from '../../engines/hullwhite/tree/TreeSwaptionEngine.js';
import { DiscountingSwapEngine } from '../../engines/discounting/DiscountingSwapEngine.js';
import { BermudanExercise } from '../../instruments/exercises/BermudanExercise.js';
import { Swaption } from '../../instruments/Swaption.js';
import { SwapType } from '../../instruments/SwapType.js';
import { VanillaSwap } from '../../instruments/VanillaSwap.js';
import { IborIndex } from '../../src/indexes/IborIndex.js';
import { Sofr } from '../../src/indexes/Sofr.js';
import { HullWhite } from '../../src/models/HullWhite.js';
import { Currency } from '../../src/money/Currency.js';
import { Handle } from '../../src/patterns/Handle.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Period } from '../../src/time/Period.js';
import { Schedule } from '../../src/time/Schedule.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import type { SofrOisCurve } from './sofrOisCurve.js';

/**
 * Hull–White parameters of the what-if when none are given: the calibration to the 5 × 5 ATM
 * normal swaption matrix of 2025-01-31 over this curve (RMSE 1.01 bp of normal vol;
 * examples/hullwhite/sofrSwaptionCalibration.ts, docs/models/hull-white.md).
 */
export const deskHullWhiteParameters = { a: 0.021692, sigma: 0.010737 } as const;

/** The swaption, its model and its two engines. */
export interface BermudanSwaptionOnDesk {
  /** Payer Bermudan: exercise on each fixed accrual start spot+1Y … spot+9Y into the swap to spot+10Y. */
  readonly swaption: Swaption;
  /** Hull–White over a handle on the SOFR curve. */
  readonly model: HullWhite;
  /** Trinomial tree engine (the one set on the swaption). */
  readonly tree: TreeSwaptionEngine;
  /** Crank–Nicolson engine, to swap in. */
  readonly fd: FdHullWhiteSwaptionEngine;
  /** The strike: the forward swap's par rate at build time (ATM), decimal. */
  readonly strike: number;
}

/**
 * Builds the desk's Bermudan swaption on the SOFR OIS curve (single curve: annual fixed vs annual
 * SOFR-like floating, both Act/360, ModifiedFollowing on the SOFR calendar, nominal 10 million).
 * @param sofr - the bootstrapped SOFR curve and its live quotes.
 * @param options - Hull–White a and σ (default {@link deskHullWhiteParameters}); tree steps (default 500).
 */
export function bermudanSwaptionOnDesk(sofr: SofrOisCurve, options: { a?: number; sigma?: number; timeSteps?: number } = {}): BermudanSwaptionOnDesk {
  const curve = new Handle<YieldTermStructure>(sofr.curve);
  const calendar = new Sofr().fixingCalendar();
  const index = new IborIndex({
    familyName: 'SOFR-OIS', tenor: Period.parse('1Y'), fixingDays: 0, currency: Currency.USD, fixingCalendar: calendar,
    dayCounter: new Actual360(), convention: BusinessDayConvention.ModifiedFollowing, forwardingTermStructure: curve,
  });
  const start = calendar.advancePeriod(sofr.spotDate, Period.parse('1Y'), BusinessDayConvention.ModifiedFollowing);
  const end = calendar.advancePeriod(sofr.spotDate, Period.parse('10Y'), BusinessDayConvention.ModifiedFollowing);
  const schedule = new Schedule({ effectiveDate: start, terminationDate: end, tenor: Period.parse('1Y'), calendar, convention: BusinessDayConvention.ModifiedFollowing });
  const nominal = 10_000_000;
  const make = (k: number) => new VanillaSwap(SwapType.Payer, nominal, schedule, k, new Actual360(), schedule, index, 0, new Actual360(), BusinessDayConvention.ModifiedFollowing);
  const probe = make(0.04);
  probe.setPricingEngine(new DiscountingSwapEngine(curve));
  const strike = probe.fairRate();
  probe.dispose();
  const exerciseDates = schedule.dates().slice(0, -1);
  const swaption = new Swaption(make(strike), new BermudanExercise(exerciseDates));
  const model = new HullWhite(curve, options.a ?? deskHullWhiteParameters.a, options.sigma ?? deskHullWhiteParameters.sigma);
  const tree = new TreeSwaptionEngine(model, options.timeSteps ?? 500);
  const fd = new FdHullWhiteSwaptionEngine(model, { tGrid: 200, xGrid: 200 });
  swaption.setPricingEngine(tree);
  return { swaption, model, tree, fd, strike };
}
