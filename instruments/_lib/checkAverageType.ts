import { InvalidInputError } from '../../src/errors.js';
import { AverageType } from '../AverageType.js';

/** Throws unless `averageType` is a known {@link AverageType}. */
export function checkAverageType(averageType: AverageType): void {
  if (!Object.values(AverageType).includes(averageType)) {
    throw InvalidInputError.outOfRange('averageType', averageType, `{${Object.values(AverageType).join(', ')}}`);
  }
}
