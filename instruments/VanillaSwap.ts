import { fixedLeg } from '../src/cashflows/fixedLeg.js';
import { iborLeg } from '../src/cashflows/iborLeg.js';
import { checkFinite, checkPositive } from '../src/_lib/checks.js';
import { InvalidInputError } from '../src/errors.js';
import type { IborIndex } from '../src/indexes/IborIndex.js';
import { BusinessDayConvention } from '../src/time/BusinessDayConvention.js';
import type { DayCounter } from '../src/time/DayCounter.js';
import type { Schedule } from '../src/time/Schedule.js';
import { Swap } from './Swap.js';
import { SwapType } from './SwapType.js';

/**
 * Terms of a {@link VanillaSwap}.
 * @public
 */
export interface VanillaSwapTerms {
  /** Payer (pays fixed) or receiver. */
  readonly type: SwapType;
  /** Nominal of both legs, currency units of the index; finite, > 0. */
  readonly nominal: number;
  /** Accrual schedule of the fixed leg. */
  readonly fixedSchedule: Schedule;
  /** Fixed rate, decimal per year, simply compounded over each period by `fixedDayCount`; finite. */
  readonly fixedRate: number;
  /** Day counter of the fixed leg. */
  readonly fixedDayCount: DayCounter;
  /** Accrual schedule of the floating leg. */
  readonly floatSchedule: Schedule;
  /** The term-rate index of the floating leg (its forwarding curve forecasts the coupons). */
  readonly iborIndex: IborIndex;
  /** Spread over the index, decimal per year; finite. */
  readonly spread: number;
  /** Day counter of the floating leg. */
  readonly floatingDayCount: DayCounter;
  /** Rolling rule of payment dates of both legs; default the float schedule's (as QuantLib). */
  readonly paymentConvention?: BusinessDayConvention;
}

/**
 * A plain interest-rate swap: a fixed leg against a term-rate (Ibor-style) leg on one nominal.
 *
 * @remarks
 * Leg 0 is fixed (nominal · K · τ_i by `fixedDayCount`), leg 1 floating (nominal · (L_i + s) · τ_j,
 * L_i forecast by the index over the coupon's period — QuantLib's par coupons). A payer swap pays
 * leg 0 and receives leg 1. With A = |legBPS(0)|/1e-4 the fixed annuity:
 * fairRate = K − NPV/(legBPS(0)/1e-4), fairSpread = s − NPV/(legBPS(1)/1e-4), so the swap at
 * `fairRate` (or at `fairSpread`) has NPV 0. Payment dates are the accrual ends rolled by the
 * payment convention on each schedule's calendar.
 * Observes: its engine and its floating coupons.
 *
 * Source: QuantLib `ql/instruments/vanillaswap.hpp` / `.cpp` (`fairRate`, `fairSpread`,
 * `fetchResults`); Andersen & Piterbarg (2010), *Interest Rate Modeling*, vol. I, ch. 5.
 * Checked against: `test/instruments/swaps.test.ts` — QuantLib 1.29 NPV, fair rate, fair
 * spread and leg BPS (`test/reference/quantlib-1.29-instruments.json`), NPV 0 at the fair rate,
 * fairRate·BPS relation, parallel-bump direction (property).
 *
 * @example
 * ```ts
 * import { Actual360, Currency, Date, DiscountingSwapEngine, FlatForward, Handle, IborIndex, Period, Schedule, SwapType, TARGET, VanillaSwap, type YieldTermStructure } from 'quantflow';
 * const curve = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: Date.fromISO('2025-01-02') }));
 * const index = new IborIndex({ familyName: 'Euribor', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.EUR, fixingCalendar: new TARGET(), dayCounter: new Actual360(), forwardingTermStructure: curve });
 * const s = (t: string) => new Schedule({ effectiveDate: Date.fromISO('2025-01-06'), terminationDate: Date.fromISO('2030-01-07'), tenor: Period.parse(t), calendar: new TARGET() });
 * const swap = new VanillaSwap(SwapType.Payer, 1e6, s('1Y'), 0.03, new Actual360(), s('6M'), index, 0, new Actual360());
 * swap.setPricingEngine(new DiscountingSwapEngine(curve));
 * swap.fairRate().toFixed(6); //=> '0.030037'
 * swap.with((d) => { d.fixedRate = swap.fairRate(); }).NPV().toFixed(6); //=> '0.000000'
 * ```
 * @public
 */
