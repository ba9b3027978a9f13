import { InvalidInputError } from '../src/errors.js';
import { Date } from '../src/time/Date.js';
import type { DayCounter } from '../src/time/DayCounter.js';
import type { Schedule } from '../src/time/Schedule.js';
import type { BondArguments } from './Bond.js';
import { FixedRateBond, type FixedRateBondOptions, type FixedRateBondTerms } from './FixedRateBond.js';

/**
 * One date of a callable bond's call/put schedule.
 * @public
 */
export interface Callability {
  /** `'call'`: the issuer may redeem at `price`; `'put'`: the holder may sell back at `price`. */
  readonly type: 'call' | 'put';
  /** Exercise date (Bermudan: exercisable on this date only). */
  readonly date: Date;
  /** Price per 100 of face; finite, > 0. */
  readonly price: number;
  /** Whether `price` is clean (accrued interest added on exercise) or dirty; default `'clean'`. */
  readonly priceType?: 'clean' | 'dirty';
}

/**
 * What callable-bond engines receive: the bond's arguments and the schedule as dirty amounts.
 * @public
 */
export interface CallableBondArguments extends BondArguments {
  /** Call/put dates in ascending order with the dirty amount paid (currency units) on exercise. */
  readonly callability: readonly { readonly type: 'call' | 'put'; readonly date: Date; readonly dirtyAmount: number }[];
}

/**
 * True when a bond engine's arguments come from a {@link CallableFixedRateBond}.
 * @param args - a bond engine's arguments.
 * @public
 */
export function isCallableBondArguments(args: BondArguments): args is CallableBondArguments {
  return Array.isArray((args as Partial<CallableBondArguments>).callability);
}

/**
 * A fixed-rate bond with a Bermudan call and/or put schedule at given prices.
 *
 * @remarks
 * On a call date the issuer may redeem the bond at the call price plus accrued interest (clean
 * prices; a dirty price is paid as is); on a put date the holder may sell it back likewise. The
 * coupon paid on an exercise date goes to the holder either way. The engine sees the bond's flows
 * and the schedule as dirty amounts, faceAmount · (price + accrued)/100 (a Hull–White tree or FD
 * engine: value = min(continuation, call amount) on a call date, max(…, put amount) on a put
 * date). The bond's prices, accrued interest and yield are those of {@link FixedRateBond} on the
 * engine's value. A {@link DiscountingBondEngine} on this instrument ignores the schedule and
 * gives the straight (non-callable) bond.
 * Observes: its engine.
 *
 * Source: QuantLib `ql/experimental/callablebonds/callablebond.hpp` (callability schedule, clean
 * prices plus accrued); Hull (2018), *Options, Futures, and Other Derivatives*, 10th ed., §32.4.
 * Checked against: `test/instruments/CallableFixedRateBond.test.ts` (callable ≤ straight ≤
 * puttable; QuantLib 1.29 TreeCallableFixedRateBondEngine; tree vs FD).
 * @example
 * ```ts
 * import { Actual365Fixed, CallableFixedRateBond, Date, FlatForward, Handle, HullWhite, NullCalendar, Period, Schedule, Settings, TreeCallableFixedRateBondEngine, type YieldTermStructure } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * Settings.instance.evaluationDate.set(today);
 * const schedule = new Schedule({ effectiveDate: today, terminationDate: Date.fromISO('2035-01-02'), tenor: Period.parse('1Y'), calendar: new NullCalendar() });
 * const calls = [2028, 2029, 2030, 2031, 2032, 2033, 2034].map((y) => ({ type: 'call' as const, date: Date.fromISO(`${y}-01-02`), price: 100 }));
 * const bond = new CallableFixedRateBond(0, 100, schedule, [0.05], new Actual365Fixed(), calls);
 * const curve = new Handle<YieldTermStructure>(new FlatForward(0.04, { referenceDate: today, dayCounter: new Actual365Fixed() }));
 * bond.setPricingEngine(new TreeCallableFixedRateBondEngine(new HullWhite(curve, 0.05, 0.01), 1000));
 * bond.NPV().toFixed(6); //=> '100.727210'
 * bond.result('straightValue').toFixed(6); //=> '107.426165'
 * ```
 * @public
 */
export class CallableFixedRateBond extends FixedRateBond {
  /** The call/put schedule in date order. */
  readonly callability: readonly Callability[];

  /**
   * @param settlementDays - business days to settlement; integer ≥ 0.
   * @param faceAmount - face amount (currency units); finite, > 0.
   * @param schedule - accrual schedule.
   * @param coupons - coupon rates, decimals per year; non-empty, finite.
   * @param accrualDayCounter - day counter of the coupons.
   * @param callability - the call/put schedule; non-empty, dates within the bond's life.
   * @param options - as {@link FixedRateBond}.
   * @throws InvalidInputError as {@link FixedRateBond}, for an empty schedule, a bad type, a
   *   non-Date date, a price not finite and > 0, a bad price type, or a date after maturity.
   */
  constructor(settlementDays: number, faceAmount: number, schedule: Schedule, coupons: readonly number[], accrualDayCounter: DayCounter, callability: readonly Callability[], options: FixedRateBondOptions = {}) {
    super(settlementDays, faceAmount, schedule, coupons, accrualDayCounter, options);
    if (!Array.isArray(callability) || callability.length === 0) throw InvalidInputError.outOfRange('callability.length', callability?.length, '[1, ∞)');
    const maturity = this.maturityDate();
    callability.forEach((c, k) => {
      if (c.type !== 'call' && c.type !== 'put') throw InvalidInputError.outOfRange(`callability[${k}].type`, c.type, "'call' | 'put'");
      if (!(c.date instanceof Date)) throw InvalidInputError.outOfRange(`callability[${k}].date`, c.date, 'a quantflow Date');
      if (c.date.isAfter(maturity)) throw InvalidInputError.outOfRange(`callability[${k}].date`, c.date.toISOString(), `dates on or before maturity ${maturity.toISOString()}`);
      if (!(Number.isFinite(c.price) && c.price > 0)) throw InvalidInputError.outOfRange(`callability[${k}].price`, c.price, '(0, ∞)');
      if (c.priceType !== undefined && c.priceType !== 'clean' && c.priceType !== 'dirty') throw InvalidInputError.outOfRange(`callability[${k}].priceType`, c.priceType, "'clean' | 'dirty'");
    });
    this.callability = Object.freeze([...callability].sort((x, y) => x.date.serialNumber - y.date.serialNumber).map((c) => Object.freeze({ ...c })));
  }

  protected override buildArguments(): CallableBondArguments {
    const base = super.buildArguments();
    const face = this.terms.faceAmount;
    const callability = this.callability.map((c) => ({
      type: c.type,
      date: c.date,
      dirtyAmount: (face * (c.price + ((c.priceType ?? 'clean') === 'clean' ? this.accruedAmount(c.date) : 0))) / 100,
    }));
    return { ...base, callability };
  }

  protected override rebuild(t: FixedRateBondTerms): this {
    return new CallableFixedRateBond(t.settlementDays, t.faceAmount, t.schedule, t.coupons, t.accrualDayCounter, this.callability, t) as this;
  }
}
