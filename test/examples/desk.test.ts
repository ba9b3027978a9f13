// The live desk on real data, small: the market reproduces the quotes, and every tick reprices
// every option exactly once.
import { describe, expect, it } from 'vitest';
import { hestonOnDesk } from '../../examples/desk/hestonOnDesk.js';
import { buildDesk } from '../../examples/desk/buildDesk.js';
import { historicalTicks, replay } from '../../examples/desk/replay.js';
import { readGatheralChain } from '../../examples/desk/data/readGatheralChain.js';
import { BlackCalculator, Date, EuropeanExercise, OptionType, PlainVanillaPayoff, VanillaOption, blackFormula } from '../../src/index.js';

const iso = (e: string) => (e.includes('-') ? e : `${e.slice(0, 4)}-${e.slice(4, 6)}-${e.slice(6, 8)}`);

describe('live desk', () => {
  const desk = buildDesk({ bookSize: 600 });
  const quoted = { spot: desk.spot.value(), level: desk.level.value() };

  it('builds a book of at least 500 listed options on 48 expiries', () => {
    expect(desk.book.length).toBe(600);
    expect(desk.slices.length).toBe(48);
    expect(Object.values(desk.skipped).every((s) => s.count >= 0)).toBe(true);
  });

  it('mid vols are implied from the mid prices: Black-76 at each vol reproduces CallMid to 1e-12 relative', () => {
    // Independent of the inversion: blackFormula (the normalised Black function, no root finding)
    // on the file's Fwd and Texp, undiscounted, as CallMid is quoted. Strikes below the forward
    // were inverted as puts; their call follows by parity inside blackFormula's intrinsic part.
    const chain = readGatheralChain(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', new URL('../../data/', import.meta.url)));
    const callMid = new Map(chain.rows.map((r) => [`${r.expiry}|${r.strike}`, r.callMid]));
    let checked = 0;
    let worst = 0;
    for (const s of desk.slices) {
      s.strikes.forEach((strike, i) => {
        const expected = callMid.get(`${s.expiry}|${strike}`)!;
        const got = blackFormula(OptionType.Call, strike, s.forward, s.midVols[i]! * Math.sqrt(s.texp));
        const rel = Math.abs(got - expected) / expected;
        worst = Math.max(worst, rel);
        expect(rel, `${s.expiry} K=${strike} F=${s.forward} σ=${s.midVols[i]}: Black ${got}, CallMid ${expected}`).toBeLessThanOrEqual(1e-12);
        checked++;
      });
    }
    // Every two-sided quote of the file (6,749, README) is inverted or counted as skipped.
    expect(checked + desk.skipped['mid prices']!.count).toBe(6749);
    expect(desk.skipped['mid prices']!.count).toBe(0);
    expect(worst).toBeLessThan(1e-12);
  });

  it('reprices listed quotes: Black-76 at the mid vol on the given forward, discounted on the Treasury curve', () => {
    const engine = desk.book[0]!.pricingEngine()!;
    let checked = 0;
    for (const s of desk.slices.filter((x) => x.texp > 0.05 && x.texp < 2)) {
      s.strikes.forEach((strike, i) => {
        if (strike % 25 !== 0 || strike < 3000 || strike > 5500) return; // on the surface's strike grid
        const expiry = Date.fromISO(iso(s.expiry));
        const type = strike >= s.forward ? OptionType.Call : OptionType.Put;
        const option = new VanillaOption(new PlainVanillaPayoff(type, strike), new EuropeanExercise(expiry));
        option.setPricingEngine(engine);
        const discount = desk.riskFree.discount(expiry);
        const expected = new BlackCalculator(type, strike, s.forward, s.midVols[i]! * Math.sqrt(s.texp), discount).value();
        // Same total variance and forward by construction; round-off of the curve algebra only.
        expect(Math.abs(option.NPV() - expected), `${s.expiry} K=${strike}`).toBeLessThan(1e-9 * s.forward);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('replays real SPX and VIX moves: one reprice per option per tick, no errors', () => {
    const { ticks } = historicalTicks(desk, '2008-10-01', '2008-10-31');
    expect(ticks.length).toBe(2 * 22); // 23 trading days in October 2008 → 22 daily moves
    const reports = replay(desk, ticks);
    for (const r of reports) {
      expect(r.repriced).toBe(600);
      expect(r.duplicates).toBe(0);
      expect(r.errors).toBe(0);
    }
    expect(desk.spot.observerCount).toBe(1); // subscriptions released: only its handle remains
  });

  it('discounts on the Treasury curve through a relinkable handle; the SOFR what-if relinks every option once and back exactly', () => {
    expect(desk.discountCurve.currentLink()).toBe(desk.riskFree);
    for (const h of desk.sofr.helpers) expect(Math.abs(h.quoteError(desk.sofr.curve))).toBeLessThan(1e-12);
    expect(desk.sofr.curve.referenceDate().toISOString()).toBe('2025-01-31');
    // The what-if curve carries the SOFR zero rates to the desk's date at equal times (Act/365F).
    const sofrTen = desk.sofr.curve.zeroRate(desk.sofr.curve.maxDate()) as number;
    expect(desk.sofrOnDeskDate.zeroRate(desk.sofr.curve.timeFromReference(desk.sofr.curve.maxDate()))).toBeCloseTo(sofrTen, 12);
    const before = desk.book.map((o) => o.NPV());
    let emissions = 0;
    const subs = desk.book.map((o) => o.results$.subscribe(() => { emissions++; }));
    emissions = 0;
    desk.discountCurve.linkTo(desk.sofrOnDeskDate);
    expect(emissions).toBe(desk.book.length);
    const onSofr = desk.book.map((o) => o.NPV());
    desk.discountCurve.linkTo(desk.riskFree);
    for (const s of subs) s.unsubscribe();
    expect(onSofr.some((v, i) => Math.abs(v - (before[i] as number)) > 1e-6)).toBe(true);
    desk.book.forEach((o, i) => expect(o.NPV()).toBe(before[i]));
  });

  it('swaps in a Heston engine calibrated to its own smiles and back exactly; the Heston book stays near the Black–Scholes one', () => {
    // Back to the quote date's market (the replay above moved spot and vol level).
    desk.spot.setValue(quoted.spot);
    desk.level.setValue(quoted.level);
    const { engine, fit } = hestonOnDesk(desk);
    expect(fit.volResiduals.length).toBe(42);
    expect(fit.volRmse).toBeLessThan(0.02); // 1.34 vol points measured: Heston misses part of the short-dated skew
    const before = desk.book.map((o) => o.NPV());
    for (const o of desk.book) o.setPricingEngine(engine);
    const onHeston = desk.book.map((o) => o.NPV());
    for (const o of desk.book) o.setPricingEngine(desk.engine);
    desk.book.forEach((o, i) => expect(o.NPV()).toBe(before[i]));
    // Both models price the same smiles: the book values agree to about the fit error.
    const bs = before.reduce((a, v) => a + v, 0);
    const heston = onHeston.reduce((a, v) => a + v, 0);
    expect(Math.abs(heston / bs - 1)).toBeLessThan(0.02);
    expect(onHeston.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  });
});
