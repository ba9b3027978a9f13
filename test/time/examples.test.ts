// Twins of the @example blocks in src/time docstrings: each asserts the value shown after //=>.
import { describe, expect, it } from 'vitest';
import { Actual365Fixed } from '../../src/time/Actual365Fixed.js';
import { ActualActual, ActualActualConvention } from '../../src/time/ActualActual.js';
import { BusinessDayConvention } from '../../src/time/BusinessDayConvention.js';
import { Date } from '../../src/time/Date.js';
import { Period } from '../../src/time/Period.js';
import { Schedule } from '../../src/time/Schedule.js';
import { TARGET } from '../../src/time/TARGET.js';
import { Thirty360, Thirty360Convention } from '../../src/time/Thirty360.js';
import { UnitedStates, UnitedStatesMarket } from '../../src/time/UnitedStates.js';

describe('src/time docstring examples', () => {
  it('Date', () => {
    expect(Date.fromISO('2025-01-31').addPeriod(Period.parse('1M')).toISOString()).toBe('2025-02-28');
  });
  it('Period', () => {
    expect(Period.parse('18M').normalized().toString()).toBe('18M');
    expect(Period.parse('24M').normalized().toString()).toBe('2Y');
  });
  it('Actual365Fixed', () => {
    expect(new Actual365Fixed().yearFraction(Date.fromISO('2024-01-01'), Date.fromISO('2025-01-01'))).toBe(1.0027397260273974);
  });
  it('ActualActual', () => {
    const yf = new ActualActual(ActualActualConvention.ISDA).yearFraction(Date.fromISO('2003-11-01'), Date.fromISO('2004-05-01'));
    expect(yf).toBe(0.49772438056740775);
  });
  it('Thirty360', () => {
    expect(new Thirty360(Thirty360Convention.BondBasis).dayCount(Date.fromISO('2007-01-15'), Date.fromISO('2007-03-31'))).toBe(76);
  });
  it('TARGET', () => {
    expect(new TARGET().isBusinessDay(Date.fromISO('2025-04-21'))).toBe(false);
  });
  it('UnitedStates', () => {
    expect(new UnitedStates(UnitedStatesMarket.NYSE).isBusinessDay(Date.fromISO('2025-01-09'))).toBe(false);
  });
  it('Schedule', () => {
    const s = new Schedule({
      effectiveDate: Date.fromISO('2025-01-15'),
      terminationDate: Date.fromISO('2026-01-15'),
      tenor: Period.parse('6M'),
      calendar: new TARGET(),
      convention: BusinessDayConvention.ModifiedFollowing,
    });
    expect(s.dates().map(String)).toEqual(['2025-01-15', '2025-07-15', '2026-01-15']);
  });
});
