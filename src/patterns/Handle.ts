import { QuantflowError } from '../errors.js';
import { Observable } from './Observable.js';
import type { Observer } from './Observer.js';

/**
 * A shared reference to an observable object (a quote, curve, surface…) through which its
 * users observe it; a {@link RelinkableHandle} can later point it elsewhere.
 *
 * @remarks
 * Dependants register with the handle, not with the target, so relinking notifies every
 * dependant once and moves a whole book onto a new curve or surface. Everything that holds the
 * same `Handle` object sees the same link.
 *
 * Source: QuantLib `ql/handle.hpp`.
 * Checked against: `test/patterns/graph.test.ts` ("relinking reprices downstream once").
 *
 * @typeParam T - the observable type pointed to.
 * @public
 */
export class Handle<T extends Observable> extends Observable implements Observer {
  protected target: T | null = null;

  /**
   * @param target - the object to point to, or omitted/`null` for an empty handle.
   */
  constructor(target: T | null = null) {
    super();
    if (target !== null) {
      target.registerObserver(this);
      this.target = target;
    }
  }

  /**
   * The object pointed to.
   * @throws QuantflowError (code `EMPTY_HANDLE`) when the handle is empty.
   */
  currentLink(): T {
    if (this.target === null) throw new QuantflowError('empty handle: it is not linked to any object', 'EMPTY_HANDLE');
    return this.target;
  }

  /** True when the handle points to nothing. */
  empty(): boolean {
    return this.target === null;
  }

  /** Forwards a change of the target to the handle's dependants. */
  update(): void {
    this.notifyObservers();
  }

  /** Points to `target` (or nothing) and notifies dependants. */
  protected relink(target: T | null): void {
    if (target === this.target) return;
    // Register with the new target first: if that closes a cycle, the handle stays as it was.
    if (target !== null) target.registerObserver(this);
    if (this.target !== null) this.target.unregisterObserver(this);
    this.target = target;
    this.notifyObservers();
  }
}
