// The SOFR OIS curve of 2025-01-31 bootstrapped from the data set's swap quotes, compared with the
// data set's own zero rates and discount factors.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSofrReferenceCurve } from '../../../examples/desk/data/readSofrReferenceCurve.js';
import { readSofrSwapQuotes } from '../../../examples/desk/data/readSofrSwapQuotes.js';
import { sofrOisCurve, type SofrOisCurve } from '../../../examples/desk/sofrOisCurve.js';
import { Settings } from '../../../src/settings.js';
import { Actual365Fixed } from '../../../src/time/Actual365Fixed.js';
import { Date } from '../../../src/time/Date.js';

const dir = new URL('../../../data/usd-sofr-caps-swaptions/', import.meta.url);
const quotes = readSofrSwapQuotes(new URL('cap_quotes_2025-01-31.sofr.csv', dir), '2025-01-31');
const reference = readSofrReferenceCurve(new URL('cap_curves_2025-01-31.csv', dir));

beforeAll(() => Settings.instance.evaluationDate.set(Date.fromISO('2025-01-31')));
afterAll(() => Settings.instance.evaluationDate.reset());

/**
 * Our quarterly-compounded zero rate at the data set's tenor t (years, read as Act/365F from the
 * quote date): z_q = 4 (P(t)^(−1/(4t)) − 1), the data set's `spot rates` convention.
 */
function differences(c: SofrOisCurve): { years: number; dz: number; dDf: number }[] {
  return reference.years.map((t, i) => {
    const P = c.curve.discount(t, true);
    return { years: t, dz: 4 * (P ** (-1 / (4 * t)) - 1) - (reference.spotRates[i] as number), dDf: P - (reference.discounts[i] as number) };
  });
}
const maxAbs = (xs: number[]): number => Math.max(...xs.map(Math.abs));

/** QuantLib 1.29's bootstrap of the same quotes (scripts/reference/gen_sofr_curve.py). */
const ql = JSON.parse(readFileSync(new URL('../../reference/quantlib-1.29-sofr-curve.json', import.meta.url), 'utf8')) as {
  quotes: { months: number; rate: number }[]; pillars: { date: string; discount: number }[]; grid: { years: number; discount: number }[];
};

describe('SOFR OIS curve of 2025-01-31 (data/usd-sofr-caps-swaptions)', () => {
  it('reads 21 tenors 3M … 10Y and drops the repeated 10-year columns', () => {
    expect(quotes.months).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 42, 48, 54, 60, 72, 84, 96, 108, 120]);
    expect(quotes.dropped).toEqual(['USOSFR10F Curncy', 'USOSFR10C Curncy', 'USOSFR10I Curncy']);
    expect(quotes.rates[0]).toBeCloseTo(0.043028, 15);
    expect(reference.years).toHaveLength(40);
    expect(reference.discounts[39]).toBeCloseTo(0.6696, 4); // the README's 10Y DF
  });

  it('reprices every swap quote to 1e-12 and has positive, decreasing discount factors', () => {
    const c = sofrOisCurve(quotes);
    for (const h of c.helpers) expect(Math.abs(h.quoteError(c.curve)), h.tenor.toString()).toBeLessThan(1e-12);
    const dfs = c.curve.data();
    for (let i = 1; i < dfs.length; i++) expect(dfs[i]).toBeLessThan(dfs[i - 1] as number);
    expect(dfs[dfs.length - 1]).toBeGreaterThan(0);
  });

  it('agrees with QuantLib 1.29 (OISRateHelper on Sofr, PiecewiseLogLinearDiscount): same quotes and pillars, discount factors within 2e-14', () => {
    expect(quotes.months).toEqual(ql.quotes.map((q) => q.months));
    expect(quotes.rates).toEqual(ql.quotes.map((q) => q.rate));
    const c = sofrOisCurve(quotes);
    expect(c.curve.dates().slice(1).map((d) => d.toISOString())).toEqual(ql.pillars.map((p) => p.date));
    // Measured 1.1e-14: both solve each node to ~1e-15 in the quote; the rest is rounding.
    for (const p of ql.pillars) expect(Math.abs(c.curve.discount(Date.fromISO(p.date)) - p.discount), p.date).toBeLessThan(2e-14);
    for (const p of ql.grid) expect(Math.abs(c.curve.discount(p.years, true) - p.discount), `${p.years}y`).toBeLessThan(2e-14);
  });

  it('market conventions (Act/360 fixed leg, T+2, 2-day payment lag): zero rates within 12.9 bp and DFs within 3.7e-3 of the data set', () => {
    const d = differences(sofrOisCurve(quotes));
    // Measured: max |Δz| = 12.89 bp at 3M; from 1Y on 5.3–7.4 bp, ≈ 5.5 bp beyond 5Y; max |ΔDF| = 3.64e-3 at 10Y.
    // The steady ~5.5 bp is the day count: the quotes accrue Act/360, the data set bootstrapped
    // them on year fractions, and z · (365/360 − 1) = 4.03 % · 0.0139 = 5.6 bp at 10Y.
    expect(maxAbs(d.map((x) => x.dz))).toBeLessThan(12.9e-4);
    expect(maxAbs(d.map((x) => x.dDf))).toBeLessThan(3.7e-3);
    const at10 = d[d.length - 1] as { dz: number };
    expect(Math.abs(at10.dz - 0.0403 * (365 / 360 - 1))).toBeLessThan(0.2e-4);
    for (const x of d) expect(x.dz, `${x.years}y`).toBeGreaterThan(0);
  });

  it("read on the data set's own basis (fixed leg Act/365F): within 0.53 bp at the annual pillars 1Y … 10Y, 6.9 bp at 3M", () => {
    const d = differences(sofrOisCurve(quotes, new Actual365Fixed()));
    // Measured: 0.53 bp at 1Y falling to 0.01 bp at 10Y; between pillars ≤ 1.9 bp (the data set
    // interpolates par rates linearly); below 1Y up to 6.9 bp (it compounds the sub-year quotes
    // annually, (1 + r)^(1/4), where an OIS of a year or less pays simple interest once).
    const annual = d.filter((x) => Number.isInteger(x.years));
    expect(maxAbs(annual.map((x) => x.dz))).toBeLessThan(0.54e-4);
    expect(maxAbs(d.filter((x) => x.years >= 1).map((x) => x.dz))).toBeLessThan(1.9e-4);
    expect(maxAbs(d.map((x) => x.dz))).toBeLessThan(6.93e-4);
    expect(maxAbs(annual.map((x) => x.dDf))).toBeLessThan(5.1e-5);
  });
});
