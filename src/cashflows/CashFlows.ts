import { checkPositive, checkInteger } from '../_lib/checks.js';
import { ConvergenceError, InvalidInputError } from '../errors.js';
import { Money } from '../money/Money.js';
import { Compounding } from '../rates/Compounding.js';
import { InterestRate } from '../rates/InterestRate.js';
import { Settings } from '../settings.js';
import { Date } from '../time/Date.js';
import { DayCounter } from '../time/DayCounter.js';
import { Frequency } from '../time/Frequency.js';
import { TimeUnit } from '../time/TimeUnit.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { CashFlow } from './CashFlow.js';
import { Coupon } from './Coupon.js';
import { Duration } from './Duration.js';
import type { Leg } from './Leg.js';
import { brentRoot } from '../math/solvers/brentRoot.js';

/**
 * Dates of a {@link CashFlows} calculation.
 * @public
 */
export interface CashFlowsOptions {
  /** Flows on or before this date (see `includeSettlementDateFlows`) are ignored; default the evaluation date. */
  readonly settlementDate?: Date;
  /** The date values are discounted to; default the settlement date. */
  readonly npvDate?: Date;
  /**
   * Whether a flow paid on the settlement date still counts; default
   * `Settings.instance.includeReferenceDateEvents` (false).
   */
  readonly includeSettlementDateFlows?: boolean;
}

/**
 * The conventions of a yield solved for by {@link CashFlows.yieldRate}.
 * @public
 */
export interface YieldConventions {
  /** Day counter of the yield. */
  readonly dayCounter: DayCounter;
  /** Compounding of the yield. */
  readonly compounding: Compounding;
  /** Frequency (regular for compounded yields); default `Annual`. */
  readonly frequency?: Frequency;
}

/**
 * Solver settings of {@link CashFlows.yieldRate}.
 * @public
 */
export interface YieldSolverOptions extends CashFlowsOptions {
  /** Tolerance on the yield (decimal); default 1e-12, > 0. */
  readonly accuracy?: number;
  /** Maximum iterations; default 100, integer ≥ 1. */
  readonly maxIterations?: number;
  /** Starting guess (decimal); default 0.05. */
  readonly guess?: number;
}

/**
 * Options of {@link CashFlows.atmRate}.
 * @public
 */
export interface AtmRateOptions extends CashFlowsOptions {
  /** Target NPV (at the npv date); default the coupons' own NPV. */
  readonly targetNpv?: number;
}

interface Resolved {
  readonly settlement: Date;
  readonly npvDate: Date;
  readonly include: boolean;
}

function resolve(leg: Leg, options: CashFlowsOptions = {}): Resolved {
  if (!Array.isArray(leg)) throw InvalidInputError.outOfRange('leg', leg, 'an array of CashFlows');
  leg.forEach((cf, i) => {
    if (!(cf instanceof CashFlow)) throw InvalidInputError.outOfRange(`leg[${i}]`, cf, 'a CashFlow');
  });
  const settlement = options.settlementDate ?? Settings.instance.evaluationDate.value();
  if (!(settlement instanceof Date)) throw InvalidInputError.outOfRange('settlementDate', settlement, 'a quantflow Date');
  const npvDate = options.npvDate ?? settlement;
  if (!(npvDate instanceof Date)) throw InvalidInputError.outOfRange('npvDate', npvDate, 'a quantflow Date');
  const include = options.includeSettlementDateFlows ?? Settings.instance.includeReferenceDateEvents;
  if (typeof include !== 'boolean') throw InvalidInputError.outOfRange('includeSettlementDateFlows', include, 'true | false');
  return { settlement, npvDate, include };
}

function checkYield(y: InterestRate): void {
  if (!(y instanceof InterestRate)) throw InvalidInputError.outOfRange('y', y, 'an InterestRate');
}

function checkCurve(curve: YieldTermStructure): void {
  if (curve === null || typeof curve !== 'object' || typeof (curve as { discount?: unknown }).discount !== 'function') {
    throw InvalidInputError.outOfRange('discountCurve', curve, 'a YieldTermStructure or an InterestRate');
  }
}

