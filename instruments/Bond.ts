import { CashFlows, type YieldConventions, type YieldSolverOptions } from '../src/cashflows/CashFlows.js';
import { FloatingRateCoupon } from '../src/cashflows/FloatingRateCoupon.js';
import type { Leg } from '../src/cashflows/Leg.js';
import { checkInteger, checkPositive } from '../src/_lib/checks.js';
import { InvalidInputError } from '../src/errors.js';
import { InterestRate } from '../src/rates/InterestRate.js';
import { Settings } from '../src/settings.js';
import type { Calendar } from '../src/time/Calendar.js';
import { Date } from '../src/time/Date.js';
import { TimeUnit } from '../src/time/TimeUnit.js';
import { Instrument } from './Instrument.js';

/**
 * What bond engines receive.
 * @public
 */
export interface BondArguments {
  /** Coupons and redemption, in date order. */
  readonly cashflows: Leg;
  /** The settlement date the settlement value is taken at. */
  readonly settlementDate: Date;
}

/**
 * Terms every {@link Bond} shares.
 * @public
 */
export interface BondTerms {
  /** Business days from trade (the evaluation date) to settlement; integer ≥ 0. */
  readonly settlementDays: number;
  /** Calendar of the settlement lag. */
  readonly calendar: Calendar;
  /** Face amount, currency units; finite, > 0. */
  readonly faceAmount: number;
  /** Redemption per 100 of face; finite, > 0 (QuantLib's default 100). */
  readonly redemption: number;
  /** Issue date; settlement is never before it. Optional. */
  readonly issueDate?: Date;
}

/**
 * A bond: a leg of coupons plus a redemption on a face amount, settled some business days after
 * trade; prices quoted per 100 of face.
 *
 * @remarks
 * settlementDate(d) = max(calendar.advance(d, settlementDays days), issueDate), d the evaluation
 * date by default. Engines return the NPV at their curve's reference date and the additional
 * result `settlementValue` (the flows after settlement discounted to the settlement date).
 * dirtyPrice = 100 · settlementValue / faceAmount; accruedAmount(d) = 100 · accrued interest at d /
 * faceAmount (see {@link CashFlows.accruedAmount}); cleanPrice = dirtyPrice − accruedAmount.
 * `yield` solves CashFlows.yieldRate for the dirty amount at settlement (flows on the settlement
 * date excluded). The face amount does not amortise. Expired once every flow has been paid at
 * the evaluation date.
 * Observes: its engine and its floating coupons.
 *
 * Source: QuantLib `ql/instruments/bond.hpp` / `.cpp` (`settlementDate`, `cleanPrice`,
 * `dirtyPrice`, `accruedAmount`, `yield`) and `ql/pricingengines/bond/bondfunctions.hpp`
 * (`cleanPrice` from a yield); Fabozzi (2012), *Bond Markets, Analysis and Strategies*, 8th ed. (bond pricing and yield measures).
 * Checked against: `test/instruments/bonds.test.ts` (QuantLib 1.29 prices, accrued and yields;
 * price/yield round trip).
 *
 * @typeParam Terms - the concrete bond's terms.
 * @public
 */
export abstract class Bond<Terms extends BondTerms> extends Instrument<Terms, BondArguments> {
  /** Coupons and redemption, in date order. */
  readonly cashflows: Leg;

  /**
   * @param terms - the bond's terms (frozen in place).
   * @param cashflows - its coupons and redemption, non-empty, in date order.
   * @throws InvalidInputError when `settlementDays` is not an integer ≥ 0, the face amount or the
   *   redemption is not finite and > 0, the issue date is not a Date, or the leg is empty.
   */
  protected constructor(terms: Terms, cashflows: Leg) {
    super(terms);
    checkBondTerms(terms);
    if (cashflows.length === 0) throw InvalidInputError.outOfRange('cashflows.length', 0, '[1, ∞)');
    this.cashflows = cashflows;
    for (const cf of cashflows) if (cf instanceof FloatingRateCoupon) this.registerWith(cf);
  }

  /** Detaches the bond from its engine and its floating coupons. */
  override dispose(): void {
    for (const cf of this.cashflows) if (cf instanceof FloatingRateCoupon) this.unregisterWith(cf);
    super.dispose();
  }

