// The desk's LIBOR market model what-if: calibrated to the SOFR caplets and swaption matrix of
// 2025-01-31, pricing a 1Y-nc 5Y Bermudan beside Hull–White; vol and SOFR ticks reprice it once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSofrCapletVols } from '../../../examples/desk/data/readSofrCapletVols.js';
import { readSofrSwapQuotes } from '../../../examples/desk/data/readSofrSwapQuotes.js';
import { lmmOnDesk } from '../../../examples/desk/lmmOnDesk.js';
import { sofrOisCurve } from '../../../examples/desk/sofrOisCurve.js';
import { transaction } from '../../../src/patterns/transaction.js';
import { Settings } from '../../../src/settings.js';
import { Date } from '../../../src/time/Date.js';

const dir = new URL('../../../data/usd-sofr-caps-swaptions/', import.meta.url);
beforeAll(() => Settings.instance.evaluationDate.set(Date.fromISO('2025-01-31')));
afterAll(() => Settings.instance.evaluationDate.reset());

describe('lmmOnDesk', () => {
  it('reads 39 caplet vols (the data set’s 1Y quarter: 0.1546)', () => {
    const c = readSofrCapletVols(new URL('cap_curves_2025-01-31.csv', dir));
    expect(c.vols).toHaveLength(39);
    expect(c.accrualEnds[2]).toBe(1);
    expect(c.vols[2]).toBeCloseTo(0.1545619418986578, 15);
  });

  it('calibrates, prices the Bermudan above its first exercise and near Hull–White, and reprices once per tick', () => {
    const sofr = sofrOisCurve(readSofrSwapQuotes(new URL('cap_quotes_2025-01-31.sofr.csv', dir), '2025-01-31'));
    const d = lmmOnDesk(sofr, { paths: 1024 });
    const berm = d.swaption.NPV();
    const fit = d.model.calibration();
    expect(fit.swaptionRmse).toBeLessThan(4); // bp of normal vol (2.2 bp on the data set's own curve)
    const european = d.swaption.result('europeanValue');
    expect(berm).toBeGreaterThan(european);
    d.swaption.setPricingEngine(d.hullWhite);
    const hw = d.swaption.NPV();
    // Two models calibrated to the same matrix: within 10 % on a 10 mm 1Y-nc-5Y.
    expect(Math.abs(berm - hw) / hw, `LMM ${berm} vs Hull–White ${hw}`).toBeLessThan(0.1);
    d.swaption.setPricingEngine(d.lmm);
    expect(d.swaption.NPV()).toBe(berm);
    let emissions = 0;
    const sub = d.swaption.results$.subscribe(() => emissions++);
    const seen = emissions;
    // +10 bp normal vol on the four co-terminal swaptions (1Y×4Y, 2Y×3Y, 3Y×2Y, 4Y×1Y), one transaction.
    transaction(() => {
      for (const i of [3, 7, 11, 15]) d.swaptionQuotes[i]!.setValue(d.swaptionQuotes[i]!.value() + 0.001);
    });
    expect(emissions - seen).toBe(1);
    expect(d.swaption.NPV()).toBeGreaterThan(berm);
    sofr.quotes[8]!.setValue(sofr.quotes[8]!.value() + 0.0001);
    expect(emissions - seen).toBe(2);
    sub.unsubscribe();
  });
});