/** A live flow with its amount and its time from the npv date under a yield's day counter. */
interface TimedFlow {
  readonly flow: CashFlow;
  readonly amount: number;
  readonly t: number;
}

/**
 * Year fraction from `last` to the flow's date, QuantLib's stepwise discount time: a coupon
 * steps by τ(accrual start, date) − τ(accrual start, last) on its reference period (which makes
 * 30/360 steps add up to the coupon's own accrual), another flow by τ(last, date).
 */
function step(flow: CashFlow, dc: DayCounter, npvDate: Date, last: Date): number {
  const d = flow.date();
  if (flow instanceof Coupon) {
    const rs = flow.referencePeriodStart;
    const re = flow.referencePeriodEnd;
    if (!last.equals(flow.accrualStartDate)) {
      return dc.yearFraction(flow.accrualStartDate, d, rs, re) - dc.yearFraction(flow.accrualStartDate, last, rs, re);
    }
    return dc.yearFraction(last, d, rs, re);
  }
  const refStart = last.equals(npvDate) ? d.add(-1, TimeUnit.Years) : last;
  return dc.yearFraction(last, d, refStart, d);
}

function timedFlows(leg: Leg, dc: DayCounter, r: Resolved): TimedFlow[] {
  const out: TimedFlow[] = [];
  let t = 0;
  let last = r.npvDate;
  for (const flow of leg) {
    if (flow.hasOccurred(r.settlement, r.include)) continue;
    t += step(flow, dc, r.npvDate, last);
    last = flow.date();
    out.push({ flow, amount: flow.amountValue(), t });
  }
  return out;
}

/** dB/dy divided by B, and d²B/dy² divided by B, for B = y.discountFactor(t). */
function derivatives(y: InterestRate, t: number, B: number): [number, number] {
  const r = y.rate;
  const f = y.frequency;
  const simple = (): [number, number] => [-B * t, 2 * B * B * t * t];
  const compounded = (): [number, number] => [-t / (1 + r / f), (t * (f * t + 1)) / (f * (1 + r / f) * (1 + r / f))];
  switch (y.compounding) {
    case Compounding.Simple:
      return simple();
    case Compounding.Compounded:
      return compounded();
    case Compounding.Continuous:
      return [-t, t * t];
    case Compounding.SimpleThenCompounded:
      return t <= 1 / f ? simple() : compounded();
    case Compounding.CompoundedThenSimple:
      return t <= 1 / f ? compounded() : simple();
  }
}

/**
 * Σ w(t_i, B_i) a_i B_i / P at yield y, P = Σ a_i B_i: the price-weighted mean of w (0 when both
 * sums are 0).
 */
function priceWeighted(leg: Leg, y: InterestRate, options: CashFlowsOptions, w: (t: number, B: number) => number): number {
  let P = 0;
  let weighted = 0;
  for (const f of timedFlows(leg, y.dayCounter, resolve(leg, options))) {
    const B = y.discountFactor(f.t);
    P += f.amount * B;
    weighted += w(f.t, B) * f.amount * B;
  }
  if (P === 0) {
    if (weighted === 0) return 0;
    throw InvalidInputError.outOfRange('leg', 'NPV = 0', 'legs with a non-zero NPV at the yield');
  }
  return weighted / P;
}

