// The desk's rough Heston what-if: calibrated to the desk's own 42 quotes, swapped into the book and
// back exactly.
import { describe, expect, it } from 'vitest';
import { buildDesk } from '../../examples/desk/buildDesk.js';
import { roughHestonOnDesk } from '../../examples/desk/roughHestonOnDesk.js';

describe('live desk: rough Heston engine', () => {
  it('calibrates to the desk smiles, prices the book near Black–Scholes and swaps back bit for bit', () => {
    const desk = buildDesk({ bookSize: 200 });
    const { engine, fit } = roughHestonOnDesk(desk);
    expect(fit.volResiduals.length).toBe(42);
    expect(fit.volRmse).toBeLessThan(0.03); // 2.17 vol points measured (25 iterations)
    expect(fit.parameters.hurst).toBeGreaterThan(0.01);
    const before = desk.book.map((o) => o.NPV());
    for (const o of desk.book) o.setPricingEngine(engine);
    const rough = desk.book.map((o) => o.NPV());
    for (const o of desk.book) o.setPricingEngine(desk.engine);
    desk.book.forEach((o, i) => expect(o.NPV()).toBe(before[i]));
    const bs = before.reduce((a, v) => a + v, 0);
    const rh = rough.reduce((a, v) => a + v, 0);
    expect(Math.abs(rh / bs - 1)).toBeLessThan(0.03);
    expect(rough.every((v) => Number.isFinite(v) && v >= -1e-6)).toBe(true);
  });
});
