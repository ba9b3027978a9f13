import { it } from 'vitest';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { FdLocalVolVanillaEngine } from '../../../engines/localvol/FdLocalVolVanillaEngine.js';
import { americanOption, europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { americanCases } from '../../_lib/reference.js';
import { localVolReference as ref, referenceProcess, termStructureSurface } from '../../termstructures/volatility/localvol/_lib/referenceSurface.js';
import { TimeOnlyLocalVol } from './_lib/timeOnlyLocalVol.js';
function bs(type: OptionType, S: number, K: number, T: number, r: number, q: number, w: number): number {
  return blackFormula(type, K, S * Math.exp((r - q) * T), Math.sqrt(w), Math.exp(-r * T));
}
it('probe', () => {
  setToday();
  let worst = 0;
  for (const vol of [0.1, 0.3]) {
    const m = flatMarket(100, 0.05, 0.02, vol);
    const engine = new FdLocalVolVanillaEngine(m.process, { tGrid: 200, xGrid: 200 });
    for (const days of [91, 730]) for (const K of [80, 100, 125]) for (const type of [OptionType.Call, OptionType.Put]) {
      const o = europeanOption(type, K, days); o.setPricingEngine(engine);
      worst = Math.max(worst, Math.abs(o.NPV() - bs(type, 100, K, days / 365, 0.05, 0.02, vol * vol * days / 365)));
    }
  }
  console.log('flat worst', worst);
  worst = 0;
  for (const c of americanCases.filter((x) => x.id.startsWith('put_') || x.id === 'call_div_atm_1y')) {
    const i = c.inputs; const m = flatMarket(i.S, i.r, i.q, i.vol);
    const o = americanOption(i.type === 'call' ? OptionType.Call : OptionType.Put, i.K, i.N_days);
    o.setPricingEngine(new FdLocalVolVanillaEngine(m.process, { tGrid: 400, xGrid: 400 }));
    worst = Math.max(worst, Math.abs(o.NPV() - c.outputs['qdfp_high_precision']!));
  }
  console.log('american worst', worst);
  worst = 0;
  const m = flatMarket(100, 0.04, 0.01, 0.2);
  const lv = new TimeOnlyLocalVol(0.15, 0.1, today);
  for (const days of [182, 730]) for (const K of [85, 100, 115]) {
    const o = europeanOption(OptionType.Call, K, days);
    o.setPricingEngine(new FdLocalVolVanillaEngine(m.process, { tGrid: 200, xGrid: 300, localVolatility: lv }));
    worst = Math.max(worst, Math.abs(o.NPV() - bs(OptionType.Call, 100, K, days / 365, 0.04, 0.01, lv.integratedVariance(days / 365))));
  }
  console.log('time-only worst', worst);
  worst = 0;
  const surface = termStructureSurface(); const p = referenceProcess(surface);
  for (const days of [91, 300, 730]) {
    const o = europeanOption(OptionType.Put, 100, days);
    o.setPricingEngine(new FdLocalVolVanillaEngine(p, { tGrid: days, xGrid: 300 }));
    worst = Math.max(worst, Math.abs(o.NPV() - bs(OptionType.Put, ref.inputs.S, 100, days / 365, ref.inputs.r, ref.inputs.q, surface.blackVariance(days / 365, 100))));
  }
  console.log('ts worst', worst);
});