/**
 * Analytics of a leg: NPV on a curve or at a yield, BPS, ATM rate, yield, durations,
 * convexity, accrued interest.
 *
 * @remarks
 * Conventions, as in QuantLib: a flow counts unless it has occurred at the settlement date
 * (paid before it, or on it when `includeSettlementDateFlows` is false); values are discounted
 * to `npvDate` (default the settlement date). On a curve, NPV = Σ a_i P(d_i) / P(npvDate). At a
 * yield y (an {@link InterestRate}), each flow is discounted by y.discountFactor(t_i), t_i the
 * year fraction from the npv date summed period by period (QuantLib's stepwise discount time);
 * for compounded and continuous yields this equals QuantLib's product of per-period factors.
 * BPS = Σ over coupons of nominal · τ · P · 1e-4 (the NPV change of a 1 bp higher coupon
 * rate). Durations and convexity follow from P(y) = Σ a_i B(t_i; y) with the closed-form
 * derivatives of B for each compounding (see {@link Duration}); convexity = P''(y)/P.
 * Amounts are numbers here (the flows' `amountValue()`), except accrued amounts, which are
 * decimal.js Money.
 * Source: QuantLib `ql/cashflows/cashflows.hpp` / `.cpp` (`npv`, `bps`, `atmRate`, `yield`,
 * `duration`, `convexity`, `accruedAmount`); Fabozzi, "Bond Markets, Analysis and Strategies"
 * (8th ed.), ch. 2 and 4; Hull, "Options, Futures, and Other Derivatives" (10th ed.), §4.4, §4.8.
 * Checked against: `test/cashflows/CashFlows.test.ts` (closed forms, Hull's and Fabozzi's
 * examples, property tests) and QuantLib 1.29 in `test/reference/quantlib-1.29-cashflows.json`.
 *
 * @example
 * ```ts
 * import {
 *   CashFlows, Compounding, Currency, Date, Duration, Frequency, InterestRate, Money, NullCalendar,
 *   Period, Schedule, SimpleCashFlow, Thirty360, fixedLeg,
 * } from 'quantflow';
 * const schedule = new Schedule({
 *   effectiveDate: Date.fromISO('2025-01-15'), terminationDate: Date.fromISO('2030-01-15'),
 *   tenor: Period.parse('6M'), calendar: new NullCalendar(),
 * });
 * const bond = [
 *   ...fixedLeg(schedule, { nominals: 100, currency: Currency.USD, couponRates: 0.05, dayCounter: new Thirty360() }),
 *   new SimpleCashFlow(new Money(100, Currency.USD), schedule.endDate()),
 * ];
 * const y = new InterestRate(0.05, new Thirty360(), Compounding.Compounded, Frequency.Semiannual);
 * const atIssue = { settlementDate: Date.fromISO('2025-01-15') };
 * CashFlows.npv(bond, y, atIssue).toFixed(10); //=> '100.0000000000'
 * CashFlows.duration(bond, y, Duration.Macaulay, atIssue).toFixed(6); //=> '4.485433'
 * CashFlows.accruedAmount(bond, { settlementDate: Date.fromISO('2025-04-15') }).toString(); //=> 'USD 1.25'
 * ```
 * @public
 */
export class CashFlows {
  private constructor() {}

  /**
   * The earliest accrual start (coupons) or payment date of the leg.
   * @throws InvalidInputError for an empty leg.
   */
  static startDate(leg: Leg): Date {
    CashFlows.#nonEmpty(leg);
    return leg.map((cf) => (cf instanceof Coupon ? cf.accrualStartDate : cf.date())).reduce((a, b) => Date.min(a, b));
  }

  /**
   * The latest payment (or accrual end) date of the leg.
   * @throws InvalidInputError for an empty leg.
   */
  static maturityDate(leg: Leg): Date {
    CashFlows.#nonEmpty(leg);
    return leg.map((cf) => (cf instanceof Coupon ? Date.max(cf.accrualEndDate, cf.date()) : cf.date())).reduce((a, b) => Date.max(a, b));
  }

  /** Whether every flow has occurred at the settlement date (true for an empty leg). */
  static isExpired(leg: Leg, options: CashFlowsOptions = {}): boolean {
    const r = resolve(leg, options);
    return leg.every((cf) => cf.hasOccurred(r.settlement, r.include));
  }

  /** The first flow still to come at the settlement date (legs are in date order), or undefined. */
  static nextCashFlow(leg: Leg, options: CashFlowsOptions = {}): CashFlow | undefined {
    const r = resolve(leg, options);
    return leg.find((cf) => !cf.hasOccurred(r.settlement, r.include));
  }

