// Twin tests of the docstring examples of the core, instruments and term structures: each `//=>`
// value in a public docstring is asserted here exactly as printed there.
import { afterAll, describe, expect, it } from 'vitest';
import {
  AmericanExercise, AssetOrNothingPayoff, BermudanExercise, BlackCalculator, BlackConstantVol,
  CashOrNothingPayoff, CompositeQuote, Date, DerivedQuote, EuropeanExercise, FlatForward, GapPayoff,
  Handle, LinearInterpolation, OptionType, PlainVanillaPayoff, RelinkableHandle, Settings, SimpleQuote,
  transaction, VanillaOption, SviSmileSection, cboeOptionChain, fitSviSmile, gatheralOptionChain,
  parseCboeChain, parseGatheralChain, putCallParityForward, sviJumpWingsToRaw, sviNaturalToRaw, sviRawToJumpWings, sviRawToNatural,
  Actual360, Currency, DiscountingBondEngine, DiscountingSwapEngine, IborIndex, NullCalendar, Period,
  Schedule, SwapType, TARGET, VanillaSwap, ZeroCouponBond, type YieldTermStructure, Compounding, FixedRateBond, Frequency,
  SofrFutureRateHelper, Thirty360, Thirty360Convention,
  sabrVolatility, sabrAlphaFromAtmVol, SabrSmileSection,
} from '../src/index.js';
import { readFileSync } from 'node:fs';

afterAll(() => Settings.instance.evaluationDate.reset());

