import { InvalidInputError, QuantflowError } from '../errors.js';
import { blackScholesReference } from './black.reference.js';
import { kernelExports, kernelUnavailableReason } from './_lib/kernelModule.js';
import { checkColumn, firstBadOutput, outputColumn, resolveColumns } from './_lib/batchColumns.js';
import type { Column, ColumnDomain } from './_lib/batchColumns.js';
import { withScratch } from './withScratch.js';

/**
 * Inputs of {@link blackScholesBatch}, struct-of-arrays. Each field is a number or a
 * `Float64Array` of length n, or 1 (broadcast).
 * @public
 */
export interface BlackScholesBatchInputs {
  /** Spot prices S; > 0. */
  readonly spots: Float64Array | number;
  /** Strikes K; > 0. */
  readonly strikes: Float64Array | number;
  /** Times to expiry T in years (e.g. Actual/365 Fixed); ≥ 0. */
  readonly expiries: Float64Array | number;
  /** Risk-free rates r, continuously compounded, per year; finite (negative allowed). */
  readonly rates: Float64Array | number;
  /** Dividend yields q (or foreign rates, borrow costs), continuous, per year; finite. */
  readonly dividendYields: Float64Array | number;
  /** Black volatilities σ, annualised decimals (0.2 = 20 %); ≥ 0. */
  readonly volatilities: Float64Array | number;
  /** Option types: +1 call, −1 put (`Float64Array` or `Int8Array`). */
  readonly optionTypes: Float64Array | Int8Array | number;
}

/**
 * Outputs of {@link blackScholesBatch}: one `Float64Array` of length n per quantity, in
 * QuantLib conventions.
 * @public
 */
export interface BlackScholesBatchOutputs {
  /** Present values V. */
  readonly prices: Float64Array;
  /** Δ = ∂V/∂S. */
  readonly deltas: Float64Array;
  /** Γ = ∂²V/∂S². */
  readonly gammas: Float64Array;
  /** Vega ∂V/∂σ per 1.00 of volatility (divide by 100 for per vol point). */
  readonly vegas: Float64Array;
  /** Theta dV/dt per year in calendar time (= −∂V/∂T; divide by 365 for per day). */
  readonly thetas: Float64Array;
  /** Rho ∂V/∂r per 1.00 of rate. */
  readonly rhos: Float64Array;
  /** Dividend rho ∂V/∂q per 1.00 of yield. */
  readonly dividendRhos: Float64Array;
}

/**
 * Which implementation runs a batch: `'auto'` (SIMD WebAssembly if available, else TypeScript),
 * `'simd'` (f64x2 WebAssembly loop), `'scalar'` (scalar WebAssembly loop, same algorithm), or
 * `'typescript'` (the reference implementation).
 * @public
 */
export type BatchBackend = 'auto' | 'simd' | 'scalar' | 'typescript';

/**
 * Options of the batch kernels.
 * @public
 */
export interface BatchOptions {
  /** Implementation to use; default `'auto'`. */
  readonly backend?: BatchBackend;
}

/** Options per WebAssembly call: bounds the scratch footprint (14 columns × 8 B × CHUNK ≈ 0.9 MB). */
const CHUNK = 8192;