  /**
   * Net present value of the leg on a discount curve, or at a yield.
   * @param leg - the flows, in date order.
   * @param discountCurveOrYield - a YieldTermStructure (NPV = Σ a_i P(d_i)/P(npvDate)) or an
   * InterestRate y (NPV = Σ a_i y.discountFactor(t_i)).
   * @param options - settlement date, npv date, settlement-date flows.
   * @returns the NPV in units of the leg's currency at the npv date.
   * @throws InvalidInputError for a bad leg, date or curve, or dates before the curve's
   * reference date; whatever a coupon throws (MissingFixingError).
   */
  static npv(leg: Leg, discountCurveOrYield: YieldTermStructure | InterestRate, options: CashFlowsOptions = {}): number {
    const r = resolve(leg, options);
    if (discountCurveOrYield instanceof InterestRate) {
      const y = discountCurveOrYield;
      return timedFlows(leg, y.dayCounter, r).reduce((s, f) => s + f.amount * y.discountFactor(f.t), 0);
    }
    const curve = discountCurveOrYield;
    checkCurve(curve);
    let npv = 0;
    for (const cf of leg) if (!cf.hasOccurred(r.settlement, r.include)) npv += cf.amountValue() * curve.discount(cf.date());
    return npv / curve.discount(r.npvDate);
  }

  /**
   * Basis-point sensitivity: Σ over live coupons of nominal · τ · discount · 1e-4.
   * @param leg - the flows, in date order.
   * @param discountCurveOrYield - a curve or a yield, as {@link CashFlows.npv}.
   * @param options - dates, as {@link CashFlows.npv}.
   * @returns the NPV change (currency units) for a 1 bp rise of every coupon rate.
   * @throws InvalidInputError as {@link CashFlows.npv}.
   */
  static bps(leg: Leg, discountCurveOrYield: YieldTermStructure | InterestRate, options: CashFlowsOptions = {}): number {
    const r = resolve(leg, options);
    return CashFlows.#annuity(leg, discountCurveOrYield, r) * 1e-4;
  }

  /**
   * The fixed rate that, paid instead of the coupons' rates on the same nominals and accrual
   * periods, would give the leg the target NPV: (target − NPV of the non-coupon flows) / (BPS/1e-4).
   * @param leg - the flows, in date order.
   * @param discountCurve - the discount curve.
   * @param options - dates and `targetNpv` (default the coupons' NPV, so that a fixed leg
   * returns its NPV-weighted coupon rate).
   * @returns the rate, a decimal per year (0 when the leg has no live coupon and target 0).
   * @throws InvalidInputError as {@link CashFlows.npv}, or when there is no live coupon but a
   * non-zero target.
   */
  static atmRate(leg: Leg, discountCurve: YieldTermStructure, options: AtmRateOptions = {}): number {
    const r = resolve(leg, options);
    checkCurve(discountCurve);
    let couponNpv = 0;
    let otherNpv = 0;
    for (const cf of leg) {
      if (cf.hasOccurred(r.settlement, r.include)) continue;
      const v = cf.amountValue() * discountCurve.discount(cf.date());
      if (cf instanceof Coupon) couponNpv += v;
      else otherNpv += v;
    }
    const df = discountCurve.discount(r.npvDate);
    const annuity = CashFlows.#annuity(leg, discountCurve, r);
    const target = options.targetNpv === undefined ? couponNpv / df : options.targetNpv - otherNpv / df;
    if (typeof target !== 'number' || !Number.isFinite(target)) throw InvalidInputError.outOfRange('targetNpv', options.targetNpv, '(-∞, ∞), finite');
    if (annuity === 0) {
      if (target === 0) return 0;
      throw InvalidInputError.outOfRange('leg', `${leg.length} flows`, 'legs with a live coupon (the annuity is zero)');
    }
    return target / annuity;
  }

