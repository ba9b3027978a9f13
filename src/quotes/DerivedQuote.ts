import type { Handle } from '../patterns/Handle.js';
import type { Observer } from '../patterns/Observer.js';
import { Quote } from './Quote.js';
import { invalidQuote } from './_lib/invalidQuote.js';

/**
 * A quote computed from another quote by a function, e.g. a forward from a spot or a shifted
 * volatility.
 *
 * @remarks
 * Not cached: `value()` applies `f` to the underlying value on every read (a quote function is
 * cheap). Invalid when the underlying is invalid or `f` returns a non-finite number.
 * Observes: the handle.
 * Source: QuantLib `ql/quotes/derivedquote.hpp`.
 * Checked against: `test/quotes/quotes.test.ts`.
 *
 * @example
 * ```ts
 * import { DerivedQuote, Handle, SimpleQuote } from 'quantflow';
 * const spot = new SimpleQuote(100);
 * const bumped = new DerivedQuote(new Handle(spot), (s) => s * 1.01);
 * bumped.value(); //=> 101
 * ```
 * @public
 */
export class DerivedQuote extends Quote implements Observer {
  /**
   * @param element - handle to the underlying quote.
   * @param f - the map from the underlying value to this quote's value.
   */
  constructor(
    private readonly element: Handle<Quote>,
    private readonly f: (x: number) => number,
  ) {
    super();
    element.registerObserver(this);
  }

  /** @throws QuantflowError (code `INVALID_QUOTE`) when invalid. */
  value(): number {
    if (this.element.empty() || !this.element.currentLink().isValid()) throw invalidQuote(this, 'underlying quote is invalid');
    const v = this.f(this.element.currentLink().value());
    if (!Number.isFinite(v)) throw invalidQuote(this, `function returned ${v}`);
    return v;
  }

  isValid(): boolean {
    if (this.element.empty()) return false;
    const link = this.element.currentLink();
    return link.isValid() && Number.isFinite(this.f(link.value()));
  }

  /** Forwards a change of the underlying quote. */
  update(): void {
    this.notifyObservers();
  }
}
