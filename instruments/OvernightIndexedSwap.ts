import { fixedLeg } from '../src/cashflows/fixedLeg.js';
import { overnightLeg } from '../src/cashflows/overnightLeg.js';
import { checkFinite, checkInteger, checkPositive } from '../src/_lib/checks.js';
import type { OvernightIndex } from '../src/indexes/OvernightIndex.js';
import { BusinessDayConvention } from '../src/time/BusinessDayConvention.js';
import type { Calendar } from '../src/time/Calendar.js';
import type { DayCounter } from '../src/time/DayCounter.js';
import type { Schedule } from '../src/time/Schedule.js';
import { Swap } from './Swap.js';
import type { SwapType } from './SwapType.js';
import { checkSwapType } from './VanillaSwap.js';

/**
 * Options of an {@link OvernightIndexedSwap} (QuantLib's defaulted arguments).
 * @public
 */
export interface OvernightIndexedSwapOptions {
  /** Spread over the compounded overnight rate, decimal per year (not compounded); default 0, finite. */
  readonly spread?: number;
  /** Business days from each accrual end to its payment, both legs (2 for SOFR OIS); default 0, integer ≥ 0. */
  readonly paymentLag?: number;
  /** Rolling rule of payment dates; default `Following`. */
  readonly paymentConvention?: BusinessDayConvention;
  /** Calendar of payment dates; default the schedule's. */
  readonly paymentCalendar?: Calendar;
  /** Lookback in business days of the overnight coupons; default 0. */
  readonly lookbackDays?: number;
  /** Lockout (rate cut-off) in business days; default 0. */
  readonly lockoutDays?: number;
  /** Shift the observation period by the lookback; default false. */
  readonly observationShift?: boolean;
}

/**
 * Terms of an {@link OvernightIndexedSwap}.
 * @public
 */
export interface OvernightIndexedSwapTerms extends OvernightIndexedSwapOptions {
  /** Payer (pays fixed) or receiver. */
  readonly type: SwapType;
  /** Nominal of both legs, currency units; finite, > 0. */
  readonly nominal: number;
  /** Accrual schedule of both legs. */
  readonly schedule: Schedule;
  /** Fixed rate, decimal per year, simple over each period by `fixedDayCount`; finite. */
  readonly fixedRate: number;
  /** Day counter of the fixed leg. */
  readonly fixedDayCount: DayCounter;
  /** The overnight index (SOFR, €STR…), compounded daily in arrears over each period. */
  readonly overnightIndex: OvernightIndex;
}

/**
 * An overnight-indexed swap: a fixed leg against the overnight rate compounded daily in arrears,
 * both on one schedule and one nominal.
 *
 * @remarks
 * Leg 0 is fixed, leg 1 the {@link OvernightIndexedCoupon}s (compounded rate plus spread, accrued
 * by the index's day counter); a payer swap pays fixed. fairRate = K − NPV/(legBPS(0)/1e-4),
 * fairSpread = s − NPV/(legBPS(1)/1e-4), as for {@link VanillaSwap}. On a single curve with no
 * lookback and no lag, a period's floating flow is N (P(s)/P(e) − 1), so the fair rate is the
 * {@link OISRateHelper}'s implied quote.
 * Observes: its engine and its overnight coupons.
 *
 * Source: QuantLib `ql/instruments/overnightindexedswap.hpp` (1.29: `OvernightIndexedSwap`,
 * `fairRate`, `fairSpread`); Lyashenko & Mercurio (2019), "Looking forward to backward-looking rates".
 * Checked against: `test/instruments/swaps.test.ts` — QuantLib 1.29 SOFR OIS NPV, fair rate and
 * leg BPS; fair rate = the OIS helper's implied quote on its own curve.
 * @public
 */
export class OvernightIndexedSwap extends Swap<OvernightIndexedSwapTerms> {
  /**
   * @param type - `SwapType.Payer` (pays fixed) or `SwapType.Receiver`.
   * @param nominal - nominal (currency units); finite, > 0.
   * @param schedule - accrual schedule of both legs.
   * @param fixedRate - fixed rate, decimal per year; finite.
   * @param fixedDayCount - fixed-leg day counter.
   * @param overnightIndex - the compounded overnight index.
   * @param options - spread, payment lag/convention/calendar, lookback, lockout, observation shift.
   * @throws InvalidInputError when the type is not ±1, the nominal is not finite and > 0, the rate
   *   or spread is not finite or the lag is not an integer ≥ 0 (and as {@link overnightLeg}).
   */
  constructor(
    type: SwapType, nominal: number, schedule: Schedule, fixedRate: number, fixedDayCount: DayCounter,
    overnightIndex: OvernightIndex, options: OvernightIndexedSwapOptions = {},
  ) {
    checkSwapType(type);
    checkPositive('nominal', nominal);
    checkFinite('fixedRate', fixedRate);
    const spread = options.spread ?? 0;
    checkFinite('options.spread', spread);
    const paymentLag = options.paymentLag ?? 0;
    checkInteger('options.paymentLag', paymentLag, 0);
    const payment = { paymentLag, paymentConvention: options.paymentConvention ?? BusinessDayConvention.Following, paymentCalendar: options.paymentCalendar };
    const fixed = fixedLeg(schedule, { nominals: nominal, currency: overnightIndex.currency, couponRates: fixedRate, dayCounter: fixedDayCount, ...payment });
    const floating = overnightLeg(schedule, overnightIndex, {
      nominals: nominal, spreads: spread, ...payment,
      lookbackDays: options.lookbackDays, lockoutDays: options.lockoutDays, observationShift: options.observationShift,
    });
    super({ ...options, type, nominal, schedule, fixedRate, fixedDayCount, overnightIndex }, [fixed, floating], [-type, type]);
  }

  /**
   * The fixed rate that gives the swap NPV 0 (decimal per year, `fixedDayCount`).
   * @throws QuantflowError when pricing fails.
   */
  fairRate(): number {
    return this.breakEven(0, this.terms.fixedRate);
  }

  /**
   * The spread over the compounded rate that gives the swap NPV 0 (decimal per year).
   * @throws QuantflowError when pricing fails.
   */
  fairSpread(): number {
    return this.breakEven(1, this.terms.spread ?? 0);
  }

  protected rebuild(t: OvernightIndexedSwapTerms): this {
    const { type, nominal, schedule, fixedRate, fixedDayCount, overnightIndex, ...options } = t;
    return new OvernightIndexedSwap(type, nominal, schedule, fixedRate, fixedDayCount, overnightIndex, options) as this;
  }
}
