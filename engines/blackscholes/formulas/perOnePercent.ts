/**
 * A sensitivity per 1.00 of vol or rate (QuantLib convention) restated per 1 % (one point).
 *
 * @remarks
 * Divides by 100: vega, rho and dividend rho per vol/rate point; apply twice for volga.
 *
 * Source: QuantLib conventions (ql/pricingengines/blackcalculator.hpp: vega and rho per 1.00).
 *
 * Checked against: test/engines/blackscholes/formulas/greeks.test.ts.
 *
 * @param sensitivity - a sensitivity per 1.00 (e.g. vega from {@link blackFormulaVolDerivative}).
 * @returns the sensitivity per 0.01.
 *
 * @example
 * ```ts
 * import { perOnePercent } from 'quantflow';
 * perOnePercent(39.69525474770118);
 * //=> 0.39695254747701175
 * ```
 * @public
 */
export function perOnePercent(sensitivity: number): number {
  return sensitivity / 100;
}
