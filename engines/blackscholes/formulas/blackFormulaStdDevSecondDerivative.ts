import { InvalidInputError } from '../../../src/errors.js';
import { normalPdf } from '../../../src/math/distributions/normalPdf.js';
import { blackD1 } from './_lib/blackD1.js';
import { checkBlackArguments } from './_lib/checkFormulaArguments.js';

/**
 * ∂²V/∂s² of the Black-76 price (volga in units of s = σ√T): D·(F+d)·φ(d₁)·d₁·d₂/s.
 *
 * @remarks
 * The same for calls and puts. Volga per 1.00 of σ squared is this times T. QuantLib name and
 * arguments (`blackFormulaStdDevSecondDerivative`). Requires s > 0.
 *
 * Source: F. Black (1976); E. G. Haug, The Complete Guide to Option Pricing Formulas, 2nd ed.
 * (2007), §2.3.6 (DvegaDvol).
 *
 * Checked against: central differences of {@link blackFormulaStdDevDerivative}
 * (test/engines/blackscholes/formulas/greeks.test.ts).
 *
 * @param strike - K; K + displacement > 0.
 * @param forward - F; F + displacement > 0.
 * @param stdDev - s = σ√T > 0.
 * @param discount - D > 0; default 1.
 * @param displacement - d ≥ 0; default 0.
 * @returns ∂²V/∂s² (price units per unit of s squared).
 * @throws InvalidInputError when an argument is outside its range (stdDev must be > 0).
 *
 * @example
 * ```ts
 * import { blackFormulaStdDevSecondDerivative } from 'quantflow';
 * blackFormulaStdDevSecondDerivative(100, 110, 0.2);
 * //=> 40.34149416260335
 * ```
 * @public
 */
export function blackFormulaStdDevSecondDerivative(
  strike: number,
  forward: number,
  stdDev: number,
  discount = 1,
  displacement = 0,
): number {
  checkBlackArguments(strike, forward, stdDev, discount, displacement);
  const f = forward + displacement;
  const k = strike + displacement;
  if (!(stdDev > 0)) throw InvalidInputError.outOfRange('stdDev', stdDev, '(0, ∞)');
  if (!(k > 0)) throw InvalidInputError.outOfRange('strike', strike, `(${-displacement}, ∞) (strike + displacement > 0)`);
  const d1 = blackD1(k, f, stdDev);
  return (discount * f * normalPdf(d1) * d1 * (d1 - stdDev)) / stdDev;
}
