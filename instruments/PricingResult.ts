import type { QuantflowError } from '../src/errors.js';
import type { Greeks } from './PricingResults.js';

/**
 * One emission of an instrument's `results$` stream: a successful price, or the error that
 * prevented it. The stream keeps going after an error and emits `ok: true` once inputs are
 * valid again.
 * @public
 */
export type PricingResult =
  | {
      readonly ok: true;
      /** Net present value. */
      readonly npv: number;
      /** Standard error of `npv` for statistical engines. */
      readonly errorEstimate: number | undefined;
      /** The Greeks the engine produced (QuantLib conventions, see {@link Greeks}). */
      readonly greeks: Greeks;
      /** The engine's additional results. */
      readonly additionalResults: Readonly<Record<string, number>>;
    }
  | {
      readonly ok: false;
      /** Why no price could be computed. */
      readonly error: QuantflowError;
    };
