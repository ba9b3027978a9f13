import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import { RelinkableHandle } from '../../src/patterns/RelinkableHandle.js';
import { RoughHestonModel } from '../../src/models/RoughHestonModel.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { today } from '../_lib/market.js';

const std = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 };

function market() {
  const spot = new SimpleQuote(100);
  const ref = { referenceDate: today };
  const riskFree = new RelinkableHandle<YieldTermStructure>(new FlatForward(0.03, ref));
  const dividend = new RelinkableHandle<YieldTermStructure>(new FlatForward(0, ref));
  const model = new RoughHestonModel(riskFree, dividend, new Handle<Quote>(spot), std);
  let n = 0;
  model.changes$.subscribe(() => n++);
  return { spot, riskFree, model, count: () => n };
}

describe('RoughHestonModel', () => {
  it('keeps frozen parameters, α = H + ½ and reads the spot', () => {
    const { model } = market();
    expect(model.parameters).toEqual(std);
    expect(Object.isFrozen(model.parameters)).toBe(true);
    expect(model.alpha).toBeCloseTo(0.6, 15);
    expect(model.spot()).toBe(100);
  });

  it('notifies on a parameter change, a spot tick and a relink; not on a no-op update', () => {
    const m = market();
    m.model.setParameters({ hurst: 0.1 });
    expect(m.count()).toBe(0);
    m.model.setParameters({ hurst: 0.2 });
    expect(m.count()).toBe(1);
    expect(m.model.parameters.hurst).toBe(0.2);
    m.spot.setValue(101);
    expect(m.count()).toBe(2);
    m.riskFree.linkTo(new FlatForward(0.05, { referenceDate: today }));
    expect(m.count()).toBe(3);
    m.model.dispose();
    m.spot.setValue(102);
    expect(m.count()).toBe(3);
  });

  it.each([
    ['v0', -0.01, '[0, ∞)'],
    ['kappa', -1, '[0, ∞)'],
    ['theta', Number.NaN, '[0, ∞)'],
    ['sigma', 0, '(0, ∞)'],
    ['rho', 1, '(-1, 1)'],
    ['hurst', 0, '(0, 0.5]'],
    ['hurst', 0.6, '(0, 0.5]'],
  ] as const)('refuses %s = %s naming it and the range %s, and keeps the old state', (name, value, range) => {
    const m = market();
    const set = () => m.model.setParameters({ [name]: value });
    expect(set).toThrow(InvalidInputError);
    expect(set).toThrow(`${name} = ${Number.isNaN(value) ? 'NaN' : value} is outside the allowed range ${range}`);
    expect(m.model.parameters).toEqual(std);
    expect(m.count()).toBe(0);
  });

  it('refuses v0 = θ = 0, a non-handle and a bad spot', () => {
    const m = market();
    expect(() => m.model.setParameters({ v0: 0, theta: 0 })).toThrow('v0 + theta = 0 is outside the allowed range (0, ∞)');
    expect(() => new RoughHestonModel(m.riskFree, m.riskFree, 100 as never, std)).toThrow('s0 = 100 is outside the allowed range a Handle');
    m.spot.setValue(-1);
    expect(() => m.model.spot()).toThrow('spot = -1 is outside the allowed range (0, ∞)');
  });
});
