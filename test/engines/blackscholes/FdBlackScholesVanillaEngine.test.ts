import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { BinomialVanillaEngine } from '../../../engines/blackscholes/BinomialVanillaEngine.js';
import { BlackCalculator } from '../../../engines/blackscholes/BlackCalculator.js';
import { FdBlackScholesVanillaEngine, type FdBlackScholesVanillaEngineOptions } from '../../../engines/blackscholes/FdBlackScholesVanillaEngine.js';
import { LeisenReimer } from '../../../engines/trees/LeisenReimer.js';
import { BermudanExercise } from '../../../instruments/exercises/BermudanExercise.js';
import { PlainVanillaPayoff } from '../../../instruments/payoffs/PlainVanillaPayoff.js';
import { VanillaOption } from '../../../instruments/VanillaOption.js';
import { InvalidInputError } from '../../../src/errors.js';
import { americanOption, europeanOption, flatMarket, OptionType, setToday, today } from '../../_lib/market.js';
import { americanCases } from '../../_lib/reference.js';


beforeEach(setToday);

const typeOf = (t: 'call' | 'put') => (t === 'call' ? OptionType.Call : OptionType.Put);
const american = americanOption;
function fdPrice(option: VanillaOption, m: ReturnType<typeof flatMarket>, options: FdBlackScholesVanillaEngineOptions): number {
  option.setPricingEngine(new FdBlackScholesVanillaEngine(m.process, options));
  return option.NPV();
}

