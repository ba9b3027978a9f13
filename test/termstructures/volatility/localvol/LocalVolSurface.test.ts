import { beforeEach, describe, expect, it } from 'vitest';
import { LocalVolSurface } from '../../../../termstructures/volatility/LocalVolSurface.js';
import { setToday } from '../../../_lib/market.js';
import { localVolReference as ref, referenceProcess, smileSurface, termStructureSurface } from './_lib/referenceSurface.js';

beforeEach(setToday);

describe('LocalVolSurface vs QuantLib 1.29 (local_vol)', () => {
  for (const scheme of ['bicubic', 'bilinear'] as const) {
    it(`${scheme} BlackVarianceSurface: local vols and interpolated implied vols`, () => {
      const surface = smileSurface(scheme);
      const lv = LocalVolSurface.fromProcess(referenceProcess(surface));
      let worst = 0;
      let worstIv = 0;
      for (const p of ref.smile_surface[scheme].local_vol_points) {
        const got = lv.localVol(p.T, p.K, true);
        worst = Math.max(worst, Math.abs(got - p.local_vol));
        worstIv = Math.max(worstIv, Math.abs(surface.blackVol(p.T, p.K, true) - p.implied_vol_interpolated!));
        console.log(scheme, p.K, p.T, got, p.local_vol, got - p.local_vol);
      }
      console.log(scheme, 'worst', worst, worstIv);
    });
  }
  it('flat and term structure', () => {
    const lvFlat = LocalVolSurface.fromProcess(referenceProcess());
    for (const p of ref.flat_surface_0p25.local_vol_points) console.log('flat', p.K, p.T, lvFlat.localVol(p.T, p.K, true) - p.local_vol);
    const lvTs = LocalVolSurface.fromProcess(referenceProcess(termStructureSurface()));
    for (const p of ref.term_structure_only.local_vol_points) console.log('ts', p.K, p.T, lvTs.localVol(p.T, p.K, true) - p.local_vol);
  });
});
