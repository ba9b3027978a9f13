// @test treasuryZeroRates
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArbitrageError, InvalidInputError } from '../../src/errors.js';
import { readTreasuryParYields } from '../../examples/desk/data/readTreasuryParYields.js';
import type { ParCurveInput, TreasuryZeroCurve } from '../../termstructures/yield/treasuryZeroRates.js';
import { treasuryZeroRates } from '../../termstructures/yield/treasuryZeroRates.js';

const root = new URL('../..', import.meta.url);
const FILE = fileURLToPath(new URL('data/us-treasury-par-yields/yield-curve-rates-1990-2024.csv', root));

const STANDARD: ReadonlyArray<readonly [string, number]> = [
  ['1 Mo', 1 / 12], ['2 Mo', 2 / 12], ['3 Mo', 3 / 12], ['4 Mo', 4 / 12], ['6 Mo', 0.5], ['1 Yr', 1],
  ['2 Yr', 2], ['3 Yr', 3], ['5 Yr', 5], ['7 Yr', 7], ['10 Yr', 10], ['20 Yr', 20], ['30 Yr', 30],
];

/**
 * The test's own reading of a zero curve: linear in zero rate between the pillars, flat outside.
 * Written independently of the bootstrap's internals.
 */
function discount(curve: TreasuryZeroCurve, s: number): number {
  const t = curve.years;
  const z = curve.zeroRates;
  let rate: number;
  if (s <= t[0]!) rate = z[0]!;
  else if (s >= t.at(-1)!) rate = z.at(-1)!;
  else {
    const j = t.findIndex((x) => x >= s);
    rate = z[j - 1]! + ((z[j]! - z[j - 1]!) * (s - t[j - 1]!)) / (t[j]! - t[j - 1]!);
  }
  return Math.exp(-rate * s);
}

/** Price per 1 of face of a semiannual par bond with coupon rate y maturing at T (T a multiple of 0.5). */
function parBondPrice(curve: TreasuryZeroCurve, y: number, T: number): number {
  let price = 0;
  for (let k = 1; k <= Math.round(2 * T); k++) price += (y / 2) * discount(curve, k / 2);
  return price + discount(curve, T);
}

/**
 * The bill's investment rate recovered from its discount factor P by the formulas of
 * 31 CFR 356 App. B §V: simple interest up to a half-year, else the positive root of
 * (τ/2 − 1/4)·i² + τ·i + (P − 1)/P = 0.
 */
