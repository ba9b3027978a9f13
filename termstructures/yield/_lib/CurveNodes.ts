import type { Date } from '../../../src/time/Date.js';
import type { MinusLogDiscount } from './minusLogDiscount.js';

/** The nodes of an interpolated curve (dates, times, values) and its −ln P(t) through them. */
export class CurveNodes {
  readonly dates: readonly Date[];
  readonly times: Float64Array;
  readonly values: Float64Array;
  private readonly minusLogDiscount: MinusLogDiscount;

  constructor(dates: readonly Date[], time: (d: Date) => number, values: ArrayLike<number>, build: (times: Float64Array, values: Float64Array) => MinusLogDiscount) {
    this.dates = [...dates];
    this.times = Float64Array.from(dates, time);
    this.values = Float64Array.from(values);
    this.minusLogDiscount = build(this.times, this.values);
  }

  lastDate(): Date {
    return this.dates[this.dates.length - 1] as Date;
  }

  discount(t: number): number {
    return Math.exp(-this.minusLogDiscount(t));
  }
}
