import { checkFinite, checkNonNegative } from '../src/_lib/checks.js';
import { InvalidInputError } from '../src/errors.js';
import { BarrierType } from './BarrierType.js';
import type { Exercise } from './exercises/Exercise.js';
import { OneAssetOption, type OneAssetOptionTerms } from './OneAssetOption.js';
import type { StrikedTypePayoff } from './payoffs/StrikedTypePayoff.js';

/**
 * Terms of a {@link BarrierOption}.
 * @public
 */
export interface BarrierOptionTerms extends OneAssetOptionTerms {
  /** Knock-in/out, down/up. */
  readonly barrierType: BarrierType;
  /** Barrier level in price units; > 0. */
  readonly barrier: number;
  /** Cash rebate paid at expiry if a knock-in never knocks in, or at expiry (QuantLib's analytic convention: at hit for knock-outs) if a knock-out knocks out; ≥ 0. */
  readonly rebate: number;
}

/**
 * What engines for barrier options receive.
 * @public
 */
export interface BarrierOptionArguments {
  readonly barrierType: BarrierType;
  readonly barrier: number;
  readonly rebate: number;
  readonly payoff: StrikedTypePayoff;
  readonly exercise: Exercise;
}

/**
 * A single-barrier option with continuous monitoring: one of the eight
 * (down/up × in/out × call/put) types, with an optional cash rebate.
 *
 * @remarks
 * `isTriggered(spot)` tells whether a spot is already past the barrier (engines refuse to price
 * a knocked option and say so).
 * Source: QuantLib `ql/instruments/barrieroption.hpp`; Reiner & Rubinstein (1991),
 * "Breaking down the barriers", Risk 4(8).
 *
 * @public
 */
export class BarrierOption extends OneAssetOption<BarrierOptionTerms, BarrierOptionArguments> {
  /**
   * @param barrierType - knock-in/out, down/up.
   * @param barrier - barrier level (price units); > 0.
   * @param rebate - cash rebate; ≥ 0.
   * @param payoff - a striked payoff (usually `PlainVanillaPayoff`).
   * @param exercise - usually `EuropeanExercise`; engines state what else they support.
   * @throws InvalidInputError naming the argument outside its range.
   */
  constructor(barrierType: BarrierType, barrier: number, rebate: number, payoff: StrikedTypePayoff, exercise: Exercise) {
    super({ barrierType, barrier, rebate, payoff, exercise });
    checkBarrierTerms(this.terms);
  }

  /** True when `spot` is already on the knocked side of the barrier. */
  isTriggered(spot: number): boolean {
    switch (this.terms.barrierType) {
      case BarrierType.DownIn:
      case BarrierType.DownOut:
        return spot <= this.terms.barrier;
      case BarrierType.UpIn:
      case BarrierType.UpOut:
        return spot >= this.terms.barrier;
    }
  }

  protected buildArguments(): BarrierOptionArguments {
    const t = this.terms;
    return { barrierType: t.barrierType, barrier: t.barrier, rebate: t.rebate, payoff: t.payoff, exercise: t.exercise };
  }

  protected rebuild(terms: BarrierOptionTerms): this {
    return new BarrierOption(terms.barrierType, terms.barrier, terms.rebate, terms.payoff, terms.exercise) as this;
  }
}

function checkBarrierTerms(t: BarrierOptionTerms): void {
  if (!Object.values(BarrierType).includes(t.barrierType)) {
    throw InvalidInputError.outOfRange('barrierType', t.barrierType, `{${Object.values(BarrierType).join(', ')}}`);
  }
  checkFinite('barrier', t.barrier);
  if (!(t.barrier > 0)) throw InvalidInputError.outOfRange('barrier', t.barrier, '(0, ∞)');
  checkNonNegative('rebate', t.rebate);
}
