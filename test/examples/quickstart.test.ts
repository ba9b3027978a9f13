import { describe, expect, it } from 'vitest';
import { quickstart } from '../../examples/quickstart.js';
import { BlackCalculator, OptionType } from '../../src/index.js';

describe('README quickstart', () => {
  it('emits the initial price, one reprice per spot tick and one per engine swap, with the expected values', () => {
    const lines: string[] = [];
    const seen = quickstart((l) => lines.push(l));
    expect(seen.map((r) => r.ok)).toEqual([true, true, true]);
    const npv = seen.map((r) => (r.ok ? r.npv : Number.NaN));
    // Black-76 on F = S e^{(r−q)T}: the (K = 100, 1Y) node of the surface is 20 %; the swapped engine uses 30 %.
    const black = (spot: number, vol: number) =>
      new BlackCalculator(OptionType.Call, 100, spot * Math.exp(0.03), vol, Math.exp(-0.05)).value();
    expect(npv[0]).toBeCloseTo(black(100, 0.2), 12);
    expect(npv[1]).toBeCloseTo(black(101, 0.2), 12); // the strike sits on the (100, 1Y) node
    expect(npv[2]).toBeCloseTo(black(101, 0.3), 12);
    // The README shows these lines; keep both in step.
    expect(lines).toEqual(['NPV 9.227006  delta 0.586851', 'NPV 9.823260  delta 0.605583', 'NPV 13.613410  delta 0.599368']);
  });
});
