// Test helper: asserts that a call throws an InvalidInputError whose message holds every part.
import { expect } from 'vitest';
import { InvalidInputError } from '../../../../src/errors.js';

/** Runs `fn`, expects an `InvalidInputError`, checks its message contains each of `parts`, returns it. */
export function expectInputError(fn: () => unknown, parts: readonly string[]): InvalidInputError {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught, 'expected an InvalidInputError to be thrown').toBeInstanceOf(InvalidInputError);
  const error = caught as InvalidInputError;
  for (const part of parts) expect(error.message, `message should contain ${JSON.stringify(part)}`).toContain(part);
  return error;
}
