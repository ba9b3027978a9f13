// @test VarianceSwap, Position
import { beforeEach, describe, expect, it } from 'vitest';
import { ReplicatingVarianceSwapEngine } from '../../engines/blackscholes/ReplicatingVarianceSwapEngine.js';
import { Position } from '../../instruments/Position.js';
import { VarianceSwap } from '../../instruments/VarianceSwap.js';
import { InvalidInputError } from '../../src/errors.js';
import { Settings } from '../../src/settings.js';
import { flatMarket, setToday, today } from '../_lib/market.js';

beforeEach(() => setToday());

const strip = { putStrikes: [60, 70, 80, 90, 100], callStrikes: [100, 110, 120, 130, 140, 150], dk: 10 };

describe('VarianceSwap', () => {
  it('NPV = position · notional · D(T) · (variance − strike); short = −long', () => {
    const m = flatMarket(100, 0.04, 0.01, 0.25);
    const engine = new ReplicatingVarianceSwapEngine(m.process, strip);
    const long = new VarianceSwap(Position.Long, 0.05, 20_000, today, today.addDays(120));
    long.setPricingEngine(engine);
    const short = long.with((d) => {
      d.position = Position.Short;
    });
    const D = Math.exp((-0.04 * 120) / 365);
    // Pure arithmetic on the engine's variance: 1e-12 relative.
    expect(Math.abs(long.NPV() / (20_000 * D * (long.variance() - 0.05)) - 1)).toBeLessThan(1e-12);
    expect(short.NPV()).toBe(-long.NPV());
    // At strike = fair variance the swap is worth 0 (to rounding of the subtraction).
    const atTheMoney = long.with((d) => {
      d.strike = long.variance();
    });
    expect(Math.abs(atTheMoney.NPV())).toBeLessThan(1e-9);
  });

  it('is worth 0 once expired, and reprices on a quote change', () => {
    const m = flatMarket(100, 0.04, 0.01, 0.25);
    const swap = new VarianceSwap(Position.Long, 0.05, 1, today, today.addDays(30));
    swap.setPricingEngine(new ReplicatingVarianceSwapEngine(m.process, strip));
    const before = swap.variance();
    m.vol.setValue(0.3);
    expect(swap.variance()).toBeGreaterThan(before);
    // The market here has fixed reference dates, so a new evaluation date reaches a fresh swap
    // (as for VanillaOption, the instrument holds no registration with the evaluation date).
    Settings.instance.evaluationDate.set(today.addDays(31));
    const expired = swap.with(() => {});
    expect(expired.isExpired()).toBe(true);
    expect(expired.NPV()).toBe(0);
  });

  it('docstring example: the terms are kept as given', () => {
    const swap = new VarianceSwap(Position.Long, 0.04, 50_000, today, today.addDays(90));
    expect(swap.terms.strike).toBe(0.04);
    expect(Object.isFrozen(swap.terms)).toBe(true);
  });

  it('refuses bad terms with the argument, value and range', () => {
    const end = today.addDays(90);
    const cases: [() => unknown, RegExp][] = [
      [() => new VarianceSwap(0 as Position, 0.04, 1, today, end), /position = 0/],
      [() => new VarianceSwap(Position.Long, -0.01, 1, today, end), /strike = -0.01 is outside the allowed range \[0, ∞\)/],
      [() => new VarianceSwap(Position.Long, Number.NaN, 1, today, end), /strike = NaN/],
      [() => new VarianceSwap(Position.Long, 0.04, 0, today, end), /notional = 0 is outside the allowed range \(0, ∞\)/],
      [() => new VarianceSwap(Position.Long, 0.04, 1, end, today), /maturityDate = "2025-01-02"/],
      [() => new VarianceSwap(Position.Long, 0.04, 1, today, end, -1), /realisedVariance = -1/],
    ];
    for (const [fn, pattern] of cases) {
      expect(fn).toThrow(InvalidInputError);
      expect(fn).toThrow(pattern);
    }
  });
});
