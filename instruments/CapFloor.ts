import { IborCoupon } from '../src/cashflows/IborCoupon.js';
import type { Leg } from '../src/cashflows/Leg.js';
import { InvalidInputError } from '../src/errors.js';
import { Settings } from '../src/settings.js';
import type { Date } from '../src/time/Date.js';
import { CapFloorType } from './CapFloorType.js';
import { Instrument } from './Instrument.js';

/**
 * Terms of a {@link CapFloor}.
 * @public
 */
export interface CapFloorTerms {
  /** Cap, floor or collar. */
  readonly type: CapFloorType;
  /** The floating leg whose coupons are capped/floored: {@link IborCoupon}s, in date order. */
  readonly floatingLeg: Leg;
  /** Cap rate per coupon (the last repeats), decimal per year; empty for a floor. */
  readonly capRates: readonly number[];
  /** Floor rate per coupon (the last repeats), decimal per year; empty for a cap. */
  readonly floorRates: readonly number[];
}

/**
 * One optionlet of a cap/floor, as engines read it: the coupon pays N τ (g L + s) at the payment
 * date, L the index fixed on `fixingDate`.
 * @public
 */
export interface CapFloorOptionlet {
  readonly fixingDate: Date;
  readonly accrualStartDate: Date;
  readonly accrualEndDate: Date;
  readonly paymentDate: Date;
  /** τ by the coupon's day counter, years. */
  readonly accrualFraction: number;
  /** Nominal N, currency units. */
  readonly nominal: number;
  /** Gearing g (≠ 0). */
  readonly gearing: number;
  /** Spread s, decimal per year. */
  readonly spread: number;
  /** The index fixing L: the stored fixing once fixed, else the forecast off the index's curve. */
  readonly indexFixing: number;
  /** True when the fixing date is before the evaluation date (L is known). */
  readonly isFixed: boolean;
  /** Cap rate on the coupon rate g L + s, or null (floor). */
  readonly capRate: number | null;
  /** Floor rate, or null (cap). */
  readonly floorRate: number | null;
}

/**
 * What cap/floor engines receive.
 * @public
 */
export interface CapFloorArguments {
  readonly type: CapFloorType;
  /** Optionlets not yet paid at the evaluation date, in date order. */
  readonly optionlets: readonly CapFloorOptionlet[];
  /** Index in the leg of each optionlet (for the per-optionlet results). */
  readonly couponIndices: readonly number[];
}

/**
 * A cap, floor or collar on a leg of term-rate coupons.
 *
 * @remarks
 * A caplet pays N τ g · max(L − K', 0) at the coupon's payment date, with K' = (K − s)/g the
 * strike on the index (so that it caps the coupon rate g L + s at K); a floorlet pays
 * N τ g · max(K' − L, 0); a collar is long the cap, short the floor. Engines report each
 * optionlet's value as the additional result `optionletPrice<i>` (i = coupon index in the leg;
 * cap − floor for a collar) and {@link CapFloor.optionletPrices} collects them. Coupons paid
 * before the evaluation date are left out.
 * Observes: its engine and every coupon (a forecasting-curve tick or a new fixing reprices it).
 * Source: QuantLib `ql/instruments/capfloor.hpp` / `.cpp`.
 * Checked against: `test/engines/capfloor/capFloorEngines.test.ts` (QuantLib 1.29 caps, floors
 * and every optionlet; collar = cap − floor; cap − floor = swap parity).
 * @public
 */
