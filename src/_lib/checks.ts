// Internal argument checks shared across the library; never re-exported.
import { InvalidInputError } from '../errors.js';

/** Throws unless `value` is a finite number. */
export function checkFinite(argument: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw InvalidInputError.outOfRange(argument, value, '(-∞, ∞), finite');
  }
}

/** Throws unless `value` is finite and > 0. */
export function checkPositive(argument: string, value: number): void {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw InvalidInputError.outOfRange(argument, value, '(0, ∞)');
  }
}

/** Throws unless `value` is finite and ≥ 0. */
export function checkNonNegative(argument: string, value: number): void {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw InvalidInputError.outOfRange(argument, value, '[0, ∞)');
  }
}

/** Throws unless `value` is an integer in [min, max]. */
export function checkInteger(argument: string, value: number, min = -Infinity, max = Infinity): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw InvalidInputError.outOfRange(argument, value, `integers in [${min}, ${max}]`);
  }
}

/** Throws unless min ≤ value ≤ max (closed interval, finite value). */
export function checkInRange(argument: string, value: number, min: number, max: number): void {
  if (typeof value !== 'number' || !(value >= min && value <= max)) {
    throw InvalidInputError.outOfRange(argument, value, `[${min}, ${max}]`);
  }
}

/** Throws unless `condition` holds; the message is built only on failure. */
export function require(condition: boolean, argument: string, value: unknown, allowed: string): asserts condition {
  if (!condition) throw InvalidInputError.outOfRange(argument, value, allowed);
}
