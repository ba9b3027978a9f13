// blackFormula and bachelierBlackFormula against QuantLib 1.29 and against 60-digit mpmath prices
// in the wings; limits and parity.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { blackFormula } from '../../../../engines/blackscholes/formulas/blackFormula.js';
import { bachelierBlackFormula } from '../../../../engines/blackscholes/formulas/bachelierBlackFormula.js';
import { OptionType } from '../../../../instruments/OptionType.js';
import { InvalidInputError } from '../../../../src/errors.js';
import { quantlib } from '../../../_lib/reference.js';

const { Call, Put } = OptionType;

interface Black76Case {
  id: string;
  inputs: { F: number; K: number; stdDev: number; discount: number; displacement: number };
  outputs: { call: number; put: number };
}
interface BachelierCase {
  id: string;
  inputs: { F: number; K: number; stdDev: number; discount: number };
  outputs: { call: number; put: number };
}
const wings = JSON.parse(readFileSync(new URL('../../../reference/black-wings-mpmath.json', import.meta.url), 'utf8')) as {
  cases: { F: number; K: number; stdDev: number; call: string; put: string }[];
};

describe('blackFormula vs QuantLib 1.29 blackFormula (black76 section, displaced case included)', () => {
  it.each((quantlib.black76.cases as Black76Case[]).map((c) => [c.id, c] as const))('%s: call and put within 1e-10 relative', (_id, c) => {
    // Closed form both sides: the reference file suggests abs 1e-10 on O(1…100) prices; relative
    // 1e-10 with a 1e-15·F floor covers the 8e-6 deep out-of-the-money call as well.
    const { F, K, stdDev, discount, displacement } = c.inputs;
    for (const [type, expected] of [[Call, c.outputs.call], [Put, c.outputs.put]] as const) {
      const got = blackFormula(type, K, F, stdDev, discount, displacement);
      expect(Math.abs(got - expected), `${c.id} ${type}: got ${got}, QuantLib ${expected}`).toBeLessThanOrEqual(1e-10 * expected + 1e-15 * F);
    }
  });
});

describe('blackFormula in the wings vs 60-digit mpmath (test/reference/black-wings-mpmath.json)', () => {
  it('every call and put within 2e-13 relative, down to prices of 1e-300', () => {
    // The normalised evaluation keeps relative accuracy where F·Φ(d1) − K·Φ(d2) cancels; the limit
    // is the conditioning of b in x = ln(F/K): ≈ ε·(1 + (x/s)²) relative, below 2e-13 on this grid.
    let worst = 0;
    for (const c of wings.cases) {
      for (const [type, text] of [[Call, c.call], [Put, c.put]] as const) {
        const expected = Number(text);
        const got = blackFormula(type, c.K, c.F, c.stdDev);
        const rel = Math.abs(got - expected) / expected;
        worst = Math.max(worst, rel);
        expect(rel, `F=${c.F} K=${c.K} s=${c.stdDev} type=${type}: got ${got}, mpmath ${text}`).toBeLessThanOrEqual(2e-13);
      }
    }
    expect(worst).toBeGreaterThan(0);
  });
});

describe('blackFormula limits and invariances', () => {
  it('zero stdDev gives the discounted intrinsic value; K + d = 0 gives D·(F + d) for a call', () => {
    expect(blackFormula(Call, 90, 100, 0, 0.95)).toBeCloseTo(9.5, 14);
    expect(blackFormula(Put, 90, 100, 0, 0.95)).toBe(0);
    expect(blackFormula(Call, 0, 100, 0.3, 0.9)).toBe(90);
    expect(blackFormula(Put, -0.01, 0.02, 0.3, 1, 0.01)).toBe(0);
  });
  it('put–call parity C − P = D·(F − K) (fast-check, 1e-13 of the larger term)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 1e4, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 1e-4, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 1, noNaN: true }),
        (F, m, s, D) => {
          const K = F * Math.exp(m);
          const c = blackFormula(Call, K, F, s, D);
          const p = blackFormula(Put, K, F, s, D);
          return Math.abs(c - p - D * (F - K)) <= 1e-13 * D * Math.max(F, K) * 4;
        },
      ),
    );
  });
  it('is increasing in stdDev and bounded by D·F (call) and D·K (put)', () => {
    let previous = 0;
    for (let s = 0.01; s < 20; s *= 1.5) {
      const c = blackFormula(Call, 120, 100, s, 0.9);
      expect(c).toBeGreaterThan(previous);
      expect(c).toBeLessThan(90);
      previous = c;
    }
  });
  it('rejects bad input with InvalidInputError naming the argument', () => {
    expect(() => blackFormula(Call, -1, 100, 0.2)).toThrow(/strike = -1 is outside the allowed range/);
    expect(() => blackFormula(Call, 100, 0, 0.2)).toThrow(/forward = 0/);
    expect(() => blackFormula(Call, 100, 100, -0.1)).toThrow(/stdDev = -0.1/);
    expect(() => blackFormula(Call, 100, 100, 0.2, 0)).toThrow(/discount = 0/);
    expect(() => blackFormula(Call, 100, 100, 0.2, 1, -1)).toThrow(/displacement = -1/);
    expect(() => blackFormula(2 as OptionType, 100, 100, 0.2)).toThrow(InvalidInputError);
    expect(() => blackFormula(Call, 100, Number.NaN, 0.2)).toThrow(/forward = NaN/);
  });
});

describe('bachelierBlackFormula vs QuantLib 1.29 bachelierBlackFormula (bachelier section)', () => {
  it.each((quantlib.bachelier.cases as BachelierCase[]).map((c) => [c.id, c] as const))('%s: call and put within 1e-10 relative', (_id, c) => {
    // The deep in-the-money case's put is 7.6e-13: relative 1e-10 plus an absolute 1e-18 floor
    // (QuantLib's own rounding of the 0.03 intrinsic part, ≈ 1e-17, enters that put).
    const { F, K, stdDev, discount } = c.inputs;
    for (const [type, expected] of [[Call, c.outputs.call], [Put, c.outputs.put]] as const) {
      const got = bachelierBlackFormula(type, K, F, stdDev, discount);
      expect(Math.abs(got - expected), `${c.id} ${type}: got ${got}, QuantLib ${expected}`).toBeLessThanOrEqual(1e-10 * expected + 1e-17);
    }
  });
  it('zero stdDev gives the discounted intrinsic value; parity holds; negative strikes allowed', () => {
    expect(bachelierBlackFormula(Call, -0.01, 0.02, 0, 0.5)).toBeCloseTo(0.015, 16);
    const c = bachelierBlackFormula(Call, -0.004, -0.002, 0.003, 0.99);
    const p = bachelierBlackFormula(Put, -0.004, -0.002, 0.003, 0.99);
    expect(c - p).toBeCloseTo(0.99 * 0.002, 16);
    expect(() => bachelierBlackFormula(Call, 0, 0, -1)).toThrow(/stdDev = -1/);
  });
});
