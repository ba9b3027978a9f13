import { FloatingRateCoupon } from '../src/cashflows/FloatingRateCoupon.js';
import type { Coupon } from '../src/cashflows/Coupon.js';
import type { IborCoupon } from '../src/cashflows/IborCoupon.js';
import { InvalidInputError } from '../src/errors.js';
import { Settings } from '../src/settings.js';
import type { Date } from '../src/time/Date.js';
import { BermudanExercise } from './exercises/BermudanExercise.js';
import { EuropeanExercise } from './exercises/EuropeanExercise.js';
import type { Exercise } from './exercises/Exercise.js';
import { ExerciseType } from './exercises/ExerciseType.js';
import { Instrument } from './Instrument.js';
import { SettlementType } from './SettlementType.js';
import type { SwapType } from './SwapType.js';
import { VanillaSwap } from './VanillaSwap.js';

/**
 * Terms of a {@link Swaption}.
 * @public
 */
export interface SwaptionTerms {
  /** The underlying swap; its type says payer (right to pay fixed) or receiver. */
  readonly swap: VanillaSwap;
  /** European or Bermudan exercise. */
  readonly exercise: Exercise;
  /** Physical (enter the swap) or cash (par-yield) settlement; default Physical. */
  readonly settlementType: SettlementType;
}

/**
 * One fixed coupon of a swaption's underlying swap, as engines read it.
 * @public
 */
export interface SwaptionFixedCoupon {
  /** Accrual start date (the coupon belongs to an exercise on or before it). */
  readonly accrualStartDate: Date;
  /** Accrual end date. */
  readonly accrualEndDate: Date;
  /** Payment date. */
  readonly paymentDate: Date;
  /** Accrual fraction τ by the fixed day counter, years. */
  readonly accrualFraction: number;
  /** Amount N · K · τ, currency units, paid by a payer, received by a receiver. */
  readonly amount: number;
}

/**
 * One floating coupon of a swaption's underlying swap, as engines read it.
 * @public
 */
export interface SwaptionFloatingCoupon {
  /** Fixing date of the index. */
  readonly fixingDate: Date;
  /** Accrual start date. */
  readonly accrualStartDate: Date;
  /** Accrual end date. */
  readonly accrualEndDate: Date;
  /** Payment date. */
  readonly paymentDate: Date;
  /** Accrual fraction τ by the floating day counter, years. */
  readonly accrualFraction: number;
  /** Spread over the index, decimal per year (a spread amount N · s · τ accompanies the coupon). */
  readonly spread: number;
}

/**
 * What swaption engines receive (QuantLib's `Swaption::arguments`), dates only: an engine turns
 * them into times on its own curve (see `swaptionTimes` in `instruments/_lib/swaptionTimes.ts`).
 *
 * @remarks
 * On exercise at date E the holder enters the part of the swap whose coupons start on or after E
 * (`accrualStartDate ≥ E`), fixed and floating: a Bermudan swaption's later exercises enter
 * shorter swaps. A payer (`type = SwapType.Payer`, +1) pays the fixed coupons and receives the
 * floating ones: its exercise value at E is N·(float leg) − Σ fixed amounts, each discounted to E.
 * The floating leg of a single-curve swap is worth N (P(E, s) − P(E, e)) at E, s and e the start
 * and end of its remaining coupons (par coupons, no spread), which is how the Hull–White engines
 * value it; the spread amounts N·s_j·τ_j ride on top.
 * @public
 */
export interface SwaptionArguments {
  /** +1 payer (right to pay fixed), −1 receiver. */
  readonly type: SwapType;
  /** Nominal N of both legs, currency units, > 0. */
  readonly nominal: number;
  /** Fixed rate K, decimal per year. */
  readonly fixedRate: number;
  /** European or Bermudan. */
  readonly exerciseType: ExerciseType;
  /** Exercise dates, ascending, at least one (one for European). */
  readonly exerciseDates: readonly Date[];
  /** Physical or cash (par-yield) settlement. */
  readonly settlementType: SettlementType;
  /** The fixed coupons, in date order. */
  readonly fixedCoupons: readonly SwaptionFixedCoupon[];
  /** The floating coupons, in date order. */
  readonly floatingCoupons: readonly SwaptionFloatingCoupon[];
  /** The underlying swap itself (for engines that price its legs by discounting). */
  readonly swap: VanillaSwap;
}

