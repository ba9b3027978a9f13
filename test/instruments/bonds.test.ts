import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscountingBondEngine } from '../../engines/discounting/DiscountingBondEngine.js';
import { FixedRateBond } from '../../instruments/FixedRateBond.js';
import { FloatingRateBond } from '../../instruments/FloatingRateBond.js';
import { ZeroCouponBond } from '../../instruments/ZeroCouponBond.js';
import { Compounding } from '../../src/rates/Compounding.js';
import { InterestRate } from '../../src/rates/InterestRate.js';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { Frequency } from '../../src/time/Frequency.js';
import { Thirty360, Thirty360Convention } from '../../src/time/Thirty360.js';
import { UnitedStates, UnitedStatesMarket } from '../../src/time/UnitedStates.js';
import { euribor6m, flat, ql, scaledErr, schedule, setToday, today } from './_lib/rates.js';

beforeEach(setToday);
afterAll(() => Settings.instance.evaluationDate.reset());

const usgov = new UnitedStates(UnitedStatesMarket.GovernmentBond);
const bondBasis = new Thirty360(Thirty360Convention.BondBasis);

function fixedBond(): FixedRateBond {
  const bond = new FixedRateBond(1, 100, schedule('2024-03-15', '2029-03-15', '6M', usgov, BusinessDayConvention.Unadjusted), [0.05], bondBasis);
  bond.setPricingEngine(new DiscountingBondEngine(flat(0.03)));
  return bond;
}

function check(pairs: [string, number, number][], tolerance: number): void {
  for (const [name, got, want] of pairs) expect(scaledErr(got, want), `${name}: got ${got}, QuantLib ${want}, tolerance ${tolerance}`).toBeLessThan(tolerance);
}

describe('FixedRateBond on DiscountingBondEngine', () => {
  it('matches QuantLib 1.29: settlement date, NPV, clean and dirty price, accrued, yield, clean price at a yield', () => {
    const r = ql.fixedRateBond;
    const bond = fixedBond();
    expect(bond.settlementDate().toISOString()).toBe(r.settlementDate);
    const y = new InterestRate(0.045, bondBasis, Compounding.Compounded, Frequency.Semiannual);
    // Prices per 100: closed-form sums, 1e-12; the yield is a root solved to 1e-12.
    check([
      ['NPV', bond.NPV(), r.NPV], ['cleanPrice', bond.cleanPrice(), r.cleanPrice], ['dirtyPrice', bond.dirtyPrice(), r.dirtyPrice],
      ['accruedAmount', bond.accruedAmount(), r.accruedAmount], ['cleanPriceFromYield', bond.cleanPriceFromYield(y), r.cleanPriceAtYield045],
    ], 1e-12);
    check([['yield', bond.yield({ dayCounter: bondBasis, compounding: Compounding.Compounded, frequency: Frequency.Semiannual }), r.yieldSemiannual30360]], 1e-10);
  });

  it('round-trips price → yield → price for a range of yields', () => {
    const bond = fixedBond();
    for (const rate of [-0.005, 0.0, 0.01, 0.045, 0.12]) {
      const y = new InterestRate(rate, bondBasis, Compounding.Compounded, Frequency.Semiannual);
      const clean = bond.cleanPriceFromYield(y);
      const back = bond.yield({ dayCounter: bondBasis, compounding: Compounding.Compounded, frequency: Frequency.Semiannual }, { cleanPrice: clean });
      expect(Math.abs(back - rate), `yield ${rate}: clean ${clean}, back ${back}`).toBeLessThan(1e-11);
    }
  });

  it('refuses bad terms, naming them', () => {
    const s = schedule('2024-03-15', '2029-03-15', '6M', usgov);
    expect(() => new FixedRateBond(-1, 100, s, [0.05], bondBasis)).toThrow(/settlementDays = -1/);
    expect(() => new FixedRateBond(1, 0, s, [0.05], bondBasis)).toThrow(/faceAmount = 0/);
    expect(() => new FixedRateBond(1, 100, s, [], bondBasis)).toThrow(/coupons.length = 0/);
    const conventions = { dayCounter: bondBasis, compounding: Compounding.Compounded, frequency: Frequency.Semiannual };
    expect(() => fixedBond().yield(conventions, { settlementDate: Date.fromISO('2025-02-03') })).toThrow(/options.cleanPrice = undefined/);
    expect(() => fixedBond().yield(conventions, { cleanPrice: -1 })).toThrow(/options.cleanPrice = -1/);
  });
});

describe('ZeroCouponBond', () => {
  it('is worth redemption · P(T)/P(s) at settlement (closed form) and matches QuantLib 1.29', () => {
    const r = ql.zeroCouponBond;
    const curve = flat(0.03);
    const bond = new ZeroCouponBond(1, usgov, 100, Date.fromISO('2030-01-15'), BusinessDayConvention.Following, 100, today);
    bond.setPricingEngine(new DiscountingBondEngine(curve));
    const s = bond.settlementDate();
    expect(s.toISOString()).toBe(r.settlementDate);
    const c = curve.currentLink();
    expect(bond.cleanPrice()).toBeCloseTo((100 * c.discount(Date.fromISO('2030-01-15'))) / c.discount(s), 12);
    check([['NPV', bond.NPV(), r.NPV], ['cleanPrice', bond.cleanPrice(), r.cleanPrice]], 1e-12);
    check([['yield', bond.yield({ dayCounter: new Actual365Fixed(), compounding: Compounding.Compounded, frequency: Frequency.Annual }), r.yieldAnnualAct365]], 1e-10);
    expect(bond.accruedAmount()).toBe(0);
  });
});

describe('FloatingRateBond', () => {
  it('matches QuantLib 1.29 (6M Euribor + 10 bp forecast at 3.2 %, discounted at 3 %)', () => {
    const r = ql.floatingRateBond;
    const bond = new FloatingRateBond(2, 100, schedule('2025-01-06', '2028-01-06', '6M'), euribor6m(flat(0.032)), new Actual360(), { fixingDays: 2, spreads: [0.001] });
    bond.setPricingEngine(new DiscountingBondEngine(flat(0.03)));
    expect(bond.settlementDate().toISOString()).toBe(r.settlementDate);
    check([['NPV', bond.NPV(), r.NPV], ['cleanPrice', bond.cleanPrice(), r.cleanPrice], ['dirtyPrice', bond.dirtyPrice(), r.dirtyPrice]], 1e-12);
  });

  it('is at par at its start on its own forecasting curve with no spread (telescoping)', () => {
    const curve = flat(0.03);
    const bond = new FloatingRateBond(2, 100, schedule('2025-01-06', '2028-01-06', '6M'), euribor6m(curve), new Actual360());
    bond.setPricingEngine(new DiscountingBondEngine(curve));
    expect(bond.dirtyPrice()).toBeCloseTo(100, 12);
  });
});
