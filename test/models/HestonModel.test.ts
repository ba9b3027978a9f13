import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { HestonModel } from '../../src/models/HestonModel.js';
import { HestonProcess } from '../../src/processes/HestonProcess.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import { today } from '../_lib/market.js';
import { hestonMarket } from '../engines/heston/_lib/hestonMarket.js';

const std = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };

function counter(target: { changes$: import('rxjs').Observable<void> }) {
  let n = 0;
  const sub = target.changes$.subscribe(() => n++);
  return { count: () => n, stop: () => sub.unsubscribe() };
}

describe('HestonProcess', () => {
  it('keeps its parameters and reads the spot', () => {
    const m = hestonMarket(100, 0.03, 0.01, std);
    expect(m.process.parameters).toEqual(std);
    expect(m.process.spot()).toBe(100);
    expect(Object.isFrozen(m.process.parameters)).toBe(true);
  });

  it('notifies on a spot tick and on a relink of a curve', () => {
    const m = hestonMarket(100, 0.03, 0.01, std);
    const c = counter(m.process);
    m.spot.setValue(101);
    expect(c.count()).toBe(1);
    m.riskFree.linkTo(new FlatForward(0.05, { referenceDate: today }));
    expect(c.count()).toBe(2);
    m.rate.setValue(0.04); // the old curve's quote: no longer linked
    expect(c.count()).toBe(2);
    // A curve is a LazyObject: it forwards a quote tick once it has been read since the last one.
    m.dividendCurve.currentLink().discount(1);
    m.dividend.setValue(0.02);
    expect(c.count()).toBe(3);
    c.stop();
  });

  it.each([
    ['v0', -0.01, '(0, ∞)'],
    ['kappa', 0, '(0, ∞)'],
    ['theta', Number.NaN, '(0, ∞)'],
    ['sigma', Number.POSITIVE_INFINITY, '(0, ∞)'],
    ['rho', 1, '(-1, 1)'],
    ['rho', -1.5, '(-1, 1)'],
  ] as const)('refuses %s = %s with an InvalidInputError naming it and the range %s', (name, value, range) => {
    const m = hestonMarket(100, 0.03, 0.01, std);
    const p = { ...std, [name]: value };
    const build = () => new HestonProcess(m.riskFree, m.dividendCurve, m.process.s0, p.v0, p.kappa, p.theta, p.sigma, p.rho);
    expect(build).toThrow(InvalidInputError);
    expect(build).toThrow(`${name} = ${Number.isNaN(value) ? 'NaN' : value} is outside the allowed range ${range}`);
  });

  it('refuses a non-handle market argument and a non-positive spot', () => {
    const m = hestonMarket(100, 0.03, 0.01, std);
    expect(() => new HestonProcess(m.riskFree, m.dividendCurve, 100 as never, 0.04, 1, 0.04, 0.3, 0)).toThrow('s0 = 100 is outside the allowed range a Handle');
    m.spot.setValue(-1);
    expect(() => m.process.spot()).toThrow('spot = -1 is outside the allowed range (0, ∞)');
  });
});

describe('HestonModel', () => {
  it('starts from the process parameters and reports the Feller ratio 2κθ/σ² without refusing it', () => {
    const m = hestonMarket(100, 0.03, 0.01, std);
    expect(m.model.parameters).toEqual(std);
    expect(m.model.fellerRatio()).toBeCloseTo((2 * 1.5 * 0.04) / 0.09, 14);
    // Feller-violating set (QuantLib 1.29 reference `feller_violated_strong`): accepted.
    m.model.setParameters({ kappa: 0.5, sigma: 1, rho: -0.9 });
    expect(m.model.fellerRatio()).toBeCloseTo(0.04, 14);
    expect([m.model.v0, m.model.kappa, m.model.theta, m.model.sigma, m.model.rho]).toEqual([0.04, 0.5, 0.04, 1, -0.9]);
  });

  it('notifies on a parameter change (once), not on a no-op, and forwards the process', () => {
    const m = hestonMarket(100, 0.03, 0.01, std);
    const c = counter(m.model);
    m.model.setParameters({ v0: 0.05, theta: 0.05 });
    expect(c.count()).toBe(1);
    m.model.setParameters({ v0: 0.05 });
    expect(c.count()).toBe(1);
    m.spot.setValue(99);
    expect(c.count()).toBe(2);
    c.stop();
  });

  it('refuses bad parameters and keeps the old ones', () => {
    const m = hestonMarket(100, 0.03, 0.01, std);
    expect(() => m.model.setParameters({ sigma: 0 })).toThrow('sigma = 0 is outside the allowed range (0, ∞)');
    expect(() => m.model.setParameters({ rho: -1 })).toThrow(InvalidInputError);
    expect(m.model.parameters).toEqual(std);
    expect(() => new HestonModel({} as never)).toThrow(InvalidInputError);
  });

  it('docstring example: Feller ratio of the standard set', () => {
    expect(hestonMarket(100, 0.03, 0.01, std).model.fellerRatio()).toBe(1.3333333333333333);
  });
});
