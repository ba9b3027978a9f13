import { InvalidInputError, QuantflowError } from '../errors.js';
import type { BatchOptions } from './black.js';
import { impliedBlackVolatilityReference } from './impliedVol.reference.js';
import { kernelExports, kernelUnavailableReason } from './_lib/kernelModule.js';
import { checkColumn, outputColumn, resolveColumns } from './_lib/batchColumns.js';
import type { Column, ColumnDomain } from './_lib/batchColumns.js';
import { withScratch } from './withScratch.js';

/**
 * Inputs of {@link impliedBlackVolatilityBatch}, struct-of-arrays. Each field is a number or a
 * `Float64Array` of length n, or 1 (broadcast).
 * @public
 */
export interface ImpliedBlackVolatilityBatchInputs {
  /** Option prices, discounted by `discounts` (price units); see the allowed range on the function. */
  readonly prices: Float64Array | number;
  /** Forwards F to expiry; > 0. */
  readonly forwards: Float64Array | number;
  /** Strikes K; > 0. */
  readonly strikes: Float64Array | number;
  /** Times to expiry T in years (the vol's year fraction, e.g. Actual/365 Fixed); > 0. */
  readonly expiries: Float64Array | number;
  /** Discount factors D to payment; > 0; default 1 (prices already undiscounted). */
  readonly discounts?: Float64Array | number;
  /** Option types: +1 call, −1 put (`Float64Array` or `Int8Array`). */
  readonly optionTypes: Float64Array | Int8Array | number;
}

/** Options per WebAssembly call: 7 columns × 8 B × CHUNK ≈ 0.46 MB of scratch. */
const CHUNK = 8192;

const DOMAINS: readonly ColumnDomain[] = ['nonNegative', 'positive', 'positive', 'positive', 'positive', 'sign'];

/**
 * Implied Black-76 volatilities of a batch of European option prices, by Jäckel's
 * "Let's Be Rational".
 *
 * @remarks
 * For each option, σ solves D·Black(ω, F, K, σ√T) = price: the undiscounted price loses its
 * intrinsic value (ω(F − K))⁺ and is normalised by √(FK). Where the guess table reaches
 * (|ln(F/K)| ≲ 10·σ√T and σ√T ≲ 2 at the money; over 99 % of a market book) a bicubic guess good
 * to 1e-5 takes one third-order Householder step; elsewhere Jäckel's four-branch rational initial
 * guess takes at most two (no loop to convergence, no tolerance to choose). The accuracy statement
 * of {@link blackFormulaImpliedStdDev} holds: the round trip price → σ → price is within 1e-13
 * relative wherever the time value stands above 2⁻⁵⁰·max(F, K); σ itself is as accurate as the
 * price allows. The three backends run one algorithm (`kernels/impliedvol.ts`, its TypeScript
 * reference `impliedVol.reference.ts`) with the module's own exp, log, Φ and erfcx, and the same
 * table; they agree bit for bit (tested: ≤ 1e-14 relative on random books, exactly at the table's
 * edges). Every input is checked before any work — in the WebAssembly module for the WASM
 * backends, in TypeScript to name a failure — and the loops then run in chunks of 8192 options.
 *
 * Source: P. Jäckel, "Let's Be Rational", Wilmott (January 2015) 40–53, 2016 revision;
 * Φ⁻¹ by M. J. Wichura, AS 241 (1988); erfc/erfcx by W. J. Cody (1969); the tabulated guess after
 * K. Glau, P. Herold, D. B. Madan, C. Pötz, J. Comput. Finance (2019), arXiv:1710.01797.
 *
 * Checked against: QuantLib 1.29 implied vols (test/reference, section `bsm_implied_vol`); round
 * trips through {@link blackFormula}; the three backends against each other on 10^5 random
 * options (test/kernels/impliedVol.test.ts).
 *
 * @param inputs - prices (discounted), forwards, strikes, expiries (years), discounts (default 1),
 *   optionTypes (±1); each a number or a `Float64Array` of length n, or 1 (broadcast).
 * @param out - optional output `Float64Array` of length ≥ n; allocated when missing.
 * @param options - `backend`: `'auto'` (default: SIMD WebAssembly where available, else
 *   TypeScript), `'simd'`, `'scalar'` or `'typescript'`.
 * @returns σ per option (annualised decimals, 0.2 = 20 %), length n (or the given array); 0 where
 *   the price equals the discounted intrinsic value.
 * @throws InvalidInputError when lengths disagree (other than 1), `out` is too short, an element
 *   is out of range (prices finite ≥ 0; forwards, strikes, expiries, discounts finite > 0; option
 *   types ±1), or a price is outside [D·(ω(F − K))⁺, D·F) for a call, [.., D·K) for a put: the
 *   message names the argument and index (`prices[3] = …`), the value and the allowed range.
 *   Nothing is written to `out` then.
 * @throws InvalidInputError when `options.backend` is not one of the four names.
 * @throws QuantflowError (code `KERNEL_UNAVAILABLE`) when `backend` is `'simd'` or `'scalar'` and
 *   the WebAssembly module is unavailable.
 *
 * @example
 * ```ts
 * import { impliedBlackVolatilityBatch } from 'quantflow';
 * const vols = impliedBlackVolatilityBatch({
 *   prices: Float64Array.of(7.57708214642728, 8.029392917509307e-6), forwards: 100,
 *   strikes: Float64Array.of(100, 200), expiries: Float64Array.of(1, 0.25),
 *   discounts: Float64Array.of(0.951229424500714, 0.9950124791926823), optionTypes: 1,
 * });
 * [vols[0], vols[1]];
 * //=> [0.20000000000000018, 0.3000000000089932]
 * // QuantLib 1.29 priced both at σ = 0.2 and 0.3; its deep out-of-the-money price is 7.2e-10
 * // (relative) above the exact one (60-digit mpmath), which the inversion faithfully reflects.
 * ```
 * @see blackFormulaImpliedStdDev
 * @public
 */
