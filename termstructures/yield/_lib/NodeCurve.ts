import type { Date } from '../../../src/time/Date.js';
import type { DayCounter } from '../../../src/time/DayCounter.js';
import { YieldTermStructure } from '../YieldTermStructure.js';
import type { MinusLogDiscount } from './minusLogDiscount.js';

/**
 * The curve a bootstrap prices its helpers on: fixed reference date and day counter, −ln P
 * swapped in as the nodes change, extrapolation on.
 */
export class NodeCurve extends YieldTermStructure {
  minusLogDiscount: MinusLogDiscount = () => 0;

  constructor(referenceDate: Date, dayCounter: DayCounter) {
    super({ referenceDate, dayCounter });
    this.enableExtrapolation();
  }

  protected discountImpl(t: number): number {
    return Math.exp(-this.minusLogDiscount(t));
  }
}