/**
 * Generalized Black–Scholes–Merton prices and Greeks of European options, for a batch.
 *
 * @remarks
 * V = ω(S·e^(−qT)·Φ(ωd1) − K·e^(−rT)·Φ(ωd2)), d1,2 = (ln(S/K) + (r − q)T)/(σ√T) ± σ√T/2,
 * ω = +1 for calls, −1 for puts. Black-76 on futures is the case S = F, q = r (see
 * {@link black76Batch}). Greeks follow QuantLib: vega per 1.00 of vol, theta = dV/dt per year
 * in calendar time, rho and dividend rho per 1.00. When σ√T ≤ 1e-100 (zero vol or zero expiry included)
 * the limits are returned: the discounted intrinsic value ω(S·e^(−qT) − K·e^(−rT))⁺, Δ = ω·e^(−qT)
 * or 0 (½ exactly at the forward), Γ = 0 (+∞ exactly at the forward), vega 0 (except at the
 * forward). Inputs are validated once, then the work runs on the SIMD WebAssembly kernel in
 * chunks of 8192 options; the transcendentals there (exp, log, Φ) are the kernel's own
 * polynomial/rational approximations, accurate to a few ulp. The d2 term reuses d1's Gaussian
 * factor (K·e^(−rT)·φ(d2) = S·e^(−qT)·φ(d1)), which also keeps prices accurate to ~1e-12
 * relative where the two terms cancel (deep out of the money).
 *
 * Columns that already live in the WebAssembly memory — `Float64Array` views of it, such as a
 * `withScratch` block's `view` — are handed to the kernel by pointer, without copying, inputs
 * and outputs alike. If the call has to grow that memory (which detaches every older view of
 * it), the returned output arrays are fresh views of the same bytes: read results through the
 * returned object. Outputs must not overlap inputs other than exactly.
 *
 * Source: F. Black, M. Scholes (1973); R. C. Merton (1973); E. G. Haug, The Complete Guide to
 * Option Pricing Formulas, 2nd ed. (2007), §1.1.6 and §2.1. Φ: W. J. Cody (1969), Math. Comp. 23.
 *
 * Checked against: QuantLib 1.29 AnalyticEuropeanEngine (npv and six Greeks,
 * test/reference/quantlib-1.29.json), 50-digit mpmath prices of deep out-of-the-money options,
 * put–call parity, the zero-vol limit, and the three backends against each other on 10^5
 * random options.
 *
 * @param inputs - spots, strikes, expiries (years, ≥ 0), rates, dividendYields (continuous),
 * volatilities (≥ 0), optionTypes (±1); each a number or a `Float64Array` of length n, or 1
 * (broadcast).
 * @param outputs - optional preallocated output arrays, each a `Float64Array` of length ≥ n;
 * missing ones are allocated. Views of the WebAssembly memory are written in place.
 * @param options - `backend`: `'auto'` (default), `'simd'`, `'scalar'` or `'typescript'`.
 * @returns the outputs (length n each, or the given arrays — or fresh views of the same bytes
 * when given views of the WebAssembly memory were detached by its growth): prices, deltas,
 * gammas, vegas (per 1.00), thetas (per year), rhos (per 1.00), dividendRhos (per 1.00).
 * @throws InvalidInputError when array lengths disagree (other than 1), when an output is too
 * short, or when an element is out of range: spots and strikes must be finite and > 0,
 * expiries and volatilities finite and ≥ 0, rates and dividend yields finite, option types
 * ±1. The message names the argument and index, e.g. `strikes[3] = -1 …`. Also when valid
 * inputs overflow double precision together (|r·T| or |q·T| ≳ 709, S/K beyond 1e±308): the
 * message names the option's index and inputs. After any error the output arrays may be
 * partly written (full-length inputs are validated chunk by chunk, as they are copied into the
 * WebAssembly memory).
 * @throws InvalidInputError when `options.backend` is not one of the four names.
 * @throws QuantflowError (code `KERNEL_UNAVAILABLE`) when `backend` is `'simd'` or `'scalar'`
 * and the WebAssembly module is unavailable.
 *
 * @example
 * ```ts
 * import { blackScholesBatch } from 'quantflow';
 * const out = blackScholesBatch({
 *   spots: 100, strikes: Float64Array.of(90, 100, 110), expiries: 1,
 *   rates: 0.05, dividendYields: 0.02, volatilities: 0.2, optionTypes: 1,
 * });
 * out.prices[1];
 * //=> 9.227005508154036 (QuantLib 1.29: 9.227005508154061)
 * ```
 * @see black76Batch
 * @public
 */