  /**
   * The yield y under the given conventions at which the leg's NPV equals `npv` (a dirty price
   * in currency units), solved by Brent's method.
   * @param leg - the flows, in date order.
   * @param npv - target NPV at the npv date, finite.
   * @param conventions - the yield's day counter, compounding and frequency.
   * @param options - dates and solver settings (accuracy 1e-12, 100 iterations, guess 0.05).
   * @returns the yield, a decimal per year.
   * @throws InvalidInputError for bad inputs; ConvergenceError when no yield in
   * (−1, 10] reprices the leg (e.g. `npv` beyond the sum of the flows) or the solver does not
   * converge.
   */
  static yieldRate(leg: Leg, npv: number, conventions: YieldConventions, options: YieldSolverOptions = {}): number {
    const r = resolve(leg, options);
    if (typeof npv !== 'number' || !Number.isFinite(npv)) throw InvalidInputError.outOfRange('npv', npv, '(-∞, ∞), finite');
    const { dayCounter, compounding } = conventions;
    const frequency = conventions.frequency ?? Frequency.Annual;
    if (!(dayCounter instanceof DayCounter)) throw InvalidInputError.outOfRange('conventions.dayCounter', dayCounter, 'a DayCounter');
    new InterestRate(0, dayCounter, compounding, frequency); // validates compounding and frequency
    const accuracy = options.accuracy ?? 1e-12;
    const maxIterations = options.maxIterations ?? 100;
    const guess = options.guess ?? 0.05;
    checkPositive('accuracy', accuracy);
    checkInteger('maxIterations', maxIterations, 1);
    const flows = timedFlows(leg, dayCounter, r);
    if (flows.length === 0) throw InvalidInputError.outOfRange('leg', `${leg.length} flows`, 'legs with a flow after the settlement date');
    const tMax = Math.max(...flows.map((f) => f.t));
    // Stay where every discount factor exists: 1 + y/f > 0 compounded, 1 + y t > 0 simple.
    const lo = compounding === Compounding.Simple || compounding === Compounding.CompoundedThenSimple ? Math.max(-1, -1 / Math.max(tMax, 1e-12)) * (1 - 1e-9) : -1 + 1e-9;
    const hi = 10;
    if (typeof guess !== 'number' || !(guess > lo && guess < hi)) throw InvalidInputError.outOfRange('guess', guess, `(${lo}, ${hi})`);
    const price = (y: number): number => {
      const rate = new InterestRate(y, dayCounter, compounding, frequency);
      return flows.reduce((s, f) => s + f.amount * rate.discountFactor(f.t), 0) - npv;
    };
    let a = guess;
    let b = guess;
    let fa = price(a);
    let fb = fa;
    let width = 0.01;
    while (Math.sign(fa) === Math.sign(fb) && fa !== 0) {
      if (a <= lo && b >= hi) {
        throw new ConvergenceError(`yield: no rate in (${lo}, ${hi}] gives npv = ${npv} (reachable: ${price(hi) + npv} to ${price(lo) + npv})`, { npv, lo, hi });
      }
      a = Math.max(lo, guess - width);
      b = Math.min(hi, guess + width);
      fa = price(a);
      fb = price(b);
      width *= 2;
    }
    if (fa === 0) return a;
    return brentRoot(price, a, b, { accuracy, maxEvaluations: maxIterations + 2 });
  }

  /**
   * Duration of the leg at yield y: simple, Macaulay or modified (see {@link Duration}).
   * @param leg - the flows, in date order.
   * @param y - the yield with its conventions.
   * @param type - the kind of duration; default `Modified`.
   * @param options - dates, as {@link CashFlows.npv}.
   * @returns years (modified: relative price change per 1.00 of yield).
   * @throws InvalidInputError for bad inputs, a Macaulay duration of a yield that is not
   * `Compounded`, or a leg whose NPV at y is 0 with a non-zero derivative.
   */
  static duration(leg: Leg, y: InterestRate, type: Duration = Duration.Modified, options: CashFlowsOptions = {}): number {
    checkYield(y);
    if (!(type in Duration) || typeof type !== 'number') throw InvalidInputError.outOfRange('type', type, 'Duration.Simple | Macaulay | Modified');
    if (type === Duration.Macaulay && y.compounding !== Compounding.Compounded) {
      throw InvalidInputError.outOfRange('y.compounding', Compounding[y.compounding], '{Compounded} (Macaulay duration = (1 + y/f) · modified duration)');
    }
    const modifiedOrSimple = priceWeighted(leg, y, options, type === Duration.Simple ? (t) => t : (t, B) => -derivatives(y, t, B)[0]);
    return type === Duration.Macaulay ? (1 + y.rate / y.frequency) * modifiedOrSimple : modifiedOrSimple;
  }

