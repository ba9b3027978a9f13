import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { Compounding } from '../../src/rates/Compounding.js';
import { InterestRate } from '../../src/rates/InterestRate.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import { Date } from '../../src/time/Date.js';
import { Frequency } from '../../src/time/Frequency.js';
import { Thirty360, Thirty360Convention } from '../../src/time/Thirty360.js';

const act365 = new Actual365Fixed();
const { Simple, Compounded, Continuous, SimpleThenCompounded, CompoundedThenSimple } = Compounding;
const allCompoundings = [Simple, Compounded, Continuous, SimpleThenCompounded, CompoundedThenSimple];
const regularFrequencies = [Frequency.Annual, Frequency.Semiannual, Frequency.EveryFourthMonth, Frequency.Quarterly, Frequency.Bimonthly, Frequency.Monthly, Frequency.Weekly, Frequency.Daily];

describe('InterestRate', () => {
  it('compound factors are the closed forms of each rule (1 + rt, (1 + r/f)^{ft}, e^{rt}, and the two piecewise rules)', () => {
    const r = 0.05;
    for (const t of [0, 0.1, 0.25, 0.5, 1, 3.7]) {
      const f = 4;
      // The closed forms evaluated directly (pow) against the library's exp/log1p forms: a few
      // ulps, 2e-15 relative.
      const cases: [Compounding, number][] = [
        [Simple, 1 + r * t],
        [Compounded, (1 + r / f) ** (f * t)],
        [Continuous, Math.exp(r * t)],
        [SimpleThenCompounded, t <= 0.25 ? 1 + r * t : (1 + r / f) ** (f * t)],
        [CompoundedThenSimple, t <= 0.25 ? (1 + r / f) ** (f * t) : 1 + r * t],
      ];
      for (const [compounding, expected] of cases) {
        const rate = new InterestRate(r, act365, compounding, Frequency.Quarterly);
        expect(Math.abs(rate.compoundFactor(t) / expected - 1), `${Compounding[compounding]} t=${t}`).toBeLessThan(2e-15);
        expect(Math.abs(rate.discountFactor(t) * expected - 1), `${Compounding[compounding]} t=${t}`).toBeLessThan(2e-15);
      }
    }
  });

  it("matches Haug's equivalent-rate examples (Option Pricing Formulas, pp. 181–182, as listed in QuantLib's test-suite/interestrates.cpp) to 4 decimals", () => {
    const cases: [number, Compounding, Frequency, Compounding, Frequency, number][] = [
      [0.08, Compounded, Frequency.Quarterly, Continuous, Frequency.Annual, 0.0792],
      [0.12, Continuous, Frequency.Annual, Compounded, Frequency.Annual, 0.1275],
      [0.08, Compounded, Frequency.Quarterly, Compounded, Frequency.Annual, 0.0824],
      [0.07, Compounded, Frequency.Quarterly, Compounded, Frequency.Semiannual, 0.0706],
    ];
    for (const [r, c1, f1, c2, f2, expected] of cases) {
      const got = new InterestRate(r, act365, c1, f1).equivalentRate(c2, f2, 1).rate;
      expect(Math.abs(got - expected), `${r} ${Compounding[c1]} → ${Compounding[c2]}: ${got}`).toBeLessThan(0.5e-4);
    }
    // Hull, Options, Futures and Other Derivatives, §4.2: 10 % semiannual = 10.25 % annual; its
    // continuous equivalent is 2 ln 1.05.
    const semi = new InterestRate(0.1, act365, Compounded, Frequency.Semiannual);
    expect(semi.equivalentRate(Compounded, Frequency.Annual, 1).rate).toBeCloseTo(0.1025, 14);
    expect(semi.equivalentRate(Continuous, Frequency.NoFrequency, 2.5).rate).toBeCloseTo(2 * Math.log(1.05), 14);
  });

  it('the docstring example', () => {
    const r = new InterestRate(0.1, new Actual365Fixed(), Compounding.Compounded, Frequency.Semiannual);
    expect(r.equivalentRate(Compounding.Compounded, Frequency.Annual, 1).rate).toBe(0.10250000000000004);
  });

  it('simple and compounded agree over one period of the frequency (limit case), and the piecewise rules switch at t = 1/f', () => {
    for (const f of regularFrequencies) {
      const t = 1 / f;
      const simple = new InterestRate(0.04, act365, Simple, f);
      for (const c of [Compounded, SimpleThenCompounded, CompoundedThenSimple]) {
        expect(simple.equivalentRate(c, f, t).rate, `${Compounding[c]} f=${f}`).toBeCloseTo(0.04, 13);
      }
    }
    const stc = new InterestRate(0.04, act365, SimpleThenCompounded, Frequency.Semiannual);
    expect(stc.compoundFactor(0.4)).toBeCloseTo(1 + 0.04 * 0.4, 15);
    expect(stc.compoundFactor(2)).toBeCloseTo(1.02 ** 4, 15);
    const cts = new InterestRate(0.04, act365, CompoundedThenSimple, Frequency.Semiannual);
    expect(cts.compoundFactor(0.4)).toBeCloseTo(1.02 ** 0.8, 15);
    expect(cts.compoundFactor(2)).toBeCloseTo(1.08, 15);
  });

  it('round trips: r → equivalent rate under any conventions → back gives r, and the compound factor is kept (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.05, max: 0.3, noNaN: true }),
        fc.constantFrom(...allCompoundings), fc.constantFrom(...regularFrequencies),
        fc.constantFrom(...allCompoundings), fc.constantFrom(...regularFrequencies),
        fc.double({ min: 0.01, max: 30, noNaN: true }),
        (r, c1, f1, c2, f2, t) => {
          fc.pre(1 + r * t > 0.05); // simple negative rates need 1 + rt > 0
          const rate = new InterestRate(r, act365, c1, f1);
          const other = rate.equivalentRate(c2, f2, t);
          expect(other.compoundFactor(t) / rate.compoundFactor(t) - 1).toBeCloseTo(0, 12);
          expect(other.equivalentRate(c1, f1, t).rate - r).toBeCloseTo(0, 11);
        },
      ),
      // Tiny rates over long times once exposed pow(C, 1/(ft)) − 1 cancelling (5e-13 off); the
      // expm1/log1p forms keep the round trip at rounding level.
      { numRuns: 3000, examples: [[1.666444759962361e-14, Simple, Frequency.Annual, SimpleThenCompounded, Frequency.Daily, 29.999999999999982]] },
    );
  });

  it('between dates: each side accrues with its own day counter, and impliedRate inverts compoundFactor (property)', () => {
    const d1 = Date.fromISO('2025-01-02');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.2, noNaN: true }), fc.integer({ min: 1, max: 10000 }), fc.constantFrom(...allCompoundings), (r, days, c) => {
        const d2 = d1.addDays(days);
        const rate = new InterestRate(r, new Actual360(), Continuous);
        const eq = rate.equivalentRate(new Thirty360(Thirty360Convention.BondBasis), c, Frequency.Quarterly, d1, d2);
        expect(eq.compoundFactor(d1, d2) / Math.exp((r * days) / 360) - 1).toBeCloseTo(0, 12);
        const implied = InterestRate.impliedRate(rate.compoundFactor(d1, d2), act365, c, Frequency.Monthly, d1, d2);
        expect(implied.compoundFactor(days / 365) / rate.compoundFactor(days / 360) - 1).toBeCloseTo(0, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('a compound factor of 1 implies a zero rate even at t = 0', () => {
    expect(InterestRate.impliedRate(1, act365, Compounded, Frequency.Annual, 0).rate).toBe(0);
    expect(new InterestRate(0.03, act365, Continuous).equivalentRate(Simple, Frequency.Annual, 0).rate).toBe(0);
  });

  it('prints as QuantLib does', () => {
    expect(new InterestRate(0.05, act365, Continuous).toString()).toBe('5.000000 % Actual/365 (Fixed) continuous compounding');
    expect(new InterestRate(0.05, act365, Compounded, Frequency.Semiannual).toString()).toBe('5.000000 % Actual/365 (Fixed) Semiannual compounding');
  });

  it('refuses bad input, naming the argument, its value and the allowed range', () => {
    expect(() => new InterestRate(Number.NaN, act365, Simple)).toThrow(/rate = NaN is outside the allowed range/);
    expect(() => new InterestRate(0.05, act365, 7 as Compounding)).toThrow(/compounding = 7/);
    expect(() => new InterestRate(0.05, act365, Compounded, Frequency.NoFrequency)).toThrow(/frequency = -1 is outside the allowed range \{1, 2/);
    expect(() => new InterestRate(0.05, act365, SimpleThenCompounded, Frequency.Once)).toThrow(/frequency = 0/);
    expect(() => new InterestRate(-2.5, act365, Compounded, Frequency.Semiannual)).toThrow(/rate = -2.5 is outside the allowed range \(-2, ∞\)/);
    expect(() => new InterestRate(0.05, {} as Actual365Fixed, Simple)).toThrow(/dayCounter/);
    const rate = new InterestRate(0.05, act365, Simple);
    expect(() => rate.compoundFactor(-1)).toThrow(InvalidInputError);
    expect(() => rate.compoundFactor(Number.POSITIVE_INFINITY)).toThrow(/t = Infinity/);
    expect(() => new InterestRate(-0.5, act365, Simple).discountFactor(3)).toThrow(/t = 3 is outside the allowed range \[0, 2\)/);
    expect(() => rate.compoundFactor(Date.fromISO('2025-02-01'), Date.fromISO('2025-01-01'))).toThrow(/d2 = "2025-01-01"/);
    expect(() => InterestRate.impliedRate(0, act365, Simple, Frequency.Annual, 1)).toThrow(/compound = 0 is outside the allowed range \(0, ∞\)/);
    expect(() => InterestRate.impliedRate(1.1, act365, Simple, Frequency.Annual, 0)).toThrow(/t = 0 is outside the allowed range \(0, ∞\)/);
    expect(() => rate.equivalentRate(Compounded, Frequency.NoFrequency, 1)).toThrow(/frequency = -1/);
  });
});
