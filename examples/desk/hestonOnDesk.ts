// The desk's Heston what-if: a Heston model calibrated to the desk's own smiles (mid vols of 6
// expiries from 1 month to 2 years, 7 strikes each within |ln K/F| ≤ 0.3), on the desk's spot quote
// and curves, priced by COS — an engine to swap into the book and back.
import { calibrateHeston, type HestonCalibrationResult, type HestonCalibrationSlice } from '../../engines/heston/calibrateHeston.js';
import { CosHestonEngine } from '../../engines/heston/CosHestonEngine.js';
import { Handle, type Quote, type YieldTermStructure } from '../../src/index.js';
import { HestonModel } from '../../src/models/HestonModel.js';
import { HestonProcess } from '../../src/processes/HestonProcess.js';
import type { Desk } from './buildDesk.js';

const TARGETS = [1 / 12, 0.25, 0.5, 1, 1.5, 2];
const STRIKES = 7;

/** The calibration slices: per target time the nearest expiry, 7 strikes evenly spread in ln(K/F). */
export function hestonSlices(desk: Desk): HestonCalibrationSlice[] {
  const used = new Set<number>();
  return TARGETS.map((target) => {
    let best = -1;
    desk.slices.forEach((s, j) => {
      if (!used.has(j) && (best < 0 || Math.abs(s.texp - target) < Math.abs(desk.slices[best]!.texp - target))) best = j;
    });
    used.add(best);
    const s = desk.slices[best]!;
    const x = (i: number) => Math.log(s.strikes[i]! / s.forward);
    const ok = [...s.strikes.keys()].filter((i) => Math.abs(x(i)) <= 0.3 && s.midVols[i]! > 0);
    const lo = x(ok[0]!);
    const hi = x(ok[ok.length - 1]!);
    const pick = new Set<number>();
    for (let a = 0; a < STRIKES; a++) {
      const z = lo + ((hi - lo) * a) / (STRIKES - 1);
      pick.add(ok.reduce((b, i) => (Math.abs(x(i) - z) < Math.abs(x(b) - z) ? i : b)));
    }
    const idx = [...pick].sort((a, b) => a - b);
    // The file's vols are quoted on forwards (undiscounted): D = 1 for the calibration.
    return { time: s.texp, forward: s.forward, discount: 1, strikes: idx.map((i) => s.strikes[i]!), vols: idx.map((i) => s.midVols[i]!) };
  });
}

/** Calibrates and returns the engine, the model and the fit. */
export function hestonOnDesk(desk: Desk): { engine: CosHestonEngine; model: HestonModel; fit: HestonCalibrationResult } {
  const fit = calibrateHeston(hestonSlices(desk), { jacobian: 'finite-difference', maxVolRmse: 0.1 });
  const p = fit.parameters;
  const process = new HestonProcess(desk.discountCurve, new Handle<YieldTermStructure>(desk.dividends), new Handle<Quote>(desk.spot), p.v0, p.kappa, p.theta, p.sigma, p.rho);
  const model = new HestonModel(process);
  return { engine: new CosHestonEngine(model), model, fit };
}
