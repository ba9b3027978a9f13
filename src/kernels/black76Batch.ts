import { blackScholesBatch } from './black.js';
import type { BatchOptions, BlackScholesBatchOutputs } from './black.js';
import { InvalidInputError } from '../errors.js';
import { kernelExports } from './_lib/kernelModule.js';

/**
 * Inputs of {@link black76Batch}, struct-of-arrays. Each field is a number or a `Float64Array`
 * of length n, or 1 (broadcast).
 * @public
 */
export interface Black76BatchInputs {
  /** Forward (futures) prices F; > 0. */
  readonly forwards: Float64Array | number;
  /** Strikes K; > 0. */
  readonly strikes: Float64Array | number;
  /** Times to expiry T in years; ≥ 0. */
  readonly expiries: Float64Array | number;
  /** Discount rates r, continuously compounded (discount factor e^(−rT)); finite. */
  readonly discountRates: Float64Array | number;
  /** Black volatilities σ (0.2 = 20 %); ≥ 0. */
  readonly volatilities: Float64Array | number;
  /** Option types: +1 call, −1 put. */
  readonly optionTypes: Float64Array | Int8Array | number;
}

/**
 * Outputs of {@link black76Batch}; Greeks are taken holding the forward fixed.
 * @public
 */
export interface Black76BatchOutputs {
  /** Present values V = e^(−rT)·ω(F·Φ(ωd1) − K·Φ(ωd2)). */
  readonly prices: Float64Array;
  /** ∂V/∂F (forward delta, discounted). */
  readonly deltas: Float64Array;
  /** ∂²V/∂F². */
  readonly gammas: Float64Array;
  /** ∂V/∂σ per 1.00 of vol. */
  readonly vegas: Float64Array;
  /** dV/dt per year, calendar time, F fixed. */
  readonly thetas: Float64Array;
  /** ∂V/∂r per 1.00 of the discount rate with F fixed (= −T·V). */
  readonly rhos: Float64Array;
}

/**
 * Black-76 prices and Greeks of European options on forwards/futures, for a batch.
 *
 * @remarks
 * V = D·ω(F·Φ(ωd1) − K·Φ(ωd2)), d1,2 = (ln(F/K) ± σ²T/2)/(σ√T), D = e^(−rT). Runs the
 * generalized Black–Scholes–Merton kernel with S = F and q = r, which is exactly this formula;
 * rho is the derivative in r with F held fixed, −T·V. Conventions as in
 * {@link blackScholesBatch}: vega per 1.00, theta per year. σ√T ≤ 1e-100 gives D·(ω(F − K))⁺.
 *
 * Source: F. Black (1976), "The pricing of commodity contracts", J. Financial Economics 3,
 * 167–179; Haug (2007) §1.1.4.
 *
 * Checked against: QuantLib 1.29 `blackFormula` (section `black76` of
 * test/reference/quantlib-1.29.json, displacement 0 cases) and blackScholesBatch with q = r.
 *
 * @param inputs - forwards (> 0), strikes (> 0), expiries (years, ≥ 0), discountRates
 * (continuous), volatilities (≥ 0), optionTypes (±1); each a number or a `Float64Array` of
 * length n, or 1 (broadcast).
 * @param outputs - optional preallocated output arrays (length ≥ n each).
 * @param options - `backend` as in {@link blackScholesBatch}.
 * @returns prices, deltas (∂V/∂F), gammas, vegas (per 1.00), thetas (per year), rhos (per 1.00).
 * @throws InvalidInputError when lengths disagree or an element is out of range; the message
 * names the argument (`forwards`, `discountRates`, … with index) and the allowed range.
 * @throws QuantflowError (code `KERNEL_UNAVAILABLE`) when a WebAssembly backend is requested
 * but unavailable.
 *
 * @example
 * ```ts
 * import { black76Batch } from 'quantflow';
 * black76Batch({ forwards: 100, strikes: 100, expiries: 1, discountRates: 0.05,
 *   volatilities: 0.2, optionTypes: 1 }).prices[0];
 * //=> 7.577082146427273 (QuantLib 1.29 blackFormula: 7.57708214642728)
 * ```
 * @see blackScholesBatch
 * @public
 */
