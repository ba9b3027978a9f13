import type { Handle } from '../patterns/Handle.js';
import type { Observer } from '../patterns/Observer.js';
import { Quote } from './Quote.js';
import { invalidQuote } from './_lib/invalidQuote.js';

/**
 * A quote computed from two quotes by a binary function, e.g. a spread or a ratio.
 *
 * @remarks
 * Not cached. Invalid when either input is invalid or `f` returns a non-finite number.
 * Observes: both handles.
 * Source: QuantLib `ql/quotes/compositequote.hpp`.
 * Checked against: `test/quotes/quotes.test.ts`.
 *
 * @example
 * ```ts
 * import { CompositeQuote, Handle, SimpleQuote } from 'quantflow';
 * const spread = new CompositeQuote(new Handle(new SimpleQuote(0.05)), new Handle(new SimpleQuote(0.03)), (a, b) => a - b);
 * spread.value(); //=> 0.020000000000000004
 * ```
 * @public
 */
export class CompositeQuote extends Quote implements Observer {
  /**
   * @param element1 - handle to the first quote.
   * @param element2 - handle to the second quote.
   * @param f - the binary function of the two values.
   */
  constructor(
    private readonly element1: Handle<Quote>,
    private readonly element2: Handle<Quote>,
    private readonly f: (x: number, y: number) => number,
  ) {
    super();
    element1.registerObserver(this);
    element2.registerObserver(this);
  }

  /** @throws QuantflowError (code `INVALID_QUOTE`) when invalid. */
  value(): number {
    if (!this.inputsValid()) throw invalidQuote(this, 'an input quote is invalid');
    const v = this.f(this.element1.currentLink().value(), this.element2.currentLink().value());
    if (!Number.isFinite(v)) throw invalidQuote(this, `function returned ${v}`);
    return v;
  }

  isValid(): boolean {
    return this.inputsValid() && Number.isFinite(this.f(this.element1.currentLink().value(), this.element2.currentLink().value()));
  }

  /** Forwards a change of either input. */
  update(): void {
    this.notifyObservers();
  }

  private inputsValid(): boolean {
    return (
      !this.element1.empty() &&
      !this.element2.empty() &&
      this.element1.currentLink().isValid() &&
      this.element2.currentLink().isValid()
    );
  }
}