function billInvestmentRate(P: number, tau: number): number {
  if (tau <= 0.5) return (1 / P - 1) / tau;
  const a = tau / 2 - 0.25;
  const b = tau;
  const c = (P - 1) / P;
  return (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
}

/** Checks every pillar of `curve` against its par input; returns the worst errors. */
function repriceAll(par: ParCurveInput, curve: TreasuryZeroCurve): { bond: number; bill: number } {
  let bond = 0;
  let bill = 0;
  par.years.forEach((T, i) => {
    const y = par.parYields[i]!;
    if (T > 1) bond = Math.max(bond, Math.abs(parBondPrice(curve, y, T) - 1));
    else bill = Math.max(bill, Math.abs(billInvestmentRate(discount(curve, T), T) - y));
    expect(curve.discountFactors[i]).toBeCloseTo(Math.exp(-curve.zeroRates[i]! * T), 15);
  });
  return { bond, bill };
}

describe('treasuryZeroRates', () => {
  it('reprices every coupon tenor to par within 1e-10 and recovers every bill rate, on real curves', () => {
    // 1e-10 per 1 of face: the brief's tolerance (the solver stops at 1e-14). Bills: 1e-12 in rate,
    // a round trip through exp/log and the quadratic root.
    for (const date of ['2023-02-15', '2023-09-14', '1990-01-02', '2008-12-24', '2004-06-01']) {
      const par = readTreasuryParYields(FILE, date);
      const curve = treasuryZeroRates(par);
      expect(curve.tenors).toEqual(par.tenors);
      const worst = repriceAll(par, curve);
      expect(worst.bond, date).toBeLessThan(1e-10);
      expect(worst.bill, date).toBeLessThan(1e-12);
    }
  });

  it('2023-02-15: zero rates below the par yields from 2 Yr on (inverted curve, continuous compounding)', () => {
    // For a downward-sloping par curve the zero curve lies below it, and continuous < semiannual
    // compounding adds to that; the 20 Yr hump is the exception the data show.
    const par = readTreasuryParYields(FILE, '2023-02-15');
    const curve = treasuryZeroRates(par);
    for (const tenor of ['2 Yr', '3 Yr', '5 Yr', '7 Yr', '10 Yr', '30 Yr']) {
      const i = par.tenors.indexOf(tenor);
      expect(curve.zeroRates[i]!).toBeLessThan(par.parYields[i]!);
      // Within 25 bp of the par yield: a sanity bound for a curve this flat.
      expect(par.parYields[i]! - curve.zeroRates[i]!).toBeLessThan(0.0025);
    }
  });

  it('gives the closed form on a flat par curve: ln(1 + y·t)/t for bills up to ½ y, 2·ln(1 + y/2) from ½ y on', () => {
    // Tolerance 1e-13 in rate: the bootstrap solves the price to 1e-14, duration ≥ 1.
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.2, noNaN: true }), (y) => {
        const curve = treasuryZeroRates({
          tenors: STANDARD.map(([l]) => l),
          years: STANDARD.map(([, t]) => t),
          parYields: STANDARD.map(() => y),
        });
        STANDARD.forEach(([, t], i) => {
          const expected = t < 0.5 ? Math.log1p(y * t) / t : 2 * Math.log1p(y / 2);
          expect(Math.abs(curve.zeroRates[i]! - expected)).toBeLessThan(1e-13);
          // Zero ≈ par: continuous compounding takes off about y²/4 (|diff| ≤ y²/2 + 1e-13).
          expect(Math.abs(curve.zeroRates[i]! - y)).toBeLessThanOrEqual((y * y) / 2 + 1e-13);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('reprices random par curves on random subsets of tenors (property)', () => {
    // Curves: a level in [0, 12 %] plus a bump in [−0.5 %, +0.5 %] per tenor (floored at −0.5 %), on
    // a random non-empty subset of the standard tenors. Wider bumps can be arbitrageable: 20 Yr at
    // 3.6 % then 30 Yr at 7.6 % needs a negative discount factor (seen with ±2 %; that case is the
    // ArbitrageError test below).
    const curveArb = fc
      .tuple(
        fc.double({ min: 0, max: 0.12, noNaN: true }),
        fc.array(fc.tuple(fc.boolean(), fc.double({ min: -0.005, max: 0.005, noNaN: true })), {
          minLength: STANDARD.length,
          maxLength: STANDARD.length,
        }),
      )
      .filter(([, cells]) => cells.some(([keep]) => keep));
    fc.assert(
      fc.property(curveArb, ([level, cells]) => {
        const kept = STANDARD.map((s, i) => [s, cells[i]!] as const).filter(([, [keep]]) => keep);
        const par: ParCurveInput = {
          tenors: kept.map(([[l]]) => l),
          years: kept.map(([[, t]]) => t),
          parYields: kept.map(([, [, bump]]) => Math.max(level + bump, -0.005)),
        };
        const worst = repriceAll(par, treasuryZeroRates(par));
        // Same tolerances as on the real curves.
        expect(worst.bond).toBeLessThan(1e-10);
        expect(worst.bill).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses malformed par curves with an InvalidInputError naming the argument', () => {
    const ok = { tenors: ['1 Yr', '2 Yr'], years: [1, 2], parYields: [0.04, 0.04] };
    expect(() => treasuryZeroRates({ ...ok, parYields: [0.04] })).toThrow(/par\.parYields\.length = 1/);
    expect(() => treasuryZeroRates({ ...ok, years: [2, 1] })).toThrow(/par\.years\[1\] = 1/);
    expect(() => treasuryZeroRates({ ...ok, years: [1, 2.3] })).toThrow(/multiples of 0.5/);
    expect(() => treasuryZeroRates({ ...ok, parYields: [0.04, Number.NaN] })).toThrow(/par\.parYields\[1\] = NaN/);
    expect(() => treasuryZeroRates({ tenors: [], years: [], parYields: [] })).toThrow(InvalidInputError);
    expect(() => treasuryZeroRates({ tenors: ['1 Mo'], years: [1 / 12], parYields: [-13] })).toThrow(/bill price/);
  });

  it('refuses a par curve that needs a negative discount factor (ArbitrageError)', () => {
    // 7 Yr at 0 %: D = 1 up to 7 y. A 10 Yr par bond at 15 % pays 14 coupons of 7.5 % by then,
    // worth 1.05 > 1 before the last six coupons and the principal: no positive D(10) fits.
    expect(() =>
      treasuryZeroRates({ tenors: ['7 Yr', '10 Yr'], years: [7, 10], parYields: [0, 0.15] }),
    ).toThrow(ArbitrageError);
  });

  it('matches the docstring example', () => {
    const zero = treasuryZeroRates({ tenors: ['1 Yr', '2 Yr'], years: [1, 2], parYields: [0.04, 0.04] });
    // Closed form 2·ln(1.02); tolerance 1e-14 (bootstrap precision).
    expect(Math.abs(zero.zeroRates[1]! - 2 * Math.log(1.02))).toBeLessThan(1e-14);
  });
});
