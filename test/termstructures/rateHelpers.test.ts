import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { Frequency } from '../../src/time/Frequency.js';
import { Period } from '../../src/time/Period.js';
import { WeekendsOnly } from '../../src/time/WeekendsOnly.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import { InterpolatedDiscountCurve } from '../../termstructures/yield/InterpolatedDiscountCurve.js';
import { DepositRateHelper } from '../../termstructures/yield/ratehelpers/DepositRateHelper.js';
import { FraRateHelper } from '../../termstructures/yield/ratehelpers/FraRateHelper.js';
import { OISRateHelper } from '../../termstructures/yield/ratehelpers/OISRateHelper.js';
import { SwapRateHelper } from '../../termstructures/yield/ratehelpers/SwapRateHelper.js';
import { setToday, today } from '../_lib/market.js';

beforeEach(setToday);

const unadjusted = { convention: BusinessDayConvention.Unadjusted };
const flat = (r: number) => new FlatForward(r, { referenceDate: today });

describe('rate helpers on flat curves (closed forms)', () => {
  it('deposit and FRA: (e^{rτ} − 1)/τ over their accrual periods, τ by the day counter', () => {
    const r = 0.035;
    const deposit = new DepositRateHelper(0.03, Period.parse('6M'), unadjusted);
    expect(deposit.maturityDate().toISOString()).toBe('2025-07-02');
    const tau = 181 / 365;
    expect(deposit.impliedQuote(flat(r))).toBeCloseTo((Math.exp(r * tau) - 1) / tau, 14);
    expect(deposit.quoteError(flat(r))).toBeCloseTo(0.03 - (Math.exp(r * tau) - 1) / tau, 14);
    const fra = new FraRateHelper(0.03, 3, 9, { ...unadjusted, dayCounter: new Actual360() });
    // 2025-04-02 → 2025-10-02: 183 days; continuous time by the curve's Act/365F.
    expect(fra.impliedQuote(flat(r))).toBeCloseTo((Math.exp((r * 183) / 365) - 1) / (183 / 360), 14);
  });

  it('swap: (1 − e^{−rT}) / Σ τ_i e^{−r t_i} on the annual schedule (leap years counted by hand)', () => {
    const r = 0.03;
    const swap = new SwapRateHelper(0.03, Period.parse('5Y'), unadjusted);
    const days = [365, 730, 1095, 1461, 1826]; // 2028 is a leap year
    let annuity = 0;
    days.forEach((d, i) => (annuity += ((d - (i === 0 ? 0 : days[i - 1]!)) / 365) * Math.exp((-r * d) / 365)));
    expect(swap.impliedQuote(flat(r))).toBeCloseTo((1 - Math.exp((-r * 1826) / 365)) / annuity, 14);
    expect(swap.pillarDate().toISOString()).toBe('2030-01-02');
    const semi = new SwapRateHelper(0.03, Period.parse('2Y'), { ...unadjusted, fixedFrequency: Frequency.Semiannual });
    expect(semi.fixedSchedule().dates().length).toBe(5);
  });

  it('OIS: with equal accruals the rate is (e^{rτ} − 1)/τ whatever the payment lag', () => {
    const r = 0.042;
    for (const paymentLag of [0, 2]) {
      const ois = new OISRateHelper(0.04, Period.parse('3Y'), { ...unadjusted, paymentLag }); // three 365-day years
      expect(ois.impliedQuote(flat(r)), `lag ${paymentLag}`).toBeCloseTo(Math.exp(r) - 1, 14);
    }
    const short = new OISRateHelper(0.04, Period.parse('3M'), { ...unadjusted, paymentLag: 2 });
    expect(short.schedule().dates().map(String)).toEqual(['2025-01-02', '2025-04-02']);
    expect(short.pillarDate().toISOString()).toBe('2025-04-04');
    expect(short.impliedQuote(flat(r))).toBeCloseTo((Math.exp((r * 90) / 365) - 1) / (90 / 365), 14);
  });

  it('settlement days on a calendar, and a start date that moves with the evaluation date', () => {
    Settings.instance.evaluationDate.set(Date.fromISO('2025-01-03')); // a Friday
    const deposit = new DepositRateHelper(0.03, Period.parse('1M'), { settlementDays: 2, calendar: new WeekendsOnly(), convention: BusinessDayConvention.ModifiedFollowing });
    expect(deposit.startDate().toISOString()).toBe('2025-01-07');
    expect(deposit.maturityDate().toISOString()).toBe('2025-02-07');
    Settings.instance.evaluationDate.set(Date.fromISO('2025-01-06'));
    expect(deposit.startDate().toISOString()).toBe('2025-01-08');
    const fixed = new DepositRateHelper(0.03, Period.parse('1M'), { startDate: today });
    expect(fixed.startDate().equals(today)).toBe(true);
  });

  it('refuses bad terms', () => {
    expect(() => new DepositRateHelper(Number.NaN, Period.parse('1M'))).toThrow(/quote = NaN/);
    expect(() => new DepositRateHelper(0.01, new Period(0, Period.parse('1M').units))).toThrow(/tenor = "0M"|tenor/);
    expect(() => new FraRateHelper(0.01, 6, 3)).toThrow(/monthsToEnd = 3/);
    expect(() => new SwapRateHelper(0.01, Period.parse('2Y'), { fixedFrequency: Frequency.Weekly })).toThrow(/options.fixedFrequency = 52/);
    expect(() => new OISRateHelper(0.01, Period.parse('2Y'), { paymentLag: -1 })).toThrow(/options.paymentLag = -1/);
    expect(() => new DepositRateHelper(0.01, Period.parse('1M'), { settlementDays: 1.5 })).toThrow(/options.settlementDays = 1.5/);
  });
});