/**
 * An option to enter an interest-rate swap: European or Bermudan, settled physically or in cash.
 *
 * @remarks
 * The swap's type says the side: on a payer swap the swaption is a payer swaption (the right to
 * pay fixed). Exercise enters the coupons starting on or after the exercise date (see
 * {@link SwaptionArguments}). Expired after the last exercise date (on it too, unless
 * `Settings.includeReferenceDateEvents`).
 * Observes: its engine and the swap's floating coupons (a tick of a forwarding curve that the
 * engine does not read still reprices it).
 * Source: QuantLib `ql/instruments/swaption.hpp` / `.cpp`.
 * Checked against: `test/instruments/Swaption.test.ts` (arguments against the swap's legs, bad
 * input) and the engines' tests.
 *
 * @example
 * ```ts
 * import { Actual365Fixed, Currency, Date, EuropeanExercise, FlatForward, Handle, IborIndex, NullCalendar, Period, Schedule, Swaption, SwapType, VanillaSwap, type YieldTermStructure } from 'quantflow';
 * const curve = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: Date.fromISO('2025-01-02') }));
 * const index = new IborIndex({ familyName: 'Idx', tenor: Period.parse('6M'), fixingDays: 0, currency: Currency.USD, fixingCalendar: new NullCalendar(), dayCounter: new Actual365Fixed(), forwardingTermStructure: curve });
 * const s = (t: string) => new Schedule({ effectiveDate: Date.fromISO('2026-01-02'), terminationDate: Date.fromISO('2031-01-02'), tenor: Period.parse(t), calendar: new NullCalendar() });
 * const swap = new VanillaSwap(SwapType.Payer, 1, s('1Y'), 0.03, new Actual365Fixed(), s('6M'), index, 0, new Actual365Fixed());
 * new Swaption(swap, new EuropeanExercise(Date.fromISO('2026-01-02'))).arguments().fixedCoupons.length; //=> 5
 * ```
 * @public
 */
export class Swaption extends Instrument<SwaptionTerms, SwaptionArguments> {
  /**
   * @param swap - the underlying {@link VanillaSwap}.
   * @param exercise - a {@link EuropeanExercise} or {@link BermudanExercise}.
   * @param settlementType - default `SettlementType.Physical`.
   * @throws InvalidInputError when `swap` is not a VanillaSwap, the exercise is not European or
   * Bermudan, the settlement type is unknown, or no coupon of the swap starts on or after the
   * first exercise date.
   */
  constructor(swap: VanillaSwap, exercise: Exercise, settlementType: SettlementType = SettlementType.Physical) {
    if (!(swap instanceof VanillaSwap)) throw InvalidInputError.outOfRange('swap', swap, 'a VanillaSwap');
    if (!(exercise instanceof EuropeanExercise) && !(exercise instanceof BermudanExercise)) {
      throw InvalidInputError.outOfRange('exercise', exercise, 'a EuropeanExercise or BermudanExercise');
    }
    if (settlementType !== SettlementType.Physical && settlementType !== SettlementType.Cash) {
      throw InvalidInputError.outOfRange('settlementType', settlementType, '{Physical, Cash}');
    }
    const first = exercise.dates()[0] as Date;
    const lastStart = (swap.fixedLeg()[swap.fixedLeg().length - 1] as Coupon).accrualStartDate;
    if (lastStart.isBefore(first)) {
      throw InvalidInputError.outOfRange('exercise.dates()[0]', first.toISOString(), `on or before the last fixed coupon's start ${lastStart.toISOString()}`);
    }
    super({ swap, exercise, settlementType });
    for (const cf of swap.floatingLeg()) if (cf instanceof FloatingRateCoupon) this.registerWith(cf);
  }

  /** Payer (+1) or receiver (−1): the underlying swap's type. */
  get type(): SwapType {
    return this.terms.swap.terms.type;
  }

  /** The underlying swap. */
  underlyingSwap(): VanillaSwap {
    return this.terms.swap;
  }

  /** The exercise. */
  exercise(): Exercise {
    return this.terms.exercise;
  }

  override isExpired(): boolean {
    const today = Settings.instance.evaluationDate.value();
    const last = this.terms.exercise.lastDate();
    return Settings.instance.includeReferenceDateEvents ? last.isOnOrBefore(today) : last.isBefore(today);
  }

  /** Detaches the swaption from its engine and the swap's floating coupons. */
  override dispose(): void {
    for (const cf of this.terms.swap.floatingLeg()) if (cf instanceof FloatingRateCoupon) this.unregisterWith(cf);
    super.dispose();
  }

  /** The arguments an engine receives (also handy for inspection). */
  arguments(): SwaptionArguments {
    return this.buildArguments();
  }

  protected buildArguments(): SwaptionArguments {
    const swap = this.terms.swap;
    const t = swap.terms;
    const fixedCoupons = swap.fixedLeg().map((cf) => {
      const c = cf as Coupon;
      return { accrualStartDate: c.accrualStartDate, accrualEndDate: c.accrualEndDate, paymentDate: c.paymentDate, accrualFraction: c.accrualPeriod(), amount: t.nominal * t.fixedRate * c.accrualPeriod() };
    });
    const floatingCoupons = swap.floatingLeg().map((cf) => {
      const c = cf as IborCoupon;
      return { fixingDate: c.fixingDate(), accrualStartDate: c.accrualStartDate, accrualEndDate: c.accrualEndDate, paymentDate: c.paymentDate, accrualFraction: c.accrualPeriod(), spread: c.spread };
    });
    return {
      type: t.type, nominal: t.nominal, fixedRate: t.fixedRate, exerciseType: this.terms.exercise.type, exerciseDates: this.terms.exercise.dates(),
      settlementType: this.terms.settlementType, fixedCoupons, floatingCoupons, swap,
    };
  }

  protected rebuild(terms: SwaptionTerms): this {
    return new Swaption(terms.swap, terms.exercise, terms.settlementType) as this;
  }
}
