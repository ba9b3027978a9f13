// Validates and completes the grid options shared by the FD Black–Scholes engines.
import { checkInteger, checkPositive } from '../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../src/errors.js';
import type { FdEarlyExercise, FdScheme } from '../FdBlackScholesSolver.js';

export interface FdGridOptions {
  tGrid?: number;
  xGrid?: number;
  dampingSteps?: number;
  scheme?: FdScheme;
  earlyExercise?: FdEarlyExercise;
  density?: number;
}

export function checkFdOptions(o: FdGridOptions): Required<FdGridOptions> {
  const full = {
    tGrid: o.tGrid ?? 100,
    xGrid: o.xGrid ?? 100,
    dampingSteps: o.dampingSteps ?? 2,
    scheme: o.scheme ?? 'CrankNicolson',
    earlyExercise: o.earlyExercise ?? 'BrennanSchwartz',
    density: o.density ?? 0.1,
  } as const;
  checkInteger('tGrid', full.tGrid, 1);
  checkInteger('xGrid', full.xGrid, 10);
  checkInteger('dampingSteps', full.dampingSteps, 0);
  if (full.scheme !== 'CrankNicolson' && full.scheme !== 'ImplicitEuler') {
    throw InvalidInputError.outOfRange('scheme', full.scheme, "{'CrankNicolson', 'ImplicitEuler'}");
  }
  if (full.earlyExercise !== 'BrennanSchwartz' && full.earlyExercise !== 'PSOR') {
    throw InvalidInputError.outOfRange('earlyExercise', full.earlyExercise, "{'BrennanSchwartz', 'PSOR'}");
  }
  checkPositive('density', full.density);
  return full;
}
