import { AbcdFunction } from '../../../../engines/lmm/AbcdFunction.js';
import { LiborMarketModel } from '../../../../engines/lmm/LiborMarketModel.js';

/** A semiannual 10-forward model (T_0 = 0.5 … T_10 = 5.5) on an upward-sloping curve. */
export function semiannualModel(overrides: { displacement?: number; factors?: never } = {}): LiborMarketModel {
  const rateTimes = Array.from({ length: 11 }, (_, i) => 0.5 * (i + 1));
  const discounts = rateTimes.map((t) => Math.exp(-(0.03 + 0.002 * t) * t));
  return new LiborMarketModel({
    rateTimes,
    discounts,
    volatility: new AbcdFunction(0.05, 0.4, 0.9, 0.12),
    scalings: Array.from({ length: 10 }, (_, i) => 1 + 0.02 * i),
    correlation: { form: 'rebonato', beta: 0.3, rhoInfinity: 0.4 },
    displacement: overrides.displacement ?? 0,
  });
}
