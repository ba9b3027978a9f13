import { CashFlows } from '../src/cashflows/CashFlows.js';
import { FloatingRateCoupon } from '../src/cashflows/FloatingRateCoupon.js';
import type { Leg } from '../src/cashflows/Leg.js';
import { InvalidInputError } from '../src/errors.js';
import type { Date } from '../src/time/Date.js';
import { Instrument } from './Instrument.js';

/**
 * What swap engines receive: the legs and, per leg, the sign of its flows to the holder.
 * @public
 */
export interface SwapArguments {
  /** The legs, each in date order; at least one, each non-empty. */
  readonly legs: readonly Leg[];
  /** Per leg: −1 when the holder pays it, +1 when the holder receives it; same length as `legs`. */
  readonly payer: readonly number[];
}

/**
 * An exchange of legs of cash flows: the base of {@link VanillaSwap} and {@link OvernightIndexedSwap}.
 *
 * @remarks
 * NPV = Σ_j payer_j · NPV(leg_j); engines (e.g. {@link DiscountingSwapEngine}) report each leg's
 * signed NPV and BPS as the additional results `legNPV<j>` and `legBPS<j>` (BPS: NPV change for
 * 1 bp on every coupon rate of the leg, currency units). Expired once every flow of every leg has
 * been paid at the evaluation date.
 * Observes: its engine and every floating coupon of its legs (so that a tick of a forecasting
 * curve that the engine does not read still reprices the swap).
 *
 * Source: QuantLib `ql/instruments/swap.hpp` (`Swap`, `legNPV`, `legBPS`).
 * Checked against: `test/instruments/swaps.test.ts`.
 *
 * @typeParam Terms - the concrete swap's plain-data terms.
 * @public
 */
export abstract class Swap<Terms extends object> extends Instrument<Terms, SwapArguments> {
  /** The legs, built once from the terms. */
  readonly legs: readonly Leg[];
  /** Per leg: −1 paid, +1 received. */
  readonly payer: readonly number[];

  /**
   * @param terms - the concrete swap's terms (frozen in place).
   * @param legs - the legs built from them, each non-empty.
   * @param payer - per leg −1 (paid) or +1 (received).
   * @throws InvalidInputError when there is no leg, a leg is empty or a payer flag is not ±1.
   */
  protected constructor(terms: Terms, legs: readonly Leg[], payer: readonly number[]) {
    super(terms);
    if (legs.length === 0 || legs.length !== payer.length) throw InvalidInputError.outOfRange('legs.length', legs.length, `[1, ∞) and = payer.length (${payer.length})`);
    legs.forEach((leg, j) => {
      if (leg.length === 0) throw InvalidInputError.outOfRange(`legs[${j}].length`, 0, '[1, ∞)');
      if (payer[j] !== 1 && payer[j] !== -1) throw InvalidInputError.outOfRange(`payer[${j}]`, payer[j], '{-1, 1}');
      for (const cf of leg) if (cf instanceof FloatingRateCoupon) this.registerWith(cf);
    });
    this.legs = legs;
    this.payer = payer;
  }

  /**
   * Detaches the swap from its engine and its floating coupons (the coupons stay registered with
   * their indexes, which keep them alive as long as the index lives).
   */
  override dispose(): void {
    for (const leg of this.legs) for (const cf of leg) if (cf instanceof FloatingRateCoupon) this.unregisterWith(cf);
    super.dispose();
  }

  /** The earliest accrual start of any leg. */
  startDate(): Date {
    return this.legs.map((leg) => CashFlows.startDate(leg)).reduce((a, b) => (b.isBefore(a) ? b : a));
  }

  /** The latest payment date of any leg. */
  maturityDate(): Date {
    return this.legs.map((leg) => CashFlows.maturityDate(leg)).reduce((a, b) => (b.isAfter(a) ? b : a));
  }

  override isExpired(): boolean {
    return this.legs.every((leg) => CashFlows.isExpired(leg));
  }

  /**
   * The signed NPV of leg `j` (currency units): negative for a paid leg with positive flows.
   * @param j - leg index, integer in [0, legs.length).
   * @throws InvalidInputError for a bad index; QuantflowError when pricing fails.
   */
  legNPV(j: number): number {
    return this.result(`legNPV${this.#leg(j)}`);
  }

  /**
   * The signed BPS of leg `j`: NPV change for +1 bp on every coupon rate of the leg (currency units).
   * @param j - leg index, integer in [0, legs.length).
   * @throws InvalidInputError for a bad index; QuantflowError when pricing fails.
   */
  legBPS(j: number): number {
    return this.result(`legBPS${this.#leg(j)}`);
  }

  /**
   * The value of a rate or spread of leg `j` that gives the swap NPV 0: current − NPV/(legBPS(j)/1e-4).
   * @param j - the leg whose coupon rates the value is added to.
   * @param current - the leg's current rate or spread, decimal per year.
   */
  protected breakEven(j: number, current: number): number {
    return current - this.NPV() / (this.legBPS(j) / 1e-4);
  }

  protected buildArguments(): SwapArguments {
    return { legs: this.legs, payer: this.payer };
  }

  #leg(j: number): number {
    if (!Number.isInteger(j) || j < 0 || j >= this.legs.length) throw InvalidInputError.outOfRange('j', j, `{0, …, ${this.legs.length - 1}}`);
    return j;
  }
}