export function blackScholesBatch(
  inputs: BlackScholesBatchInputs,
  outputs?: Partial<BlackScholesBatchOutputs>,
  options?: BatchOptions,
): BlackScholesBatchOutputs {
  const { n, columns } = resolveColumns([
    ['spots', inputs.spots],
    ['strikes', inputs.strikes],
    ['expiries', inputs.expiries],
    ['rates', inputs.rates],
    ['dividendYields', inputs.dividendYields],
    ['volatilities', inputs.volatilities],
    ['optionTypes', inputs.optionTypes],
  ]);
  const [S, K, T, r, q, vol, w] = columns;
  const out: BlackScholesBatchOutputs = {
    prices: outputColumn('outputs.prices', outputs?.prices, n),
    deltas: outputColumn('outputs.deltas', outputs?.deltas, n),
    gammas: outputColumn('outputs.gammas', outputs?.gammas, n),
    vegas: outputColumn('outputs.vegas', outputs?.vegas, n),
    thetas: outputColumn('outputs.thetas', outputs?.thetas, n),
    rhos: outputColumn('outputs.rhos', outputs?.rhos, n),
    dividendRhos: outputColumn('outputs.dividendRhos', outputs?.dividendRhos, n),
  };
  const backend = options?.backend ?? 'auto';
  if (backend !== 'auto' && backend !== 'simd' && backend !== 'scalar' && backend !== 'typescript') {
    throw InvalidInputError.outOfRange('options.backend', backend, "{'auto', 'simd', 'scalar', 'typescript'}");
  }
  if (backend === 'typescript' || (backend === 'auto' && kernelExports() === undefined)) {
    validate(columns, false);
    blackScholesReference(n, S.data, K.data, T.data, r.data, q.data, vol.data, w.data, out);
    const bad = firstBadOutput(out.prices, [out.deltas, out.gammas, out.vegas, out.thetas, out.rhos, out.dividendRhos], n);
    if (bad >= 0) throw overflowError(bad, columns);
  } else if (kernelExports() === undefined) {
    throw new QuantflowError(
      `backend '${backend}' needs the WebAssembly kernels: ${kernelUnavailableReason() ?? 'unavailable'}`,
      'KERNEL_UNAVAILABLE',
      { backend },
    );
  } else {
    // Broadcast (length-1) columns are checked here; full columns chunk by chunk in WebAssembly.
    validate(columns, true);
    return runWasm(backend === 'scalar', n, columns, out);
  }
  return out;
}

const DOMAINS: readonly ColumnDomain[] = ['positive', 'positive', 'nonNegative', 'finite', 'finite', 'nonNegative', 'sign'];

/** Checks the columns (spots … optionTypes order) in TypeScript; `onlyBroadcast` skips full-length ones. */
function validate(columns: Column[], onlyBroadcast: boolean): void {
  for (let c = 0; c < columns.length; c++) {
    if (!onlyBroadcast || columns[c].data.length === 1) checkColumn(columns[c], DOMAINS[c]);
  }
}

/** Valid inputs whose combination overflows double precision (e.g. e^(−rT) = ∞ or S·sd underflowing to 0). */
function overflowError(i: number, columns: Column[]): InvalidInputError {
  const at = (c: Column) => c.data[c.data.length === 1 ? 0 : i];
  const [S, K, T, r, q, vol] = columns.map(at);
  const text = `S=${S}, K=${K}, T=${T}, r=${r}, q=${q}, σ=${vol}`;
  return new InvalidInputError(
    `option ${i} (${text}) is outside the range double precision can price: need |r·T|, |q·T| < 700, S/K and K/S < 1e300, σ√T < 1e300`,
    { argument: `inputs[${i}]`, value: { S, K, T, r, q, vol }, allowed: '|r·T|, |q·T| < 700; S/K, K/S < 1e300; σ√T < 1e300' },
  );
}

/**
 * Byte offset of `a` in the module's memory when `a` is a Float64Array view of that memory
 * (e.g. a `withScratch` block's `view`), else −1. Such columns are handed to the kernel by
 * pointer, without copying.
 */
function offsetInModule(a: Float64Array | Int8Array, buffer: ArrayBufferLike): number {
  return a instanceof Float64Array && a.buffer === buffer && a.byteOffset % 8 === 0 ? a.byteOffset : -1;
}

