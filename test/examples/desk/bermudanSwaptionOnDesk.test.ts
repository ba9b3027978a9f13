// The desk's Bermudan swaption on the SOFR OIS curve of 2025-01-31: a SOFR quote tick reprices it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bermudanSwaptionOnDesk } from '../../../examples/desk/bermudanSwaptionOnDesk.js';
import { readSofrSwapQuotes } from '../../../examples/desk/data/readSofrSwapQuotes.js';
import { sofrOisCurve } from '../../../examples/desk/sofrOisCurve.js';
import { JamshidianSwaptionEngine } from '../../../engines/hullwhite/JamshidianSwaptionEngine.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { Swaption } from '../../../instruments/Swaption.js';
import { transaction } from '../../../src/patterns/transaction.js';
import { Settings } from '../../../src/settings.js';
import { Date } from '../../../src/time/Date.js';

const dir = new URL('../../../data/usd-sofr-caps-swaptions/', import.meta.url);

beforeAll(() => Settings.instance.evaluationDate.set(Date.fromISO('2025-01-31')));
afterAll(() => Settings.instance.evaluationDate.reset());

function build() {
  const sofr = sofrOisCurve(readSofrSwapQuotes(new URL('cap_quotes_2025-01-31.sofr.csv', dir), '2025-01-31'));
  return { sofr, desk: bermudanSwaptionOnDesk(sofr, { timeSteps: 300 }) };
}

describe('bermudanSwaptionOnDesk (Hull–White on the SOFR curve of 2025-01-31)', () => {
  it('is worth more than its most valuable European exercise (Jamshidian) and less than their sum; tree ≈ FD', () => {
    const { desk } = build();
    const berm = desk.swaption.NPV();
    const europeans = desk.swaption.arguments().exerciseDates.map((d) => {
      const e = new Swaption(desk.swaption.terms.swap, new EuropeanExercise(d));
      e.setPricingEngine(new JamshidianSwaptionEngine(desk.model));
      return e.NPV();
    });
    expect(berm).toBeGreaterThan(Math.max(...europeans));
    expect(berm).toBeLessThan(europeans.reduce((a, b) => a + b, 0));
    desk.swaption.setPricingEngine(desk.fd);
    // tree (300 steps) vs FD (200 × 200) on 10 million nominal: both within ~1e-5 of the price
    expect(Math.abs(desk.swaption.NPV() - berm) / berm).toBeLessThan(2e-3);
  });

  it('a SOFR quote tick reprices it exactly once; a parallel +1 bp shift in one transaction reprices once and a payer gains', () => {
    const { sofr, desk } = build();
    const seen: number[] = [];
    const sub = desk.swaption.results$.subscribe((r) => {
      if (r.ok) seen.push(r.npv);
      else throw r.error;
    });
    expect(seen.length).toBe(1);
    const q = sofr.quotes[15]; // the 60-month quote
    if (q === undefined) throw new Error('missing 5Y quote');
    q.setValue(q.value() + 0.0001);
    expect(seen.length).toBe(2);
    expect(seen[1]).not.toBe(seen[0]);
    q.setValue(q.value() - 0.0001);
    expect(seen.length).toBe(3);
    expect(Math.abs((seen[2] as number) - (seen[0] as number))).toBeLessThan(1e-9 * (seen[0] as number));
    transaction(() => {
      for (const x of sofr.quotes) x.setValue(x.value() + 0.0001);
    });
    expect(seen.length).toBe(4);
    expect(seen[3]).toBeGreaterThan(seen[0] as number);
    sub.unsubscribe();
  });
});
