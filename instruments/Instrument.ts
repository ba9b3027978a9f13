import { freeze, produce, type Draft } from 'immer';
import type { Observable as RxObservable } from 'rxjs';
import type { PricingEngine } from '../engines/PricingEngine.js';
import { QuantflowError } from '../src/errors.js';
import { LazyObject } from '../src/patterns/LazyObject.js';
import type { PricingResult } from './PricingResult.js';
import type { Greeks, PricingResults } from './PricingResults.js';

/**
 * A contract with immutable terms, priced lazily by a swappable {@link PricingEngine}.
 *
 * @remarks
 * `performCalculations` follows QuantLib: an expired instrument is worth 0; otherwise the
 * instrument builds its arguments from its terms, validates them, hands them to the engine
 * and keeps the engine's results. Terms are immer-frozen plain data; {@link Instrument.with}
 * returns a new instrument with edited terms on the same engine (and so the same market).
 *
 * Observes: its pricing engine (and whatever the subclass registers, e.g. the evaluation date).
 *
 * Source: QuantLib `ql/instrument.hpp`.
 * Checked against: `test/instruments/VanillaOption.test.ts`, `test/patterns/graph.test.ts`.
 *
 * @typeParam Terms - the contract's plain-data terms.
 * @typeParam Args - the arguments record its engines take.
 * @public
 */
export abstract class Instrument<Terms extends object, Args> extends LazyObject {
  /** The contract terms, deeply frozen. */
  readonly terms: Terms;
  private engine: PricingEngine<Args> | null = null;
  private results: PricingResults | null = null;

  /** @param terms - the contract terms; frozen in place. */
  protected constructor(terms: Terms) {
    super();
    this.terms = freeze(terms, true);
  }

  /** The arguments the engine prices, built from the terms and validated. */
  protected abstract buildArguments(): Args;

  /** A new instrument of the same class with `terms` (no engine attached). */
  protected abstract rebuild(terms: Terms): this;

  /** True when the instrument has expired at the evaluation date (then its value is 0). */
  isExpired(): boolean {
    return false;
  }

  /**
   * Sets (or swaps) the engine; listeners reprice with it.
   * @param engine - the pricing engine for this instrument's family.
   */
  setPricingEngine(engine: PricingEngine<Args>): void {
    if (engine === this.engine) return;
    if (this.engine !== null) this.unregisterWith(this.engine);
    this.engine = engine;
    this.registerWith(engine);
    this.update();
  }

  /**
   * Detaches the instrument from its engine, so that nothing upstream references it.
   * Live `results$` subscriptions stop receiving reprices.
   */
  dispose(): void {
    if (this.engine !== null) this.unregisterWith(this.engine);
    this.engine = null;
  }

  /** The engine in use, or `null`. */
  pricingEngine(): PricingEngine<Args> | null {
    return this.engine;
  }

  protected performCalculations(): void {
    this.results = null;
    if (this.isExpired()) {
      this.results = { value: 0, greeks: {}, additionalResults: {} };
      return;
    }
    if (this.engine === null) {
      throw new QuantflowError(`${this.constructor.name}: no pricing engine set`, 'NO_PRICING_ENGINE');
    }
    this.results = this.engine.calculate(this.buildArguments());
  }

  /**
   * Net present value.
   * @throws QuantflowError when pricing fails (no engine, invalid quote, bad arguments…).
   */
  NPV(): number {
    return this.currentResults().value;
  }

  /**
   * Standard error of the NPV for statistical engines.
   * @throws QuantflowError (code `MISSING_RESULT`) when the engine gives none.
   */
  errorEstimate(): number {
    const e = this.currentResults().errorEstimate;
    if (e === undefined) throw missingResult(this, 'errorEstimate');
    return e;
  }

  /**
   * A Greek (`"delta"`, `"vega"`…) or an additional result (`"forward"`…) by name.
   * @throws QuantflowError (code `MISSING_RESULT`) naming the result when the engine did not produce it.
   */
  result(name: keyof Greeks | (string & {})): number {
    const r = this.currentResults();
    const v = (r.greeks as Record<string, number | undefined>)[name] ?? r.additionalResults[name];
    if (v === undefined) throw missingResult(this, name);
    return v;
  }

  /** All results of the last calculation (recomputed if stale). */
  pricingResults(): PricingResults {
    return this.currentResults();
  }

  /**
   * Live reprices: the current result on subscription, then one emission per propagation that
   * reached the instrument, computed after the whole graph was invalidated (glitch-free).
   * Errors arrive as `{ ok: false, error }` and the stream keeps going.
   */
  get results$(): RxObservable<PricingResult> {
    return this.sinkStream(() => this.snapshot(), true);
  }

  /**
   * A new instrument with terms edited by `recipe` (immer), on the same engine.
   * @param recipe - mutates a draft of the terms.
   * @returns the new instrument; this one is unchanged.
   * @throws InvalidInputError when the new terms are invalid (checked on construction).
   */
  with(recipe: (draft: Draft<Terms>) => void): this {
    const next = this.rebuild(produce(this.terms, recipe) as Terms);
    if (this.engine !== null) next.setPricingEngine(this.engine);
    return next;
  }

  private currentResults(): PricingResults {
    this.calculate();
    return this.results as PricingResults;
  }

  private snapshot(): PricingResult {
    try {
      const r = this.currentResults();
      return { ok: true, npv: r.value, errorEstimate: r.errorEstimate, greeks: r.greeks, additionalResults: r.additionalResults };
    } catch (error) {
      return { ok: false, error: asQuantflowError(error) };
    }
  }
}

function missingResult(instrument: object, name: string): QuantflowError {
  return new QuantflowError(`${instrument.constructor.name}: result "${name}" not provided by the pricing engine`, 'MISSING_RESULT', {
    result: name,
  });
}

function asQuantflowError(error: unknown): QuantflowError {
  if (error instanceof QuantflowError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new QuantflowError(`pricing failed: ${message}`, 'INTERNAL', {}, { cause: error });
}