function runWasm(scalar: boolean, n: number, columns: Column[], out: BlackScholesBatchOutputs): BlackScholesBatchOutputs {
  const outs = [out.prices, out.deltas, out.gammas, out.vegas, out.thetas, out.rhos, out.dividendRhos];
  const memory = (kernelExports() as NonNullable<ReturnType<typeof kernelExports>>).memory;
  // Everything read from the caller's arrays is read before the first allocation: if it grows
  // the memory, views of the old buffer (columns that live in the module) are detached.
  const buffer = memory.buffer;
  const inPtr = columns.map((c) => (c.data.length === 1 ? -1 : offsetInModule(c.data, buffer)));
  const outPtr = outs.map((a) => offsetInModule(a, buffer));
  const outLength = outs.map((a) => a.length);
  const broadcast = columns.map((c) => (c.data.length === 1 ? c.data[0] : Number.NaN));
  // A column in the module that cannot go by pointer (an Int8Array of option types) is copied now.
  const source = columns.map((c, j) => (inPtr[j] < 0 && c.data.buffer === buffer ? c.data.slice() : c.data));
  return withScratch((scratch) => {
    const kernel = scalar ? scratch.kernels.blackScalar : scratch.kernels.blackSimd;
    const chunk = Math.min(n, CHUNK);
    const ins = inPtr.map((p) => (p >= 0 ? undefined : scratch.f64(chunk)));
    const outBlocks = outPtr.map((p) => (p >= 0 ? undefined : scratch.f64(chunk)));
    // No allocation below, so the memory cannot grow any more. Columns living in the module
    // get views of the current buffer (for error messages and the returned outputs).
    const live = columns.map((c, j) => (inPtr[j] >= 0 ? { name: c.name, data: new Float64Array(memory.buffer, inPtr[j], c.data.length) } : c));
    const result = outs.map((a, j) => (outPtr[j] >= 0 && a.buffer !== memory.buffer ? new Float64Array(memory.buffer, outPtr[j], outLength[j]) : a));
    for (let c = 0; c < columns.length; c++) ins[c]?.view.fill(broadcast[c]);
    const ip = [0, 0, 0, 0, 0, 0, 0];
    const op = [0, 0, 0, 0, 0, 0, 0];
    for (let start = 0; start < n; start += CHUNK) {
      const m = Math.min(CHUNK, n - start);
      for (let c = 0; c < columns.length; c++) {
        const block = ins[c];
        if (block === undefined) ip[c] = inPtr[c] + 8 * start;
        else {
          ip[c] = block.byteOffset;
          const data = source[c];
          if (data.length !== 1) block.view.set(data.subarray(start, start + m));
        }
      }
      for (let c = 0; c < outs.length; c++) op[c] = outBlocks[c]?.byteOffset ?? outPtr[c] + 8 * start;
      if (scratch.kernels.blackValidate(m, ip[0], ip[1], ip[2], ip[3], ip[4], ip[5], ip[6]) >= 0) {
        validate(live, false); // names the argument, index, value and allowed range
        throw new InvalidInputError('blackScholesBatch: inputs outside the kernel domain'); // unreachable if the two checks agree
      }
      const flagged = kernel(m, ip[0], ip[1], ip[2], ip[3], ip[4], ip[5], ip[6], op[0], op[1], op[2], op[3], op[4], op[5], op[6]);
      if (flagged !== 0) {
        const views = op.map((p) => new Float64Array(memory.buffer, p, m));
        const bad = firstBadOutput(views[0], views.slice(1), m);
        throw overflowError(start + Math.max(bad, 0), live);
      }
      for (let c = 0; c < outs.length; c++) {
        const block = outBlocks[c];
        if (block !== undefined) result[c].set(m === chunk ? block.view : block.view.subarray(0, m), start);
      }
    }
    const [prices, deltas, gammas, vegas, thetas, rhos, dividendRhos] = result;
    return { prices, deltas, gammas, vegas, thetas, rhos, dividendRhos };
  });
}
