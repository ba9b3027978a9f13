import { Handle } from './Handle.js';
import type { Observable } from './Observable.js';

/**
 * A {@link Handle} whose target can be changed; relinking notifies every dependant once.
 *
 * @remarks
 * Source: QuantLib `ql/handle.hpp` (`RelinkableHandle`).
 * Checked against: `test/patterns/graph.test.ts` ("relinking reprices downstream once").
 *
 * @example
 * ```ts
 * import { RelinkableHandle, SimpleQuote } from 'quantflow';
 * const spot = new RelinkableHandle(new SimpleQuote(100));
 * spot.linkTo(new SimpleQuote(105));
 * spot.currentLink().value(); //=> 105
 * ```
 * @typeParam T - the observable type pointed to.
 * @public
 */
export class RelinkableHandle<T extends Observable> extends Handle<T> {
  /**
   * Points the handle to `target` (or empties it with `null`) and notifies dependants.
   * @throws QuantflowError (code `DEPENDENCY_CYCLE`) when `target` depends on this handle.
   */
  linkTo(target: T | null): void {
    this.relink(target);
  }
}