export class CapFloor extends Instrument<CapFloorTerms, CapFloorArguments> {
  /**
   * @param type - Cap, Floor or Collar.
   * @param floatingLeg - IborCoupons, at least one.
   * @param capRates - cap rate(s), decimals; required (non-empty) for Cap and Collar.
   * @param floorRates - floor rate(s), decimals; required for Floor and Collar.
   * @throws InvalidInputError for an unknown type, an empty leg or a coupon that is not an
   * IborCoupon, missing or non-finite rates.
   */
  constructor(type: CapFloorType, floatingLeg: Leg, capRates: number | readonly number[] = [], floorRates: number | readonly number[] = []) {
    if (type !== CapFloorType.Cap && type !== CapFloorType.Floor && type !== CapFloorType.Collar) throw InvalidInputError.outOfRange('type', type, '{Cap, Floor, Collar}');
    if (floatingLeg.length === 0) throw InvalidInputError.outOfRange('floatingLeg.length', 0, '[1, ∞)');
    floatingLeg.forEach((c, i) => {
      if (!(c instanceof IborCoupon)) throw InvalidInputError.outOfRange(`floatingLeg[${i}]`, c.constructor.name, 'an IborCoupon');
    });
    const caps = typeof capRates === 'number' ? [capRates] : [...capRates];
    const floors = typeof floorRates === 'number' ? [floorRates] : [...floorRates];
    if (type !== CapFloorType.Floor && caps.length === 0) throw InvalidInputError.outOfRange('capRates.length', 0, `[1, ∞) for a ${type}`);
    if (type !== CapFloorType.Cap && floors.length === 0) throw InvalidInputError.outOfRange('floorRates.length', 0, `[1, ∞) for a ${type}`);
    [...caps, ...floors].forEach((r) => {
      if (!Number.isFinite(r)) throw InvalidInputError.outOfRange('capRates/floorRates', r, '(-∞, ∞), finite');
    });
    super({ type, floatingLeg, capRates: type === CapFloorType.Floor ? [] : caps, floorRates: type === CapFloorType.Cap ? [] : floors });
    for (const c of floatingLeg) this.registerWith(c);
  }

  override isExpired(): boolean {
    const today = Settings.instance.evaluationDate.value();
    return this.terms.floatingLeg.every((c) => c.hasOccurred(today));
  }

  /** Detaches the instrument from its engine and coupons. */
  override dispose(): void {
    for (const c of this.terms.floatingLeg) this.unregisterWith(c);
    super.dispose();
  }

  /**
   * Each coupon's optionlet value (0 for coupons already paid), currency units, cap − floor
   * for a collar.
   * @throws QuantflowError when pricing fails.
   */
  optionletPrices(): number[] {
    const r = this.pricingResults();
    if (this.isExpired()) return this.terms.floatingLeg.map(() => 0);
    return this.terms.floatingLeg.map((_, i) => r.additionalResults[`optionletPrice${i}`] ?? 0);
  }

  /** The arguments an engine receives. */
  arguments(): CapFloorArguments {
    return this.buildArguments();
  }

  protected buildArguments(): CapFloorArguments {
    const today = Settings.instance.evaluationDate.value();
    const { capRates, floorRates } = this.terms;
    const at = (xs: readonly number[], i: number): number | null => (xs.length === 0 ? null : (xs[Math.min(i, xs.length - 1)] as number));
    const optionlets: CapFloorOptionlet[] = [];
    const couponIndices: number[] = [];
    this.terms.floatingLeg.forEach((cf, i) => {
      const c = cf as IborCoupon;
      if (c.hasOccurred(today)) return;
      optionlets.push({
        fixingDate: c.fixingDate(), accrualStartDate: c.accrualStartDate, accrualEndDate: c.accrualEndDate, paymentDate: c.paymentDate,
        accrualFraction: c.accrualPeriod(), nominal: c.nominalValue(), gearing: c.gearing, spread: c.spread, indexFixing: c.indexFixing(),
        isFixed: c.fixingDate().isBefore(today), capRate: at(capRates, i), floorRate: at(floorRates, i),
      });
      couponIndices.push(i);
    });
    return { type: this.terms.type, optionlets, couponIndices };
  }

  protected rebuild(t: CapFloorTerms): this {
    return new CapFloor(t.type, t.floatingLeg, t.capRates, t.floorRates) as this;
  }
}
