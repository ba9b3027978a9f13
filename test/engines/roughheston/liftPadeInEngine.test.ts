// The lift and Padé routes plugged into the rough Heston COS engine of branch rhadams
// (cosRoughHestonBatch, route: RoughHestonLogCf) against its Adams route, within the routes'
// stated errors (docs/models/rough-heston-routes.md).
import { describe, expect, it } from 'vitest';
import { cosRoughHestonBatch } from '../../../engines/roughheston/cosRoughHestonBatch.js';
import { liftedHestonLogCf } from '../../../engines/roughheston/liftedHestonLogCf.js';
import { padeRoughHestonLogCf } from '../../../engines/roughheston/padeRoughHestonLogCf.js';
import type { RoughHestonLogCf } from '../../../engines/roughheston/RoughHestonLogCf.js';
import { liftRefDividend, liftRefMaturities, liftRefParams, liftRefRate, liftRefSpot, liftRefStrikes } from './_lib/liftReference.js';

const inputs = {
  spot: liftRefSpot,
  strikes: liftRefStrikes,
  expiries: liftRefMaturities,
  riskFreeRates: liftRefRate,
  dividendYields: liftRefDividend,
  params: liftRefParams,
};
const calls = (route: 'adams' | RoughHestonLogCf): Float64Array => cosRoughHestonBatch(inputs, { route }).calls;

describe('lift and Padé routes in cosRoughHestonBatch, against its Adams route', () => {
  const adams = calls('adams');
  it('lift n = 20 within 4e-3 (stated: 2.7e-3 on the published set), n = 80 within 1e-3', () => {
    for (const [n, tol] of [[20, 4e-3], [80, 1e-3]] as const) {
      const c = calls(liftedHestonLogCf({ factors: n }));
      for (let i = 0; i < c.length; i++) expect(Math.abs(c[i]! - adams[i]!), `n=${n} i=${i} lift=${c[i]} adams=${adams[i]}`).toBeLessThan(tol);
    }
  });
  it('Padé (3,3) within 1.5e-2 and (4,4) within 1e-2 (stated: 1.4e-2, 7.6e-3 on the published set)', () => {
    for (const [n, tol] of [[3, 1.5e-2], [4, 1e-2]] as const) {
      const c = calls(padeRoughHestonLogCf({ order: [n, n] }));
      for (let i = 0; i < c.length; i++) expect(Math.abs(c[i]! - adams[i]!), `order ${n} i=${i} pade=${c[i]} adams=${adams[i]}`).toBeLessThan(tol);
    }
  });
});