export class VanillaSwap extends Swap<VanillaSwapTerms> {
  /**
   * @param type - `SwapType.Payer` (pays fixed) or `SwapType.Receiver`.
   * @param nominal - nominal of both legs (currency units); finite, > 0.
   * @param fixedSchedule - fixed-leg accrual schedule.
   * @param fixedRate - fixed rate, decimal per year; finite.
   * @param fixedDayCount - fixed-leg day counter.
   * @param floatSchedule - floating-leg accrual schedule.
   * @param iborIndex - the floating leg's index.
   * @param spread - spread over the index, decimal per year; finite.
   * @param floatingDayCount - floating-leg day counter.
   * @param paymentConvention - rolling rule of payment dates; default the float schedule's convention.
   * @throws InvalidInputError when the type is not ±1, the nominal is not finite and > 0, or a
   *   rate or spread is not finite.
   */
  constructor(
    type: SwapType, nominal: number, fixedSchedule: Schedule, fixedRate: number, fixedDayCount: DayCounter,
    floatSchedule: Schedule, iborIndex: IborIndex, spread: number, floatingDayCount: DayCounter, paymentConvention?: BusinessDayConvention,
  ) {
    checkSwapType(type);
    checkPositive('nominal', nominal);
    checkFinite('fixedRate', fixedRate);
    checkFinite('spread', spread);
    const convention = paymentConvention ?? floatSchedule.convention ?? BusinessDayConvention.Following;
    const fixed = fixedLeg(fixedSchedule, { nominals: nominal, currency: iborIndex.currency, couponRates: fixedRate, dayCounter: fixedDayCount, paymentConvention: convention });
    const floating = iborLeg(floatSchedule, iborIndex, { nominals: nominal, dayCounter: floatingDayCount, spreads: spread, paymentConvention: convention });
    super(
      { type, nominal, fixedSchedule, fixedRate, fixedDayCount, floatSchedule, iborIndex, spread, floatingDayCount, ...(paymentConvention === undefined ? {} : { paymentConvention }) },
      [fixed, floating],
      [-type, type],
    );
  }

  /** The fixed leg. */
  fixedLeg(): VanillaSwap['legs'][number] {
    return this.legs[0] as VanillaSwap['legs'][number];
  }

  /** The floating leg. */
  floatingLeg(): VanillaSwap['legs'][number] {
    return this.legs[1] as VanillaSwap['legs'][number];
  }

  /**
   * The fixed rate that gives the swap NPV 0 (decimal per year, `fixedDayCount`).
   * @throws QuantflowError when pricing fails.
   */
  fairRate(): number {
    return this.breakEven(0, this.terms.fixedRate);
  }

  /**
   * The spread over the index that gives the swap NPV 0 (decimal per year).
   * @throws QuantflowError when pricing fails.
   */
  fairSpread(): number {
    return this.breakEven(1, this.terms.spread);
  }

  /** NPV of the fixed leg, signed for the holder. @throws QuantflowError when pricing fails. */
  fixedLegNPV(): number {
    return this.legNPV(0);
  }

  /** NPV of the floating leg, signed for the holder. @throws QuantflowError when pricing fails. */
  floatingLegNPV(): number {
    return this.legNPV(1);
  }

  protected rebuild(t: VanillaSwapTerms): this {
    return new VanillaSwap(t.type, t.nominal, t.fixedSchedule, t.fixedRate, t.fixedDayCount, t.floatSchedule, t.iborIndex, t.spread, t.floatingDayCount, t.paymentConvention) as this;
  }
}

/** Throws unless `type` is `SwapType.Payer` or `SwapType.Receiver`. */
export function checkSwapType(type: SwapType): void {
  if (type !== SwapType.Payer && type !== SwapType.Receiver) throw InvalidInputError.outOfRange('type', type, '{1 (Payer), -1 (Receiver)}');
}