describe('docstring examples', () => {
  it('patterns and quotes', () => {
    const spot = new RelinkableHandle(new SimpleQuote(100));
    spot.linkTo(new SimpleQuote(105));
    expect(spot.currentLink().value()).toBe(105);

    const s = new SimpleQuote(100), vol = new SimpleQuote(0.2);
    transaction(() => { s.setValue(101); vol.setValue(0.21); });
    expect(s.value()).toBe(101);

    const spread = new CompositeQuote(new Handle(new SimpleQuote(0.05)), new Handle(new SimpleQuote(0.03)), (a, b) => a - b);
    expect(spread.value()).toBe(0.020000000000000004);
    const bumped = new DerivedQuote(new Handle(new SimpleQuote(100)), (x) => x * 1.01);
    expect(bumped.value()).toBe(101);
    const q = new SimpleQuote(100);
    expect(q.setValue(101)).toBe(1);
    expect(q.value()).toBe(101);
  });

  it('SABR', () => {
    expect(sabrVolatility(100, 100, 1, { alpha: 0.2, beta: 1, nu: 0.5, rho: -0.4 })).toBe(0.2011666666666667);
    expect(sabrAlphaFromAtmVol(0.2011666666666667, 100, 1, 1, -0.4, 0.5)).toBe(0.2);
    expect(new SabrSmileSection(1, 100, { alpha: 0.2, beta: 1, nu: 0.5, rho: -0.4 }).volatility(100)).toBe(0.2011666666666667);
  });

  it('settings and term structures', () => {
    Settings.instance.evaluationDate.set(Date.fromISO('2023-02-15'));
    expect(Settings.instance.evaluationDate.value().toISOString()).toBe('2023-02-15');
    const curve = new FlatForward(0.05, { referenceDate: Date.fromISO('2025-01-02') });
    expect(curve.discount(1)).toBe(0.951229424500714);
    expect(new BlackConstantVol(0.2, { referenceDate: Date.fromISO('2025-01-02') }).blackVariance(2, 100)).toBe(0.08000000000000002);
    expect(new LinearInterpolation([0, 1, 2], [0, 10, 30]).value(1.5)).toBe(20);
  });

  it('instruments and the Black calculator', () => {
    expect(new EuropeanExercise(Date.fromISO('2026-06-19')).lastDate().toISOString()).toBe('2026-06-19');
    expect(new AmericanExercise(Date.fromISO('2025-01-02'), Date.fromISO('2026-01-02')).dates().length).toBe(2);
    expect(new BermudanExercise([Date.fromISO('2026-01-02'), Date.fromISO('2025-07-02')]).dates()[0]!.toISOString()).toBe('2025-07-02');
    expect(new AssetOrNothingPayoff(OptionType.Put, 100).value(90)).toBe(90);
    expect(new GapPayoff(OptionType.Call, 50, 57).value(55)).toBe(-2);
    expect(new CashOrNothingPayoff(OptionType.Call, 100, 10).value(101)).toBe(10);
    expect(new PlainVanillaPayoff(OptionType.Put, 100).value(90)).toBe(10);
    const option = new VanillaOption(new PlainVanillaPayoff(OptionType.Call, 100), new EuropeanExercise(Date.fromISO('2026-06-19')));
    expect(option.with((d) => { d.payoff.strike = 105; }).terms.payoff.strike).toBe(105);
    expect(new BlackCalculator(OptionType.Call, 100, 100, 0.2, 0.951229424500714).value()).toBe(7.57708214642728);
  });

  it('SVI smiles and option chains', () => {
    expect(sviRawToNatural({ a: 0.04, b: 0.1, rho: 0, m: 0, sigma: 0.2 })).toEqual({ delta: 0.019999999999999997, mu: 0, rho: 0, omega: 0.04000000000000001, zeta: 5 });
    expect(sviNaturalToRaw({ delta: 0.02, mu: 0, rho: 0, omega: 0.04, zeta: 5 })).toEqual({ a: 0.04, b: 0.1, rho: 0, m: 0, sigma: 0.2 });
    expect(sviRawToJumpWings({ a: 0.04, b: 0.1, rho: 0, m: 0, sigma: 0.2 }, 1)).toEqual({ v: 0.060000000000000005, psi: 0, p: 0.408248290463863, c: 0.408248290463863, vTilde: 0.060000000000000005 });
    expect(sviJumpWingsToRaw({ v: 0.04, psi: -0.1, p: 0.6, c: 0.3, vTilde: 0.03 }, 1).rho).toBe(-0.33333333333333326);
    expect(new SviSmileSection(1, 100, { a: 0.04, b: 0.1, rho: 0, m: 0, sigma: 0.2 }).totalVariance(0)).toBe(0.060000000000000005);
    const fit = fitSviSmile({ time: 1, forward: 100, strikes: [80, 90, 100, 110, 120], bidVols: [0.27, 0.23, 0.2, 0.19, 0.19], askVols: [0.29, 0.25, 0.22, 0.21, 0.21] });
    expect(fit.diagnostics.arbitrageFree).toBe(true);
    expect(putCallParityForward([90, 100, 110], [14.5, 7, 2.5], [5, 7, 12]).forward).toBe(100);
    const data = new URL('../data/', import.meta.url);
    expect(parseGatheralChain(readFileSync(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', data), 'utf8')).rows.length).toBe(7423);
    expect(parseCboeChain(readFileSync(new URL('spx-chain-cboe-20230914/spx_quotedata.csv', data), 'utf8')).rows.length).toBe(9960);
    expect(gatheralOptionChain(readFileSync(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', data), 'utf8')).slices.length).toBe(48);
    expect(cboeOptionChain(readFileSync(new URL('spx-chain-cboe-20230914/spx_quotedata.csv', data), 'utf8')).slices.map((s) => s.root).slice(0, 2)).toEqual(['SPX', 'SPXW']);
  });

  it('rate instruments', () => {
    Settings.instance.evaluationDate.set(Date.fromISO('2025-01-02'));
    const curve = new Handle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: Date.fromISO('2025-01-02') }));
    const index = new IborIndex({ familyName: 'Euribor', tenor: Period.parse('6M'), fixingDays: 2, currency: Currency.EUR, fixingCalendar: new TARGET(), dayCounter: new Actual360(), forwardingTermStructure: curve });
    const s = (t: string) => new Schedule({ effectiveDate: Date.fromISO('2025-01-06'), terminationDate: Date.fromISO('2030-01-07'), tenor: Period.parse(t), calendar: new TARGET() });
    const swap = new VanillaSwap(SwapType.Payer, 1e6, s('1Y'), 0.03, new Actual360(), s('6M'), index, 0, new Actual360());
    swap.setPricingEngine(new DiscountingSwapEngine(curve));
    expect(swap.fairRate().toFixed(6)).toBe('0.030037');
    expect(swap.with((d) => { d.fixedRate = swap.fairRate(); }).NPV().toFixed(6)).toBe('0.000000');
    const bond = new ZeroCouponBond(0, new NullCalendar(), 100, Date.fromISO('2027-01-02'));
    bond.setPricingEngine(new DiscountingBondEngine(new Handle<YieldTermStructure>(new FlatForward(0.04, { referenceDate: Date.fromISO('2025-01-02') }))));
    expect(bond.cleanPrice().toFixed(6)).toBe('92.311635');
    const h = new SofrFutureRateHelper(95.9, 3, 2025, Frequency.Quarterly);
    expect(h.startDate().toISOString()).toBe('2025-03-19');
    expect(h.impliedQuote(new FlatForward(0.04, { referenceDate: Date.fromISO('2025-01-02') })).toFixed(6)).toBe('96.035057');
    const bb = new Thirty360(Thirty360Convention.BondBasis);
    const sched = new Schedule({ effectiveDate: Date.fromISO('2025-01-02'), terminationDate: Date.fromISO('2030-01-02'), tenor: Period.parse('6M'), calendar: new NullCalendar() });
    const fixed = new FixedRateBond(0, 100, sched, [0.05], bb);
    fixed.setPricingEngine(new DiscountingBondEngine(new Handle<YieldTermStructure>(new FlatForward(0.04, { referenceDate: Date.fromISO('2025-01-02') }))));
    expect(fixed.cleanPrice().toFixed(6)).toBe('104.297866');
    expect(fixed.yield({ dayCounter: bb, compounding: Compounding.Compounded, frequency: Frequency.Semiannual }).toFixed(8)).toBe('0.04042015');
  });
});
