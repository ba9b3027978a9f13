import { describe, expect, it } from 'vitest';
import { Handle } from '../../src/patterns/Handle.js';
import { LazyObject } from '../../src/patterns/LazyObject.js';
import type { Quote } from '../../src/quotes/Quote.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';

/** Squares a quote, counting calculations. */
class Square extends LazyObject {
  calculations = 0;
  result = Number.NaN;
  constructor(readonly input: Handle<Quote>) {
    super();
    this.registerWith(input);
  }
  protected performCalculations(): void {
    this.calculations++;
    this.result = this.input.currentLink().value() ** 2;
  }
  value(): number {
    this.calculate();
    return this.result;
  }
}

describe('LazyObject', () => {
  it('computes on first read, caches, and recomputes once after a change', () => {
    const q = new SimpleQuote(3);
    const s = new Square(new Handle<Quote>(q));
    expect(s.calculations).toBe(0);
    expect(s.value()).toBe(9);
    expect(s.value()).toBe(9);
    expect(s.calculations).toBe(1);
    q.setValue(4);
    q.setValue(5);
    expect(s.calculations).toBe(1); // nothing read yet
    expect(s.value()).toBe(25);
    expect(s.calculations).toBe(2);
  });

  it('forwards a notification only when it had been calculated', () => {
    const q = new SimpleQuote(3);
    const s = new Square(new Handle<Quote>(q));
    let forwarded = 0;
    s.registerObserver({ update: () => forwarded++ });
    q.setValue(1); // never calculated: silent
    expect(forwarded).toBe(0);
    s.value();
    q.setValue(2);
    q.setValue(3); // not recalculated in between: silent
    expect(forwarded).toBe(1);
  });

  it('caches a failure until the next change, and recovers', () => {
    const q = new SimpleQuote(Number.NaN);
    const s = new Square(new Handle<Quote>(q));
    expect(() => s.value()).toThrow(/no valid value/);
    expect(() => s.value()).toThrow(/no valid value/);
    expect(s.calculations).toBe(1);
    let forwarded = 0;
    s.registerObserver({ update: () => forwarded++ });
    q.setValue(2);
    expect(forwarded).toBe(1); // a failed calculation still forwards the next change
    expect(s.value()).toBe(4);
  });

  it('freeze pins results; unfreeze notifies only if something changed', () => {
    const q = new SimpleQuote(2);
    const s = new Square(new Handle<Quote>(q));
    let forwarded = 0;
    s.registerObserver({ update: () => forwarded++ });
    s.value();
    s.freeze();
    s.unfreeze();
    expect(forwarded).toBe(0);
    s.freeze();
    q.setValue(10);
    expect(s.value()).toBe(4);
    expect(forwarded).toBe(0);
    s.unfreeze();
    expect(forwarded).toBe(1);
    expect(s.value()).toBe(100);
  });

  it('a frozen object never calculated computes once', () => {
    const s = new Square(new Handle<Quote>(new SimpleQuote(7)));
    s.freeze();
    expect(s.value()).toBe(49);
    expect(s.calculations).toBe(1);
  });
});