  /**
   * Convexity P''(y)/P of the leg at yield y.
   * @param leg - the flows, in date order.
   * @param y - the yield with its conventions.
   * @param options - dates, as {@link CashFlows.npv}.
   * @returns years² (per 1.00 of yield, squared).
   * @throws InvalidInputError for bad inputs or a zero NPV with a non-zero second derivative.
   */
  static convexity(leg: Leg, y: InterestRate, options: CashFlowsOptions = {}): number {
    checkYield(y);
    return priceWeighted(leg, y, options, (t, B) => derivatives(y, t, B)[1]);
  }

  /**
   * Interest accrued at the settlement date on the coupons paid on the next payment date.
   * @param leg - the flows, in date order, in one currency.
   * @param options - `settlementDate` and `includeSettlementDateFlows`.
   * @returns decimal.js Money in the leg's currency (zero when no coupon is live).
   * @throws InvalidInputError for an empty leg or bad dates; MissingFixingError when a floating
   * coupon's past fixing is missing.
   */
  static accruedAmount(leg: Leg, options: CashFlowsOptions = {}): Money {
    CashFlows.#nonEmpty(leg);
    const r = resolve(leg, options);
    let total = new Money(0, leg[0].currency());
    for (const c of CashFlows.#nextCoupons(leg, r)) total = total.plus(c.accruedAmount(r.settlement));
    return total;
  }

  /** The accrued period (years) at the settlement date of the next coupon (0 when none). */
  static accruedPeriod(leg: Leg, options: CashFlowsOptions = {}): number {
    return CashFlows.#onNextCoupon(leg, options, (c, d) => c.accruedPeriod(d));
  }

  /** The accrued days at the settlement date of the next coupon (0 when none). */
  static accruedDays(leg: Leg, options: CashFlowsOptions = {}): number {
    return CashFlows.#onNextCoupon(leg, options, (c, d) => c.accruedDays(d));
  }

  /** `read(next coupon, settlement date)`, or 0 when no coupon is live. */
  static #onNextCoupon(leg: Leg, options: CashFlowsOptions, read: (c: Coupon, settlement: Date) => number): number {
    const r = resolve(leg, options);
    const c = CashFlows.#nextCoupons(leg, r)[0];
    return c === undefined ? 0 : read(c, r.settlement);
  }

  /** Σ over live coupons of nominal · τ · discount (to the npv date). */
  static #annuity(leg: Leg, discountCurveOrYield: YieldTermStructure | InterestRate, r: Resolved): number {
    if (discountCurveOrYield instanceof InterestRate) {
      const y = discountCurveOrYield;
      return timedFlows(leg, y.dayCounter, r).reduce(
        (s, f) => (f.flow instanceof Coupon ? s + f.flow.nominalValue() * f.flow.accrualPeriod() * y.discountFactor(f.t) : s),
        0,
      );
    }
    const curve = discountCurveOrYield;
    checkCurve(curve);
    let annuity = 0;
    for (const cf of leg) {
      if (cf instanceof Coupon && !cf.hasOccurred(r.settlement, r.include)) annuity += cf.nominalValue() * cf.accrualPeriod() * curve.discount(cf.date());
    }
    return annuity / curve.discount(r.npvDate);
  }

  /** The coupons paid on the date of the next live flow. */
  static #nextCoupons(leg: Leg, r: Resolved): Coupon[] {
    const next = leg.find((cf) => !cf.hasOccurred(r.settlement, r.include));
    if (next === undefined) return [];
    const paymentDate = next.date();
    return leg.filter((cf): cf is Coupon => cf instanceof Coupon && cf.date().equals(paymentDate) && !cf.hasOccurred(r.settlement, r.include));
  }

  static #nonEmpty(leg: Leg): void {
    if (!Array.isArray(leg) || leg.length === 0) throw InvalidInputError.outOfRange('leg', Array.isArray(leg) ? '[]' : leg, 'non-empty arrays of CashFlows');
  }
}