describe('rate helpers on QuantLib 1.29 curves', () => {
  it("reprice QuantLib's quotes on its own PiecewiseLogLinearDiscount pillars (log-linear between them) to 1e-11", () => {
    const ref = JSON.parse(readFileSync(new URL('../reference/quantlib-1.29-yield-curve.json', import.meta.url), 'utf8')).yield_curve;
    const pillars = ref.curves.PiecewiseLogLinearDiscount.pillars as { date: string; discount: number }[];
    const curve = new InterpolatedDiscountCurve(pillars.map((p) => Date.fromISO(p.date)), pillars.map((p) => p.discount));
    for (const inst of ref.instruments as { type: string; tenor: string; rate: number }[]) {
      const helper = inst.type === 'deposit' ? new DepositRateHelper(inst.rate, Period.parse(inst.tenor), unadjusted) : new SwapRateHelper(inst.rate, Period.parse(inst.tenor), unadjusted);
      // QuantLib bootstrapped to 1e-12 in the node values; rates follow to ~1e-12.
      expect(Math.abs(helper.impliedQuote(curve) - inst.rate), inst.tenor).toBeLessThan(1e-11);
    }
  });
});

describe('memoised helper schedules', () => {
  it('follow a moving start date: after an evaluation-date move a used helper equals a fresh one', () => {
    const curve = new InterpolatedDiscountCurve([today, today.addDays(4000)], [1, 0.8], { referenceDate: today });
    const conventions = { settlementDays: 2, calendar: new WeekendsOnly(), dayCounter: new Actual360(), paymentLag: 2 };
    const ois = new OISRateHelper(0.04, Period.parse('5Y'), conventions);
    const swap = new SwapRateHelper(0.04, Period.parse('5Y'), { ...conventions, fixedFrequency: Frequency.Annual });
    const [oisBefore, swapBefore] = [ois.impliedQuote(curve), swap.impliedQuote(curve)];
    expect(ois.schedule()).toBe(ois.schedule()); // built once per start date
    Settings.instance.evaluationDate.set(today.addDays(3));
    expect(ois.pillarDate().toISOString()).toBe(new OISRateHelper(0.04, Period.parse('5Y'), conventions).pillarDate().toISOString());
    expect(ois.impliedQuote(curve)).toBe(new OISRateHelper(0.04, Period.parse('5Y'), conventions).impliedQuote(curve));
    expect(swap.impliedQuote(curve)).toBe(new SwapRateHelper(0.04, Period.parse('5Y'), { ...conventions, fixedFrequency: Frequency.Annual }).impliedQuote(curve));
    expect(ois.impliedQuote(curve)).not.toBe(oisBefore);
    expect(swap.impliedQuote(curve)).not.toBe(swapBefore);
  });
});

describe('helper schedules on a holiday maturity', () => {
  it('roll start + tenor instead of generating from the rolled date (no front stub), as QuantLib MakeOIS', () => {
    // 2025-02-04 + 4Y = 2029-02-04, a Sunday: QuantLib 1.29 gives 2025-02-04, 2026-02-04, 2027-02-04, 2028-02-04, 2029-02-05.
    const conventions = { startDate: Date.fromISO('2025-02-04'), calendar: new WeekendsOnly(), dayCounter: new Actual360() };
    const want = ['2025-02-04', '2026-02-04', '2027-02-04', '2028-02-04', '2029-02-05'];
    expect(new OISRateHelper(0.04, Period.parse('4Y'), conventions).schedule().dates().map((d) => d.toISOString())).toEqual(want);
    expect(new SwapRateHelper(0.04, Period.parse('4Y'), { ...conventions, fixedFrequency: Frequency.Annual }).fixedSchedule().dates().map((d) => d.toISOString())).toEqual(want);
  });
});
