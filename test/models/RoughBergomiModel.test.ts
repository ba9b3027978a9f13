import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { RoughBergomiModel } from '../../src/models/RoughBergomiModel.js';

describe('RoughBergomiModel', () => {
  it('holds the parameters; a flat or curved forward variance', () => {
    const m = new RoughBergomiModel({ xi0: 0.055225, eta: 1.9, rho: -0.9, H: 0.07 });
    expect([m.eta, m.rho, m.H, m.forwardVariance(0), m.forwardVariance(3)]).toEqual([1.9, -0.9, 0.07, 0.055225, 0.055225]);
    const c = new RoughBergomiModel({ xi0: (t) => 0.04 + 0.01 * t, eta: 0, rho: 1, H: 0.5 });
    expect(c.forwardVariance(2)).toBeCloseTo(0.06, 15);
  });

  it('refuses parameters outside their ranges, naming them', () => {
    const ok = { xi0: 0.04, eta: 1, rho: 0, H: 0.1 };
    expect(() => new RoughBergomiModel({ ...ok, xi0: 0 })).toThrow(/xi0 = 0 is outside the allowed range \(0, ∞\)/);
    expect(() => new RoughBergomiModel({ ...ok, eta: -1 })).toThrow(/eta = -1/);
    expect(() => new RoughBergomiModel({ ...ok, rho: 1.1 })).toThrow(/rho = 1.1/);
    expect(() => new RoughBergomiModel({ ...ok, H: 0 })).toThrow(/H = 0/);
    expect(() => new RoughBergomiModel({ ...ok, H: 0.51 })).toThrow(InvalidInputError);
    const bad = new RoughBergomiModel({ ...ok, xi0: () => -1 });
    expect(() => bad.forwardVariance(1)).toThrow(/xi0\(1\) = -1/);
    expect(() => bad.forwardVariance(-1)).toThrow(/t = -1/);
  });
});
