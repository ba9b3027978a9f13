import type { CapFloorArguments, CapFloorOptionlet } from '../../../instruments/CapFloor.js';
import { CapFloorType } from '../../../instruments/CapFloorType.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';

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
