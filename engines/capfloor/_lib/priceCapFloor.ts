import type { CapFloorArguments, CapFloorOptionlet } from '../../../instruments/CapFloor.js';
import { CapFloorType } from '../../../instruments/CapFloorType.js';
import { OptionType } from '../../../instruments/OptionType.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { Settings } from '../../../src/settings.js';
import type { DayCounter } from '../../../src/time/DayCounter.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';
import { flatVolValue } from '../../_lib/flatVolEngine.js';

/**
 * Sums optionlets priced by `optionlet(o, ω, K')` (ω = +1 caplet, −1 floorlet on the index, K' the
 * strike on the index; value per unit of N τ |g|) into cap/floor/collar results with
 * `optionletPrice<i>`.
 */
export function priceCapFloor(args: CapFloorArguments, optionlet: (o: CapFloorOptionlet, w: 1 | -1, strike: number) => number): PricingResults {
  const additionalResults: Record<string, number> = {};
  let value = 0;
  args.optionlets.forEach((o, k) => {
    const scale = o.nominal * o.accrualFraction * Math.abs(o.gearing);
    // A negative gearing turns a cap on the coupon rate into a floor on the index.
    const capSide: 1 | -1 = o.gearing < 0 ? -1 : 1;
    let v = 0;
    if (args.type !== CapFloorType.Floor && o.capRate !== null) v += scale * optionlet(o, capSide, (o.capRate - o.spread) / o.gearing);
    if (args.type !== CapFloorType.Cap && o.floorRate !== null) {
      const floorlet = scale * optionlet(o, capSide === 1 ? -1 : 1, (o.floorRate - o.spread) / o.gearing);
      v += args.type === CapFloorType.Collar ? -floorlet : floorlet;
    }
    additionalResults[`optionletPrice${args.couponIndices[k]}`] = v;
    value += v;
  });
  return { value, greeks: {}, additionalResults };
}

/**
 * Cap/floor results on a flat vol: each optionlet is `formula(type, K', F, σ√T_fix, P(0, t_pay))`
 * with F the coupon's index forecast and T_fix the `dayCounter` time from the evaluation date to
 * the fixing date; a fixed coupon, T_fix ≤ 0 or `intrinsicOnly(K')` gives the discounted
 * intrinsic value instead.
 * @throws InvalidInputError for a non-positive vol quote.
 */
export function priceCapFloorOnFlatVol(
  args: CapFloorArguments,
  curve: YieldTermStructure,
  dayCounter: DayCounter,
  volatility: Handle<Quote>,
  formula: (type: OptionType, strike: number, forward: number, stdDev: number, discount: number) => number,
  intrinsicOnly: (strike: number) => boolean = () => false,
): PricingResults {
  const sigma = flatVolValue(volatility);
  const today = Settings.instance.evaluationDate.value();
  return priceCapFloor(args, (o, w, K) => {
    const D = curve.discount(o.paymentDate, true);
    const F = o.indexFixing;
    const T = dayCounter.yearFraction(today, o.fixingDate);
    if (o.isFixed || T <= 0 || intrinsicOnly(K)) return D * Math.max(w * (F - K), 0);
    return formula(w === 1 ? OptionType.Call : OptionType.Put, K, F, sigma * Math.sqrt(T), D);
  });
}
