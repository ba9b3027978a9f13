import { describe, expect, it } from 'vitest';
import { QuantflowError } from '../../src/errors.js';
import { Handle } from '../../src/patterns/Handle.js';
import { RelinkableHandle } from '../../src/patterns/RelinkableHandle.js';
import { transaction } from '../../src/patterns/transaction.js';
import { CompositeQuote } from '../../src/quotes/CompositeQuote.js';
import { DerivedQuote } from '../../src/quotes/DerivedQuote.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';

describe('SimpleQuote', () => {
  it('notifies only when the value changes and returns the change', () => {
    const q = new SimpleQuote(100);
    let n = 0;
    const sub = q.changes$.subscribe(() => n++);
    expect(q.setValue(100)).toBe(0);
    expect(n).toBe(0);
    expect(q.setValue(101.5)).toBe(1.5);
    expect(n).toBe(1);
    q.setValue(Number.NaN);
    q.setValue(Number.NaN); // NaN → NaN is no change
    expect(n).toBe(2);
    sub.unsubscribe();
  });

  it('an invalid quote is a state: isValid() false and value() throws INVALID_QUOTE', () => {
    const q = new SimpleQuote();
    expect(q.isValid()).toBe(false);
    expect(() => q.value()).toThrow(QuantflowError);
    q.setValue(Infinity);
    expect(q.isValid()).toBe(false);
    q.setValue(3);
    expect(q.value()).toBe(3);
    q.reset();
    expect(q.isValid()).toBe(false);
  });

  it('value$ emits the current value, then each change once per transaction', () => {
    const q = new SimpleQuote(1);
    const seen: number[] = [];
    const sub = q.value$.subscribe((v) => seen.push(v));
    q.setValue(2);
    transaction(() => {
      q.setValue(3);
      q.setValue(4);
    });
    q.reset();
    expect(seen).toEqual([1, 2, 4, Number.NaN]);
    sub.unsubscribe();
  });
});

describe('DerivedQuote and CompositeQuote', () => {
  it('compute from their inputs and follow relinks', () => {
    const spot = new RelinkableHandle<Quote>(new SimpleQuote(100));
    const scaled = new DerivedQuote(spot, (x) => x * 1.5);
    const other = new SimpleQuote(20);
    const spread = new CompositeQuote(new Handle<Quote>(scaled), new Handle<Quote>(other), (a, b) => a - b);
    expect(scaled.value()).toBe(150);
    expect(spread.value()).toBe(130);
    const seen: number[] = [];
    const sub = spread.value$.subscribe((v) => seen.push(v));
    spot.linkTo(new SimpleQuote(10));
    other.setValue(5);
    expect(seen).toEqual([130, -5, 10]);
    sub.unsubscribe();
  });

  it('are invalid when an input is invalid or the function gives a non-finite number', () => {
    const x = new SimpleQuote(0);
    const inv = new DerivedQuote(new Handle<Quote>(x), (v) => 1 / v);
    expect(inv.isValid()).toBe(false);
    expect(() => inv.value()).toThrow(/function returned Infinity/);
    x.setValue(4);
    expect(inv.value()).toBe(0.25);
    const c = new CompositeQuote(new Handle<Quote>(new SimpleQuote()), new Handle<Quote>(x), (a, b) => a + b);
    expect(c.isValid()).toBe(false);
    expect(() => c.value()).toThrow(/input quote is invalid/);
    expect(new DerivedQuote(new RelinkableHandle<Quote>(), (v) => v).isValid()).toBe(false);
  });
});