export function impliedBlackVolatilityBatch(
  inputs: ImpliedBlackVolatilityBatchInputs,
  out?: Float64Array,
  options?: BatchOptions,
): Float64Array {
  const { n, columns } = resolveColumns([
    ['prices', inputs.prices],
    ['forwards', inputs.forwards],
    ['strikes', inputs.strikes],
    ['expiries', inputs.expiries],
    ['discounts', inputs.discounts ?? 1],
    ['optionTypes', inputs.optionTypes],
  ]);
  const vols = outputColumn('out', out, n);
  const backend = options?.backend ?? 'auto';
  if (backend !== 'auto' && backend !== 'simd' && backend !== 'scalar' && backend !== 'typescript') {
    throw InvalidInputError.outOfRange('options.backend', backend, "{'auto', 'simd', 'scalar', 'typescript'}");
  }
  const [P, F, K, T, D, w] = columns;
  if (backend === 'typescript' || (backend === 'auto' && kernelExports() === undefined)) {
    validate(n, columns);
    impliedBlackVolatilityReference(n, P.data, F.data, K.data, T.data, D.data, w.data, vols);
  } else if (kernelExports() === undefined) {
    throw new QuantflowError(
      `backend '${backend}' needs the WebAssembly kernels: ${kernelUnavailableReason() ?? 'unavailable'}`,
      'KERNEL_UNAVAILABLE',
      { backend },
    );
  } else {
    runWasm(backend === 'scalar', n, columns, vols);
  }
  return vols;
}

/** Every check in TypeScript: throws InvalidInputError naming the first bad argument, index, value and range. */
function validate(n: number, columns: Column[]): void {
  for (let c = 0; c < columns.length; c++) checkColumn(columns[c], DOMAINS[c]);
  checkPriceBounds(n, columns);
}

/** Throws InvalidInputError for the first price outside [D·(ω(F − K))⁺, D·(ω > 0 ? F : K)). */
function checkPriceBounds(n: number, columns: Column[]): void {
  const [P, F, K, , D, w] = columns.map((c) => c.data);
  const sP = P.length === 1 ? 0 : 1;
  const sF = F.length === 1 ? 0 : 1;
  const sK = K.length === 1 ? 0 : 1;
  const sD = D.length === 1 ? 0 : 1;
  const sW = w.length === 1 ? 0 : 1;
  for (let i = 0; i < n; i++) {
    // Discounted terms, as blackFormula computes them: D·intrinsic is accepted exactly.
    const d = D[i * sD];
    const p = P[i * sP];
    const f = F[i * sF];
    const k = K[i * sK];
    const om = w[i * sW];
    const lower = d * Math.max(om * (f - k), 0);
    const upper = d * (om > 0 ? f : k);
    if (!(p >= lower && p < upper)) {
      throw InvalidInputError.outOfRange(
        P.length === 1 ? 'prices' : `prices[${i}]`,
        p,
        `[${lower}, ${upper}) (from the discounted intrinsic value up to, not including, the discounted ${om > 0 ? 'forward (call)' : 'strike (put)'})`,
      );
    }
  }
}

/**
 * The WebAssembly path in chunks: a first pass copies and checks every chunk in the module (the
 * TypeScript checks run only to name a failure, so nothing is written to `vols` then), a second
 * copies (unless one chunk holds all) and inverts.
 */
function runWasm(scalar: boolean, n: number, columns: Column[], vols: Float64Array): void {
  withScratch((scratch) => {
    const kernel = scalar ? scratch.kernels.impliedVolScalar : scratch.kernels.impliedVolSimd;
    const chunk = Math.min(n, CHUNK);
    const ins = columns.map(() => scratch.f64(chunk));
    const outBlock = scratch.f64(chunk);
    const [ip, iF, iK, iT, iD, iw] = ins.map((b) => b.byteOffset);
    for (let c = 0; c < columns.length; c++) {
      const data = columns[c].data;
      if (data.length === 1) ins[c].view.fill(data[0]);
    }
    const copy = (start: number, m: number) => {
      for (let c = 0; c < columns.length; c++) {
        const data = columns[c].data;
        if (data.length !== 1) ins[c].view.set(data.subarray(start, start + m));
      }
    };
    for (let start = 0; start < n; start += CHUNK) {
      const m = Math.min(CHUNK, n - start);
      copy(start, m);
      if (scratch.kernels.impliedVolValidate(m, ip, iF, iK, iT, iD, iw) >= 0) {
        validate(n, columns);
        throw new InvalidInputError('impliedBlackVolatilityBatch: inputs outside the kernel domain'); // unreachable if the two checks agree
      }
    }
    for (let start = 0; start < n; start += CHUNK) {
      const m = Math.min(CHUNK, n - start);
      if (n > CHUNK) copy(start, m);
      kernel(m, ip, iF, iK, iT, iD, iw, outBlock.byteOffset);
      vols.set(m === chunk ? outBlock.view : outBlock.view.subarray(0, m), start);
    }
  });
}
