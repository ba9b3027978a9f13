// The argument check of the engines that price only European plain vanillas.
import { InvalidInputError } from '../../src/errors.js';
import { ExerciseType } from '../../instruments/exercises/ExerciseType.js';
import { PlainVanillaPayoff } from '../../instruments/payoffs/PlainVanillaPayoff.js';
import type { VanillaOptionArguments } from '../../instruments/VanillaOption.js';

/**
 * The option's payoff, once the exercise is European and the payoff a `PlainVanillaPayoff`
 * (InvalidInputError naming `exercise.type` or `payoff` otherwise; a payoff without `name()`,
 * e.g. from untyped callers, is named by `String`).
 */
export function europeanVanillaPayoff(args: VanillaOptionArguments): PlainVanillaPayoff {
  if (args.exercise.type !== ExerciseType.European) throw InvalidInputError.outOfRange('exercise.type', args.exercise.type, '{European}');
  const payoff = args.payoff as unknown;
  if (!(payoff instanceof PlainVanillaPayoff)) {
    const name = (payoff as { name?: () => string }).name?.() ?? String(payoff);
    throw InvalidInputError.outOfRange('payoff', name, '{Vanilla}');
  }
  return payoff;
}
