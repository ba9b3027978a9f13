// The desk's rough Heston what-if: a rough Heston model (El Euch & Rosenbaum 2019) calibrated to the
// same 42 mid vols as the Heston one (6 expiries 1 month–2 years, 7 strikes each), on the desk's spot
// quote and curves, priced by COS over the Adams route — an engine to swap into the book and back.
import { calibrateRoughHeston, type RoughHestonCalibrationResult } from '../../engines/roughheston/calibrateRoughHeston.js';
import { RoughHestonEngine } from '../../engines/roughheston/RoughHestonEngine.js';
import type { RoughHestonFourierOptions } from '../../engines/roughheston/cosRoughHestonBatch.js';
import { Handle, type Quote, type YieldTermStructure } from '../../src/index.js';
import { RoughHestonModel } from '../../src/models/RoughHestonModel.js';
import type { Desk } from './buildDesk.js';
import { hestonSlices } from './hestonOnDesk.js';

/** Pricing options for the desk: 32 Adams steps + Richardson, COS tolerance 1e-7 (≈ 1e-4 in price). */
export const deskRoughHestonPricing: RoughHestonFourierOptions = { tolerance: 1e-7, adams: { steps: 32 } };

/** Calibrates and returns the engine, the model and the fit. */
export function roughHestonOnDesk(desk: Desk): { engine: RoughHestonEngine; model: RoughHestonModel; fit: RoughHestonCalibrationResult } {
  const fit = calibrateRoughHeston(hestonSlices(desk), { maxIterations: 25, pricing: deskRoughHestonPricing });
  const model = new RoughHestonModel(desk.discountCurve, new Handle<YieldTermStructure>(desk.dividends), new Handle<Quote>(desk.spot), fit.parameters);
  return { engine: new RoughHestonEngine(model, deskRoughHestonPricing), model, fit };
}