describe('FdBlackScholesVanillaEngine', () => {
  describe('QuantLib 1.29 Americans (quantlib.american), 800×800 grid', () => {
    for (const c of americanCases) {
      it(c.id, () => {
        const i = c.inputs;
        const m = flatMarket(i.S, i.r, i.q, i.vol);
        const option = american(typeOf(i.type), i.K, i.N_days);
        const coarse = fdPrice(option, m, { tGrid: 200, xGrid: 200 });
        const fine = fdPrice(option, m, { tGrid: 800, xGrid: 800 });
        const truth = c.outputs['qdfp_high_precision']!;
        // Measured errors vs qdfp at 800×800: ≤ 5.3e-4 (2-year 80 % vol put), ≤ 1.5e-4 elsewhere;
        // 200×200 is ~10× worse. Tolerance 1e-3 (the suggested American tolerance).
        expect(Math.abs(fine - truth), `fd ${fine} vs qdfp ${truth}`).toBeLessThan(1e-3);
        // QuantLib's own fd_fine (2000×4000, explicit exercise) is within 2e-4 of qdfp: both within 1.2e-3.
        expect(Math.abs(fine - c.outputs['fd_fine']!)).toBeLessThan(1.2e-3);
        // Refining the grid does not move away from the true value (beyond qdfp's own 1e-7).
        expect(Math.abs(fine - truth)).toBeLessThanOrEqual(Math.abs(coarse - truth) + 1e-7);
        // Grid delta/gamma vs QuantLib fd_fine: measured ≤ 7.5e-6 and ≤ 4e-7.
        expect(Math.abs(option.result('delta') - c.outputs['fd_fine_delta']!)).toBeLessThan(5e-5);
        expect(Math.abs(option.result('gamma') - c.outputs['fd_fine_gamma']!)).toBeLessThan(5e-6);
      });
    }
  });

  it('FD American matches a 20,000-step Leisen–Reimer tree', () => {
    for (const c of americanCases.filter((x) => x.id === 'put_atm_1y' || x.id === 'call_div_atm_1y')) {
      const i = c.inputs;
      const m = flatMarket(i.S, i.r, i.q, i.vol);
      const option = american(typeOf(i.type), i.K, i.N_days);
      option.setPricingEngine(new BinomialVanillaEngine(m.process, LeisenReimer, 20001));
      const tree = option.NPV();
      const fd = fdPrice(option, m, { tGrid: 800, xGrid: 800 });
      // Measured vs qdfp: LR(20001) ≤ 1.3e-5, FD 800×800 ≤ 1.5e-4 on these two; tolerance 3e-4.
      expect(Math.abs(fd - tree), `fd ${fd} tree ${tree}`).toBeLessThan(3e-4);
    }
  });

  it('Europeans converge to the analytic price at second order in (Δt, Δx)', () => {
    for (const [type, S] of [[OptionType.Put, 100], [OptionType.Call, 90]] as const) {
      const m = flatMarket(S, 0.05, 0.02, 0.25);
      const option = europeanOption(type, 100, 365);
      option.setPricingEngine(m.engine);
      const exact = option.NPV();
      const grids = [50, 100, 200, 400];
      const errors = grids.map((g) => fdPrice(option, m, { tGrid: g, xGrid: g }) - exact);
      const orders = errors.slice(1).map((e, k) => Math.log2(Math.abs(errors[k]! / e)));
      // Observed 1.9–2.1 per halving (strike on a node, cell-averaged, Rannacher start-up).
      for (const p of orders) expect(p, `errors ${errors.map((e) => e.toExponential(2))}`).toBeGreaterThan(1.7);
      for (const p of orders) expect(p).toBeLessThan(2.5);
    }
  });

  it('European Greeks agree with AnalyticEuropeanEngine (400×400)', () => {
    for (const [S, type] of [[90, OptionType.Call], [110, OptionType.Put], [100, OptionType.Put]] as const) {
      const m = flatMarket(S, 0.04, 0.01, 0.3);
      const option = europeanOption(type, 100, 270);
      option.setPricingEngine(m.engine);
      const ref = { v: option.NPV(), d: option.result('delta'), g: option.result('gamma'), t: option.result('theta') };
      fdPrice(option, m, { tGrid: 400, xGrid: 400 });
      // O(h²) ≈ 1e-4 on the price; delta/gamma from the cubic through 4 nodes; theta is a one-step
      // (first-order) difference, Δt = 0.0018, so ≈ 0.3 % of theta.
      expect(Math.abs(option.NPV() - ref.v)).toBeLessThan(3e-4);
      expect(Math.abs(option.result('delta') - ref.d)).toBeLessThan(1e-4);
      expect(Math.abs(option.result('gamma') - ref.g)).toBeLessThan(1e-5);
      expect(Math.abs(option.result('theta') - ref.t)).toBeLessThan(5e-3 * Math.abs(ref.t) + 1e-3);
    }
  });

  it('PSOR and Brennan–Schwartz give the same American price', () => {
    const m = flatMarket(100, 0.05, 0.01, 0.3);
    for (const type of [OptionType.Put, OptionType.Call]) {
      const option = american(type, 105, 365);
      const bs = fdPrice(option, m, { tGrid: 100, xGrid: 100, earlyExercise: 'BrennanSchwartz' });
      const psor = fdPrice(option, m, { tGrid: 100, xGrid: 100, earlyExercise: 'PSOR' });
      // Both solve the same LCP exactly; PSOR stops at 1e-12 relative change per sweep.
      expect(Math.abs(bs - psor)).toBeLessThan(1e-8);
    }
  });

  it('American ≥ Bermudan ≥ European, and value ≥ intrinsic (property, 60×60 grids)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 70, max: 130, noNaN: true }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.08, noNaN: true }),
        fc.double({ min: 0.1, max: 0.6, noNaN: true }),
        fc.boolean(),
        (S, r, q, vol, isCall) => {
          const m = flatMarket(S, r, q, vol);
          const type = isCall ? OptionType.Call : OptionType.Put;
          const grid = { tGrid: 60, xGrid: 60 };
          const [e, b, a] = [
            europeanOption(type, 100, 365),
            new VanillaOption(new PlainVanillaPayoff(type, 100), new BermudanExercise([120, 240, 365].map((d) => today.addDays(d)))),
            american(type, 100, 365),
          ].map((o) => fdPrice(o, m, grid)) as [number, number, number];
          // Bermudan dates are stopping times, so its time grid differs from the others by a
          // fraction of a step: O(Δt²) ≈ 1e-4 at 60 steps (measured gaps ≤ 1e-7).
          expect(b).toBeGreaterThanOrEqual(e - 1e-4);
          expect(a).toBeGreaterThanOrEqual(b - 1e-4);
          // Exact: the engine applies the exercise constraint at the spot itself, not only at nodes.
          expect(a).toBeGreaterThanOrEqual(Math.max(type * (S - 100), 0));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('monotone in strike: calls fall and puts rise with K (property, 50×50 grids)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 60, max: 140, noNaN: true }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 0.5, noNaN: true }),
        fc.boolean(),
        (K, dK, vol, isAmerican) => {
          const m = flatMarket(100, 0.03, 0.01, vol);
          const make = (type: OptionType, k: number) => (isAmerican ? american(type, k, 180) : europeanOption(type, k, 180));
          const grid = { tGrid: 50, xGrid: 50 };
          const [c1, c2] = [K, K + dK].map((k) => fdPrice(make(OptionType.Call, k), m, grid)) as [number, number];
          const [p1, p2] = [K, K + dK].map((k) => fdPrice(make(OptionType.Put, k), m, grid)) as [number, number];
          // Each strike has its own grid; the grid error (≤ 2e-2 at 50×50) bounds any inversion.
          expect(c2).toBeLessThanOrEqual(c1 + 2e-2);
          expect(p2).toBeGreaterThanOrEqual(p1 - 2e-2);
          // and the slope stays within [0, e^{−rT}] up to the same error.
          expect((c1 - c2) / dK).toBeLessThanOrEqual(1 + 4e-2 / dK);
        },
      ),
      { numRuns: 25 },
    );
  });

  describe('discrete cash dividends', () => {
    const dividendDate = today.addDays(182);
    const td = 182 / 365;

    /** European with one cash dividend D at t_d, exactly: E over S(t_d) of the Black price from S(t_d) − D. */
    function oneDividendEuropean(type: OptionType, S: number, K: number, r: number, q: number, vol: number, T: number, D: number): number {
      const tau = T - td;
      const n = 4000;
      const zMax = 9;
      let sum = 0;
      for (let k = 0; k <= n; k++) {
        const z = -zMax + (2 * zMax * k) / n;
        const sAfter = S * Math.exp((r - q - 0.5 * vol * vol) * td + vol * Math.sqrt(td) * z) - D;
        const v =
          sAfter > 0
            ? new BlackCalculator(type, K, sAfter * Math.exp((r - q) * tau), vol * Math.sqrt(tau), Math.exp(-r * tau)).value()
            : type === OptionType.Put
              ? K * Math.exp(-r * tau)
              : 0;
        const w = k === 0 || k === n ? 1 : k % 2 === 1 ? 4 : 2; // Simpson
        sum += (w * v * Math.exp(-0.5 * z * z)) / Math.sqrt(2 * Math.PI);
      }
      return Math.exp(-r * td) * sum * ((2 * zMax) / n / 3);
    }

    it('a zero (or negligible) dividend gives the no-dividend price', () => {
      const c = americanCases.find((x) => x.id === 'put_atm_1y')!;
      const m = flatMarket(c.inputs.S, c.inputs.r, c.inputs.q, c.inputs.vol);
      const option = american(OptionType.Put, c.inputs.K, c.inputs.N_days);
      const plain = fdPrice(option, m, { tGrid: 400, xGrid: 400 });
      expect(fdPrice(option, m, { tGrid: 400, xGrid: 400, dividends: [{ date: dividendDate, amount: 0 }] })).toBe(plain);
      // A 1e-9 dividend adds a stopping time (and a Rannacher restart) at t_d: the price moves by
      // the change of time grid, within the grid error (measured 2e-5 at 400×400), and stays on qdfp.
      const tiny = fdPrice(option, m, { tGrid: 400, xGrid: 400, dividends: [{ date: dividendDate, amount: 1e-9 }] });
      expect(Math.abs(tiny - plain)).toBeLessThan(1e-4);
      expect(Math.abs(tiny - c.outputs['qdfp_high_precision']!)).toBeLessThan(1e-3);
    });

    it('European with one cash dividend matches the exact one-dividend price; escrowed BS within its model gap', () => {
      const [S, r, q, vol, T, D] = [100, 0.05, 0.0, 0.25, 1, 3];
      const m = flatMarket(S, r, q, vol);
      for (const type of [OptionType.Call, OptionType.Put]) {
        for (const K of [90, 100, 110]) {
          const option = europeanOption(type, K, 365);
          const fd = fdPrice(option, m, { tGrid: 400, xGrid: 400, dividends: [{ date: dividendDate, amount: D }] });
          const exact = oneDividendEuropean(type, S, K, r, q, vol, T, D);
          // Grid 400×400 (O(h²) ≈ 2e-4) plus the jump's linear interpolation (≈ 1e-4): tolerance 1e-3.
          expect(Math.abs(fd - exact), `K ${K} type ${type}: fd ${fd} exact ${exact}`).toBeLessThan(1e-3);
          const escrowed = new BlackCalculator(type, K, ((S - D * Math.exp(-r * td)) * Math.exp((r - q) * T)), vol * Math.sqrt(T), Math.exp(-r * T)).value();
          // The escrowed model (σ on S − PV(D)) is a different model: for D = 3 % of spot it
          // underprices the vol by ≈ D/S, i.e. a gap ≤ vega·σ·D/S ≈ 0.3 here (measured ≤ 0.15).
          expect(Math.abs(fd - escrowed)).toBeLessThan(0.3);
        }
      }
    });

    it('an American call with a large dividend is worth more than the European (exercise before the dividend)', () => {
      const m = flatMarket(100, 0.03, 0, 0.2);
      const dividends = [{ date: today.addDays(300), amount: 8 }];
      const a = fdPrice(american(OptionType.Call, 90, 365), m, { tGrid: 200, xGrid: 200, dividends });
      const e = fdPrice(europeanOption(OptionType.Call, 90, 365), m, { tGrid: 200, xGrid: 200, dividends });
      // Without dividends both coincide; an 8 % dividend makes early exercise worth ≥ 0.5 here.
      expect(a - e).toBeGreaterThan(0.5);
    });
  });

  it('bad input is refused naming the argument', () => {
    const m = flatMarket();
    expect(() => new FdBlackScholesVanillaEngine(m.process, { xGrid: 3 })).toThrow(/xGrid = 3/);
    expect(() => new FdBlackScholesVanillaEngine(m.process, { tGrid: 0 })).toThrow(/tGrid = 0/);
    expect(() => new FdBlackScholesVanillaEngine(m.process, { dampingSteps: -1 })).toThrow(/dampingSteps = -1/);
    expect(() => new FdBlackScholesVanillaEngine(m.process, { scheme: 'Explicit' as never })).toThrow(/scheme = "Explicit"/);
    expect(() => new FdBlackScholesVanillaEngine(m.process, { earlyExercise: 'x' as never })).toThrow(InvalidInputError);
    expect(() => new FdBlackScholesVanillaEngine(m.process, { dividends: [{ date: today, amount: -1 }] })).toThrow(/dividends\[0\]\.amount = -1/);
    expect(() => new FdBlackScholesVanillaEngine(m.process, { dividends: [{ date: today, amount: Number.NaN }] })).toThrow(/NaN/);
    const option = american(OptionType.Put, 100, 365);
    option.setPricingEngine(new FdBlackScholesVanillaEngine(m.process, { dividends: [{ date: today.addDays(10), amount: 150 }] }));
    expect(() => option.NPV()).toThrow(/dividends \(present value\)/);
    option.setPricingEngine(new FdBlackScholesVanillaEngine(m.process));
    m.spot.setValue(-1);
    expect(() => option.NPV()).toThrow(/spot = -1/);
  });
});
