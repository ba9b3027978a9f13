// TEST helper: a local vol that depends on time only, σ(t) = a + b·t, with its integrated
// variance ∫₀ᵀ σ² dt = a²T + abT² + b²T³/3 (closed form for the Black–Scholes check).
import type { Date } from '../../../../src/time/Date.js';
import { LocalVolTermStructure } from '../../../../termstructures/volatility/LocalVolTermStructure.js';

export class TimeOnlyLocalVol extends LocalVolTermStructure {
  constructor(
    readonly a: number,
    readonly b: number,
    referenceDate: Date,
  ) {
    super({ referenceDate });
  }

  integratedVariance(T: number): number {
    const { a, b } = this;
    return a * a * T + a * b * T * T + (b * b * T * T * T) / 3;
  }

  protected localVolImpl(t: number): number {
    return this.a + this.b * t;
  }
}