  /**
   * The settlement date for a trade on `d`.
   * @param d - trade date; default the evaluation date.
   */
  settlementDate(d?: Date): Date {
    const trade = d ?? Settings.instance.evaluationDate.value();
    if (!(trade instanceof Date)) throw InvalidInputError.outOfRange('d', trade, 'a quantflow Date');
    const settlement = this.terms.calendar.advance(trade, this.terms.settlementDays, TimeUnit.Days);
    const issue = this.terms.issueDate;
    return issue !== undefined && issue.isAfter(settlement) ? issue : settlement;
  }

  /** The last payment date. */
  maturityDate(): Date {
    return CashFlows.maturityDate(this.cashflows);
  }

  override isExpired(): boolean {
    return CashFlows.isExpired(this.cashflows);
  }

  /**
   * Accrued interest per 100 of face at `settlement`.
   * @param settlement - default the bond's settlement date.
   * @throws MissingFixingError when a running floating coupon's fixing is missing.
   */
  accruedAmount(settlement?: Date): number {
    const d = settlement ?? this.settlementDate();
    return (100 * CashFlows.accruedAmount(this.cashflows, { settlementDate: d, includeSettlementDateFlows: false }).toNumber()) / this.terms.faceAmount;
  }

  /**
   * Value of the flows after settlement at the settlement date, per 100 of face.
   * @throws QuantflowError when pricing fails, or (code `MISSING_RESULT`) without `settlementValue`.
   */
  dirtyPrice(): number {
    return (100 * this.result('settlementValue')) / this.terms.faceAmount;
  }

  /**
   * dirtyPrice − accruedAmount, per 100 of face.
   * @throws QuantflowError when pricing fails.
   */
  cleanPrice(): number {
    return this.dirtyPrice() - this.accruedAmount(this.settlementDate());
  }

  /**
   * The yield to maturity with the given conventions that reprices a clean price.
   * @param conventions - day counter, compounding and frequency of the yield.
   * @param options - `cleanPrice` (per 100; default the engine's), `settlementDate` (default the
   *   bond's) and solver settings (see {@link CashFlows.yieldRate}).
   * @returns the yield, decimal per year.
   * @throws InvalidInputError for a bad clean price, or a `settlementDate` without a `cleanPrice`;
   *   ConvergenceError when no yield reprices it;
   *   QuantflowError when pricing fails (without `cleanPrice`).
   */
  yield(conventions: YieldConventions, options: YieldSolverOptions & { readonly cleanPrice?: number } = {}): number {
    if (options.cleanPrice === undefined && options.settlementDate !== undefined) {
      throw InvalidInputError.outOfRange('options.cleanPrice', undefined, '(0, ∞), required with options.settlementDate (the engine prices at the bond\'s own settlement date)');
    }
    const settlement = options.settlementDate ?? this.settlementDate();
    const clean = options.cleanPrice ?? this.cleanPrice();
    checkPositive('options.cleanPrice', clean);
    const dirty = ((clean + this.accruedAmount(settlement)) * this.terms.faceAmount) / 100;
    const { cleanPrice: _unused, ...solver } = options;
    return CashFlows.yieldRate(this.cashflows, dirty, conventions, { ...solver, settlementDate: settlement, npvDate: settlement, includeSettlementDateFlows: false });
  }

  /**
   * The clean price per 100 of face at which the bond yields `y`.
   * @param y - the yield with its conventions.
   * @param settlement - default the bond's settlement date.
   * @throws InvalidInputError when `y` is not an InterestRate.
   */
  cleanPriceFromYield(y: InterestRate, settlement?: Date): number {
    if (!(y instanceof InterestRate)) throw InvalidInputError.outOfRange('y', y, 'an InterestRate');
    const d = settlement ?? this.settlementDate();
    const dirty = (100 * CashFlows.npv(this.cashflows, y, { settlementDate: d, npvDate: d, includeSettlementDateFlows: false })) / this.terms.faceAmount;
    return dirty - this.accruedAmount(d);
  }

  protected buildArguments(): BondArguments {
    return { cashflows: this.cashflows, settlementDate: this.settlementDate() };
  }
}

function checkBondTerms(t: BondTerms): void {
  checkInteger('settlementDays', t.settlementDays, 0);
  checkPositive('faceAmount', t.faceAmount);
  checkPositive('redemption', t.redemption);
  if (t.issueDate !== undefined && !(t.issueDate instanceof Date)) throw InvalidInputError.outOfRange('issueDate', t.issueDate, 'a quantflow Date');
}
