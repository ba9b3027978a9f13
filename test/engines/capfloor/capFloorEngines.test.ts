import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BachelierCapFloorEngine } from '../../../engines/capfloor/BachelierCapFloorEngine.js';
import { BlackCapFloorEngine } from '../../../engines/capfloor/BlackCapFloorEngine.js';
import { AnalyticCapFloorEngine } from '../../../engines/hullwhite/AnalyticCapFloorEngine.js';
import { CapFloor } from '../../../instruments/CapFloor.js';
import { CapFloorType } from '../../../instruments/CapFloorType.js';
import { iborLeg } from '../../../src/cashflows/iborLeg.js';
import { fixedLeg } from '../../../src/cashflows/fixedLeg.js';
import { InvalidInputError } from '../../../src/errors.js';
import { Actual365Fixed } from '../../../src/time/Actual365Fixed.js';
import { BusinessDayConvention } from '../../../src/time/BusinessDayConvention.js';
import { Date } from '../../../src/time/Date.js';
import { NullCalendar } from '../../../src/time/NullCalendar.js';
import { Period } from '../../../src/time/Period.js';
import { Schedule } from '../../../src/time/Schedule.js';
import { quantlib } from '../../_lib/reference.js';
import { hullWhiteMarket, type HullWhiteMarket } from '../hullwhite/_lib/hullWhiteMarket.js';

interface CapCase { id: string; inputs: { vol_type: string; vol: number; strike: number }; outputs: { cap_npv: number; floor_npv: number; cap_optionlet_prices: number[]; floor_optionlet_prices: number[] } }
const capCases: CapCase[] = quantlib['capfloor'].cases;
const hwCaps = JSON.parse(readFileSync(new URL('../../reference/quantlib-1.29-hull-white-calibration.json', import.meta.url), 'utf8')).hull_white_caps.cases as {
  strike: number; cap_npv: number; floor_npv: number; cap_optionlets: number[]; floor_optionlets: number[];
}[];

/** The reference leg: semiannual 2025-07-02 … 2030-01-02, NullCalendar, Unadjusted, Act/365F, nominal 1. */
function referenceLeg(m: HullWhiteMarket, spread = 0, gearing = 1) {
  const schedule = new Schedule({ effectiveDate: Date.fromISO('2025-07-02'), terminationDate: Date.fromISO('2030-01-02'), tenor: Period.parse('6M'), calendar: new NullCalendar(), convention: BusinessDayConvention.Unadjusted });
  return iborLeg(schedule, m.index, { nominals: 1, dayCounter: new Actual365Fixed(), paymentConvention: BusinessDayConvention.Unadjusted, spreads: spread, gearings: gearing });
}

describe('Black / Bachelier cap-floor engines: QuantLib 1.29 (flat 3 %, 9 semiannual caplets)', () => {
  it.each(capCases.map((c) => [c.id, c] as const))('%s', (_, c) => {
    const m = hullWhiteMarket();
    const leg = referenceLeg(m);
    const engine = c.inputs.vol_type === 'black_lognormal' ? new BlackCapFloorEngine(m.curve, c.inputs.vol) : new BachelierCapFloorEngine(m.curve, c.inputs.vol);
    const cap = new CapFloor(CapFloorType.Cap, leg, c.inputs.strike);
    const floor = new CapFloor(CapFloorType.Floor, leg, [], c.inputs.strike);
    cap.setPricingEngine(engine);
    floor.setPricingEngine(engine);
    expect(Math.abs(cap.NPV() - c.outputs.cap_npv)).toBeLessThan(1e-12);
    expect(Math.abs(floor.NPV() - c.outputs.floor_npv)).toBeLessThan(1e-12);
    cap.optionletPrices().forEach((p, i) => expect(Math.abs(p - c.outputs.cap_optionlet_prices[i]!), `caplet ${i}`).toBeLessThan(1e-13));
    floor.optionletPrices().forEach((p, i) => expect(Math.abs(p - c.outputs.floor_optionlet_prices[i]!), `floorlet ${i}`).toBeLessThan(1e-13));
  });
});

describe('AnalyticCapFloorEngine (Hull–White): QuantLib 1.29 (a = 0.1, σ = 0.01)', () => {
  it.each(hwCaps.map((c) => [c.strike, c] as const))('K = %s', (_, c) => {
    const m = hullWhiteMarket();
    const leg = referenceLeg(m);
    const engine = new AnalyticCapFloorEngine(m.model);
    const cap = new CapFloor(CapFloorType.Cap, leg, c.strike);
    const floor = new CapFloor(CapFloorType.Floor, leg, [], c.strike);
    cap.setPricingEngine(engine);
    floor.setPricingEngine(engine);
    expect(Math.abs(cap.NPV() - c.cap_npv)).toBeLessThan(1e-12);
    expect(Math.abs(floor.NPV() - c.floor_npv)).toBeLessThan(1e-12);
    cap.optionletPrices().forEach((p, i) => expect(Math.abs(p - c.cap_optionlets[i]!)).toBeLessThan(1e-13));
    floor.optionletPrices().forEach((p, i) => expect(Math.abs(p - c.floor_optionlets[i]!)).toBeLessThan(1e-13));
  });
});