export function black76Batch(
  inputs: Black76BatchInputs,
  outputs?: Partial<Black76BatchOutputs>,
  options?: BatchOptions,
): Black76BatchOutputs {
  let result: BlackScholesBatchOutputs;
  // Read before the call: views of the kernel memory are detached if the call grows it (the
  // expiries are then read through a fresh view).
  const expiriesAt = inModuleMemory(inputs.expiries);
  const n = Math.max(
    1,
    ...[inputs.forwards, inputs.strikes, inputs.expiries, inputs.discountRates, inputs.volatilities, inputs.optionTypes].map((c) =>
      typeof c === 'number' ? 1 : c.length,
    ),
  );
  try {
    result = blackScholesBatch(
      {
        spots: inputs.forwards,
        strikes: inputs.strikes,
        expiries: inputs.expiries,
        rates: inputs.discountRates,
        dividendYields: inputs.discountRates,
        volatilities: inputs.volatilities,
        optionTypes: inputs.optionTypes,
      },
      { ...outputs, dividendRhos: discardBuffer(inputs) },
      options,
    );
  } catch (e) {
    throw renameSpots(e);
  }
  const { prices, rhos } = result;
  const T = liveView(inputs.expiries, expiriesAt);
  const m = Math.min(n, prices.length);
  if (typeof T === 'number' || T.length === 1) {
    const t = typeof T === 'number' ? T : T[0];
    for (let i = 0; i < m; i++) rhos[i] = -t * prices[i];
  } else {
    for (let i = 0; i < m; i++) rhos[i] = -T[i] * prices[i];
  }
  return { prices, deltas: result.deltas, gammas: result.gammas, vegas: result.vegas, thetas: result.thetas, rhos };
}

/** [byteOffset, length] of a Float64Array that is a view of the kernel module's memory, else undefined. */
function inModuleMemory(c: Float64Array | Int8Array | number): readonly [number, number] | undefined {
  const memory = typeof c === 'number' ? undefined : kernelExports()?.memory;
  return memory !== undefined && typeof c !== 'number' && c instanceof Float64Array && c.buffer === memory.buffer ? [c.byteOffset, c.length] : undefined;
}

/** `c`, or a fresh view of the same bytes when it was a view of the kernel memory (detached if the memory grew). */
function liveView(c: Float64Array | Int8Array | number, at: readonly [number, number] | undefined): Float64Array | Int8Array | number {
  const memory = kernelExports()?.memory;
  return at === undefined || memory === undefined ? c : new Float64Array(memory.buffer, at[0], at[1]);
}

let discard = new Float64Array(0);

/** A reused buffer for the kernel's dividend-rho column, which Black-76 does not report. */
function discardBuffer(inputs: Black76BatchInputs): Float64Array {
  let n = 1;
  for (const c of [inputs.forwards, inputs.strikes, inputs.expiries, inputs.discountRates, inputs.volatilities, inputs.optionTypes]) {
    if (typeof c !== 'number' && c.length !== 1) n = c.length;
  }
  if (discard.length < n) discard = new Float64Array(n);
  return discard;
}

/** The shared kernel names the forward column `spots` and the rate `rates`; say `forwards` / `discountRates`. */
function renameSpots(e: unknown): unknown {
  if (!(e instanceof InvalidInputError)) return e;
  const argument = e.details['argument'];
  if (typeof argument !== 'string') return e;
  const renamed = argument.replace(/^spots/, 'forwards').replace(/^(rates|dividendYields)/, 'discountRates');
  const allowed = String(e.details['allowed']);
  const allowedRenamed = allowed.replace(/\bspots\b/, 'forwards').replace(/\b(rates|dividendYields)\b/, 'discountRates');
  if (renamed === argument && allowedRenamed === allowed) return e;
  return InvalidInputError.outOfRange(renamed, e.details['value'], allowedRenamed);
}
