import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscountingFraEngine } from '../../engines/discounting/DiscountingFraEngine.js';
import { ForwardRateAgreement } from '../../instruments/ForwardRateAgreement.js';
import { Position } from '../../instruments/Position.js';
import { Settings } from '../../src/settings.js';
import { Date } from '../../src/time/Date.js';
import { euribor6m, flat, ql, scaledErr, setToday } from './_lib/rates.js';

beforeEach(setToday);
afterAll(() => Settings.instance.evaluationDate.reset());

function fra(strike: number, type = Position.Long, useIndexedCoupon = true): ForwardRateAgreement {
  const f = new ForwardRateAgreement(Date.fromISO('2025-07-07'), Date.fromISO('2026-01-07'), type, strike, 1e6, euribor6m(flat(0.032)), useIndexedCoupon);
  f.setPricingEngine(new DiscountingFraEngine(flat(0.03)));
  return f;
}

describe('ForwardRateAgreement on DiscountingFraEngine', () => {
  it('matches QuantLib 1.29 (6x12 on 6M Euribor, forecast 3.2 %, discount 3 %), indexed and period forward', () => {
    for (const [key, indexed] of [['indexed', true], ['periodForward', false]] as const) {
      const r = ql.fra[key];
      const f = fra(ql.fra.strike, Position.Long, indexed);
      for (const [name, got, want] of [['NPV', f.NPV(), r.NPV], ['forwardRate', f.forwardRate(), r.forwardRate], ['amount', f.amount(), r.amount]] as const) {
        expect(scaledErr(got, want), `${key} ${name}: got ${got}, QuantLib ${want}`).toBeLessThan(1e-12);
      }
    }
  });

  it('has NPV 0 at its forward, and short = −long', () => {
    const forward = fra(0.03).forwardRate();
    expect(Math.abs(fra(forward).NPV())).toBeLessThan(1e-9);
    expect(fra(0.025, Position.Short).NPV()).toBeCloseTo(-fra(0.025).NPV(), 10);
  });

  it('refuses bad terms, naming them', () => {
    const index = euribor6m(flat(0.03));
    expect(() => new ForwardRateAgreement(Date.fromISO('2025-07-07'), Date.fromISO('2025-07-07'), Position.Long, 0.03, 1e6, index)).toThrow(/maturityDate = "2025-07-07"/);
    expect(() => new ForwardRateAgreement(Date.fromISO('2025-07-07'), Date.fromISO('2026-01-07'), Position.Long, 0.03, -1, index)).toThrow(/notionalAmount = -1/);
  });
});