describe('cap-floor properties', () => {
  it('cap − floor = Σ N τ P(t_pay)(F − K) for every engine; collar = cap − floor; spread shifts the strike', () => {
    const m = hullWhiteMarket();
    const leg = referenceLeg(m);
    const curve = m.curve.currentLink();
    const K = 0.027;
    let swapLike = 0;
    for (const c of leg) {
      const cpn = c as unknown as { rate(): number; accrualPeriod(): number; paymentDate: Date };
      swapLike += cpn.accrualPeriod() * curve.discount(cpn.paymentDate) * (cpn.rate() - K);
    }
    for (const engine of [new BlackCapFloorEngine(m.curve, 0.3), new BachelierCapFloorEngine(m.curve, 0.009), new AnalyticCapFloorEngine(m.model)]) {
      const cap = new CapFloor(CapFloorType.Cap, leg, K);
      const floor = new CapFloor(CapFloorType.Floor, leg, [], K);
      const collar = new CapFloor(CapFloorType.Collar, leg, K, K);
      for (const x of [cap, floor, collar]) x.setPricingEngine(engine);
      expect(Math.abs(cap.NPV() - floor.NPV() - swapLike)).toBeLessThan(1e-15);
      expect(Math.abs(collar.NPV() - (cap.NPV() - floor.NPV()))).toBeLessThan(1e-15);
      // A cap at K on L + s is a cap at K − s on L.
      const spreadCap = new CapFloor(CapFloorType.Cap, referenceLeg(m, 0.002), K);
      const shifted = new CapFloor(CapFloorType.Cap, leg, K - 0.002);
      spreadCap.setPricingEngine(engine);
      shifted.setPricingEngine(engine);
      expect(Math.abs(spreadCap.NPV() - shifted.NPV())).toBeLessThan(1e-15);
    }
  });

  it('HW caplets tend to Black caplets with the HW-implied bond vol: small σ → intrinsic; reprices on a curve tick', () => {
    const m = hullWhiteMarket(0.03, 0.1, 1e-9);
    const cap = new CapFloor(CapFloorType.Cap, referenceLeg(m), 0.02);
    cap.setPricingEngine(new AnalyticCapFloorEngine(m.model));
    const curve = m.curve.currentLink();
    let intrinsic = 0;
    for (const c of referenceLeg(m)) {
      const cpn = c as unknown as { rate(): number; accrualPeriod(): number; paymentDate: Date };
      intrinsic += cpn.accrualPeriod() * curve.discount(cpn.paymentDate) * Math.max(cpn.rate() - 0.02, 0);
    }
    expect(Math.abs(cap.NPV() - intrinsic)).toBeLessThan(1e-12);
    const v0 = cap.NPV();
    m.rate.setValue(0.035);
    expect(cap.NPV()).toBeGreaterThan(v0);
  });

  it('a caplet fixed in the past is worth its discounted intrinsic value on the stored fixing (every engine)', () => {
    const m = hullWhiteMarket();
    const schedule = new Schedule({ effectiveDate: Date.fromISO('2024-10-02'), terminationDate: Date.fromISO('2026-10-02'), tenor: Period.parse('6M'), calendar: new NullCalendar(), convention: BusinessDayConvention.Unadjusted });
    const leg = iborLeg(schedule, m.index, { nominals: 1, dayCounter: new Actual365Fixed(), paymentConvention: BusinessDayConvention.Unadjusted });
    m.index.addFixing(Date.fromISO('2024-10-02'), 0.045, true);
    try {
      const first = leg[0] as unknown as { accrualPeriod(): number; paymentDate: Date };
      const expected = first.accrualPeriod() * m.curve.currentLink().discount(first.paymentDate) * (0.045 - 0.03);
      for (const engine of [new BlackCapFloorEngine(m.curve, 0.3), new BachelierCapFloorEngine(m.curve, 0.009), new AnalyticCapFloorEngine(m.model)]) {
        const cap = new CapFloor(CapFloorType.Cap, leg, 0.03);
        cap.setPricingEngine(engine);
        expect(cap.arguments().optionlets[0]!.isFixed).toBe(true);
        expect(Math.abs(cap.optionletPrices()[0]! - expected)).toBeLessThan(1e-16);
        expect(cap.optionletPrices()[1]!).toBeGreaterThan(0);
      }
    } finally {
      m.index.clearFixings();
    }
  });

  it('rejects bad input with InvalidInputError', () => {
    const m = hullWhiteMarket();
    const leg = referenceLeg(m);
    expect(() => new CapFloor(CapFloorType.Cap, leg)).toThrow(InvalidInputError);
    expect(() => new CapFloor(CapFloorType.Floor, leg, 0.02)).toThrow(InvalidInputError);
    expect(() => new CapFloor('Swap' as CapFloorType, leg, 0.02)).toThrow(InvalidInputError);
    expect(() => new CapFloor(CapFloorType.Cap, [], 0.02)).toThrow(InvalidInputError);
    expect(() => new CapFloor(CapFloorType.Cap, leg, Number.NaN)).toThrow(InvalidInputError);
    const schedule = new Schedule({ effectiveDate: Date.fromISO('2025-07-02'), terminationDate: Date.fromISO('2027-07-02'), tenor: Period.parse('1Y'), calendar: new NullCalendar() });
    const fixed = fixedLeg(schedule, { nominals: 1, currency: m.index.currency, couponRates: 0.03, dayCounter: new Actual365Fixed() });
    expect(() => new CapFloor(CapFloorType.Cap, fixed, 0.02)).toThrow(InvalidInputError);
    expect(() => new BlackCapFloorEngine(m.curve, -0.1)).toThrow(InvalidInputError);
    expect(() => new AnalyticCapFloorEngine({} as never)).toThrow(InvalidInputError);
  });
});
