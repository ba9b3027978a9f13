/**
 * Something that reacts to changes of the {@link Observable}s it is registered with.
 *
 * @remarks
 * `update()` runs in the invalidation phase of a propagation: it must only mark state dirty or
 * forward the notification, never compute prices (those are pulled in the recompute phase).
 *
 * Source: QuantLib `ql/patterns/observable.hpp` (Observer/Observable), Gamma et al. (1995),
 * Design Patterns, "Observer".
 *
 * @public
 */
export interface Observer {
  /** Called when an observed object changed. */
  update(): void;
}
