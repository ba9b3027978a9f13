// Refuses a tree whose branch probability left [0, 1] (too few steps for the drift).
import { InvalidInputError } from '../../../src/errors.js';

export function checkProbability(tree: string, pu: number): void {
  if (!(pu >= 0 && pu <= 1)) {
    throw new InvalidInputError(
      `${tree}: up probability pu = ${pu} is outside the allowed range [0, 1]; increase steps`,
      { argument: 'steps', value: pu, allowed: '[0, 1]' },
    );
  }
}
