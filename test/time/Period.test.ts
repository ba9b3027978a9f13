import { describe, expect, it } from 'vitest';
import { Frequency } from '../../src/time/Frequency.js';
import { Period } from '../../src/time/Period.js';
import { TimeUnit } from '../../src/time/TimeUnit.js';
import { InvalidInputError } from '../../src/errors.js';

describe('Period', () => {
  it('parses and prints the short form', () => {
    expect(Period.parse('3M')).toEqual(new Period(3, TimeUnit.Months));
    expect(Period.parse('10y').toString()).toBe('10Y');
    expect(Period.parse('-1D').toString()).toBe('-1D');
    expect(Period.parse('1Y6M').toString()).toBe('18M');
    expect(Period.parse('1W3D').toString()).toBe('10D');
    for (const bad of ['', 'M', '3X', '1.5Y', '1Y1D']) expect(() => Period.parse(bad), bad).toThrow(InvalidInputError);
  });

  it('maps frequencies both ways as QuantLib (period.cpp table)', () => {
    const table: Array<[Frequency, string]> = [
      [Frequency.Once, '0Y'],
      [Frequency.Annual, '1Y'],
      [Frequency.Semiannual, '6M'],
      [Frequency.EveryFourthMonth, '4M'],
      [Frequency.Quarterly, '3M'],
      [Frequency.Bimonthly, '2M'],
      [Frequency.Monthly, '1M'],
      [Frequency.EveryFourthWeek, '4W'],
      [Frequency.Biweekly, '2W'],
      [Frequency.Weekly, '1W'],
      [Frequency.Daily, '1D'],
    ];
    for (const [f, p] of table) {
      expect(Period.fromFrequency(f).toString()).toBe(p);
      expect(Period.parse(p).frequency()).toBe(f);
    }
    expect(Period.parse('5M').frequency()).toBe(Frequency.OtherFrequency);
    expect(Period.parse('12M').frequency()).toBe(Frequency.Annual);
    expect(Period.parse('2Y').frequency()).toBe(Frequency.OtherFrequency);
    expect(() => Period.fromFrequency(Frequency.OtherFrequency)).toThrow(InvalidInputError);
  });

  it('normalises, adds and compares commensurable units only', () => {
    expect(Period.parse('24M').normalized().toString()).toBe('2Y');
    expect(Period.parse('14D').normalized().toString()).toBe('2W');
    expect(Period.parse('18M').normalized().toString()).toBe('18M');
    expect(Period.parse('1Y').plus(Period.parse('6M')).toString()).toBe('18M');
    expect(Period.parse('1Y').minus(Period.parse('12M')).length).toBe(0);
    expect(Period.parse('1W').plus(Period.parse('2D')).toString()).toBe('9D');
    expect(Period.parse('1Y').equals(Period.parse('12M'))).toBe(true);
    expect(Period.parse('1M').equals(Period.parse('30D'))).toBe(false);
    expect(Period.parse('6M').compare(Period.parse('1Y'))).toBeLessThan(0);
    expect(() => Period.parse('1M').plus(Period.parse('1D'))).toThrow(InvalidInputError);
    expect(() => Period.parse('1M').compare(Period.parse('30D'))).toThrow(InvalidInputError);
    expect(Period.parse('3M').times(4).normalized().toString()).toBe('1Y');
    expect(() => new Period(1.5, TimeUnit.Years)).toThrow(InvalidInputError);
  });
});
