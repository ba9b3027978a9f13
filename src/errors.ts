/**
 * Errors thrown by quantflow.
 *
 * @remarks
 * Every error carries a stable machine-readable `code` and a structured `details`
 * record. Bad input is refused at the boundary with {@link InvalidInputError}, whose
 * message names the argument, its value and the allowed range.
 *
 * @packageDocumentation
 */

/**
 * Structured context attached to a {@link QuantflowError}.
 * @public
 */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/**
 * Base class of every error quantflow throws on purpose.
 *
 * @remarks
 * `code` is stable across releases and meant for programs; `message` is for people.
 *
 * @public
 */
export class QuantflowError extends Error {
  /** Stable, machine-readable error code, e.g. `"INVALID_INPUT"`. */
  readonly code: string;
  /** Structured context (argument name, value, allowed range, …). */
  readonly details: ErrorDetails;

  /**
   * @param message - human-readable message.
   * @param code - stable error code; defaults to `"QUANTFLOW_ERROR"`.
   * @param details - structured context.
   * @param options - standard `ErrorOptions` (e.g. `cause`).
   */
  constructor(message: string, code = 'QUANTFLOW_ERROR', details: ErrorDetails = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/**
 * Input outside the allowed domain: wrong length, out-of-range number, NaN, unknown name.
 *
 * @remarks
 * Build with {@link InvalidInputError.outOfRange} so the message always names the
 * argument, its value and the allowed range.
 *
 * @public
 */
export class InvalidInputError extends QuantflowError {
  /**
   * @param message - human-readable message naming argument, value and allowed range.
   * @param details - at least `{ argument, value, allowed }` where they apply.
   */
  constructor(message: string, details: ErrorDetails = {}, options?: ErrorOptions) {
    super(message, 'INVALID_INPUT', details, options);
  }

  /**
   * An `InvalidInputError` with the standard message
   * `"<argument> = <value> is outside the allowed range <allowed>"`.
   *
   * @param argument - the argument's name as the caller wrote it, e.g. `"strike"`.
   * @param value - the offending value.
   * @param allowed - the allowed range in words or interval notation, e.g. `"(0, ∞)"`.
   */
  static outOfRange(argument: string, value: unknown, allowed: string): InvalidInputError {
    return new InvalidInputError(`${argument} = ${formatValue(value)} is outside the allowed range ${allowed}`, {
      argument,
      value,
      allowed,
    });
  }
}

/**
 * A market state or fitted surface violates a no-arbitrage condition.
 * @public
 */
export class ArbitrageError extends QuantflowError {
  constructor(message: string, details: ErrorDetails = {}, options?: ErrorOptions) {
    super(message, 'ARBITRAGE', details, options);
  }
}

/**
 * A calibration did not reach its target; `details.residuals` holds the residuals.
 * @public
 */
export class CalibrationError extends QuantflowError {
  constructor(message: string, details: ErrorDetails = {}, options?: ErrorOptions) {
    super(message, 'CALIBRATION', details, options);
  }
}

/**
 * An iterative method (root finder, optimiser, bootstrap) did not converge.
 * @public
 */
export class ConvergenceError extends QuantflowError {
  constructor(message: string, details: ErrorDetails = {}, options?: ErrorOptions) {
    super(message, 'CONVERGENCE', details, options);
  }
}

/**
 * The instrument has expired relative to the evaluation date.
 * @public
 */
export class ExpiredInstrumentError extends QuantflowError {
  constructor(message: string, details: ErrorDetails = {}, options?: ErrorOptions) {
    super(message, 'EXPIRED_INSTRUMENT', details, options);
  }
}

/**
 * A past fixing of an index is needed but the fixings store has none for that date.
 *
 * @remarks
 * Thrown instead of returning NaN when a coupon or an index reads a fixing dated before the
 * evaluation date (or on it, when today's fixing may not be forecast). `details` holds
 * `{ index, date }` (the index name and the ISO fixing date).
 * Source: QuantLib `ql/index.cpp` ("Missing … fixing for …").
 * @public
 */
export class MissingFixingError extends QuantflowError {
  /**
   * @param index - the index name, e.g. `"SOFRON Actual/360"`.
   * @param date - the ISO date of the missing fixing.
   */
  constructor(index: string, date: string, options?: ErrorOptions) {
    super(`missing ${index} fixing for ${date}: add it with addFixing (the date is before the evaluation date, so it cannot be forecast)`, 'MISSING_FIXING', { index, date }, options);
  }
}

function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
