import type { CashFlow } from './CashFlow.js';

/**
 * A sequence of cash flows, in payment-date order (QuantLib's `Leg`).
 * @public
 */
export type Leg = readonly CashFlow[];
