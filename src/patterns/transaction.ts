import { enterBatch, exitBatch } from './_lib/propagation.js';

/**
 * Runs `block` as one propagation: every notification inside it invalidates at once (phase 1),
 * and listeners recompute and emit once each when the outermost transaction ends (phase 2).
 *
 * @remarks
 * A burst of quote updates inside one transaction costs one reprice per live instrument.
 * Transactions nest; only the outermost one triggers phase 2. If `block` throws, the updates
 * made before the throw still propagate, then the error is rethrown.
 *
 * Source: the batching of QuantLib's `ObservableSettings::disableUpdates(true)` /
 * `enableUpdates()`, made scoped.
 * Checked against: `test/patterns/graph.test.ts` ("a transaction of 100 updates over a
 * 1,000-option book reprices each option once").
 *
 * @param block - the updates to apply; its return value is returned.
 * @returns whatever `block` returns.
 *
 * @example
 * ```ts
 * import { SimpleQuote, transaction } from 'quantflow';
 * const spot = new SimpleQuote(100), vol = new SimpleQuote(0.2);
 * transaction(() => { spot.setValue(101); vol.setValue(0.21); });
 * spot.value(); //=> 101
 * ```
 * @public
 */
export function transaction<T>(block: () => T): T {
  enterBatch();
  try {
    return block();
  } finally {
    exitBatch();
  }
}
