import type { DateOrTime } from '../../termstructures/TermStructure.js';
import { BlackVolTermStructure, type Handle, type Quote } from '../../src/index.js';

/**
 * A Black vol surface moved by a level quote: σ(t, K) = level · σ_base(t, K), so the total
 * variance scales by level². The desk shocks `level` with relative VIX changes.
 *
 * Observes: the base surface and the level quote (through their handles).
 */
export class LevelScaledVol extends BlackVolTermStructure {
  constructor(
    private readonly base: Handle<BlackVolTermStructure>,
    private readonly level: Handle<Quote>,
  ) {
    const surface = base.currentLink();
    super({ referenceDate: surface.referenceDate(), dayCounter: surface.dayCounter, calendar: surface.calendar });
    this.registerWith(base);
    this.registerWith(level);
    if (surface.allowsExtrapolation()) this.enableExtrapolation();
  }

  override maxDate() {
    return this.base.currentLink().maxDate();
  }

  override minStrike(): number {
    return this.base.currentLink().minStrike();
  }

  override maxStrike(): number {
    return this.base.currentLink().maxStrike();
  }

  protected blackVarianceImpl(t: number, strike: number): number {
    const level = this.level.currentLink().value();
    return level * level * this.base.currentLink().blackVariance(t as DateOrTime, strike, true);
  }
}
