// Internal: a callable-bond engine's results from the rolled-back values.
import type { BondArguments } from '../../../instruments/Bond.js';
import type { PricingResults } from '../../../instruments/PricingResults.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';

export function callableBondResults(r: { value: number; straightValue: number }, curve: YieldTermStructure, args: BondArguments): PricingResults {
  const ds = curve.discount(args.settlementDate, true);
  return { value: r.value, greeks: {}, additionalResults: { settlementValue: r.value / ds, straightValue: r.straightValue } };
}
