// Internal: the one instance of the quantflow WebAssembly module, loaded synchronously on first
// use (Node, workers, anywhere synchronous compilation of a ~16 kB module is allowed) or
// asynchronously by init() (browsers' main thread, which refuses synchronous compilation of
// modules above 4 kB).
import { simdSupported } from './simdSupported.js';
import { wasmBase64 } from './wasmBinary.js';

/**
 * Pointer-taking Black kernel signature: n, 7 input pointers, 7 output pointers (byte offsets).
 * Returns 1 if some output is unusable (price not finite or a Greek NaN), else 0. @internal
 */
export type BlackKernel = (
  n: number,
  S: number, K: number, T: number, r: number, q: number, vol: number, w: number,
  price: number, delta: number, gamma: number, vega: number, theta: number, rho: number, divRho: number,
) => number;

/** Index of the first option with inputs outside the Black kernel's domain, or −1. @internal */
export type BlackValidator = (n: number, S: number, K: number, T: number, r: number, q: number, vol: number, w: number) => number;

/**
 * Implied-vol kernel signature: n, 6 input pointers (prices, forwards, strikes, expiries,
 * discounts, option types), 1 output pointer (vols), all byte offsets of f64 arrays. @internal
 */
export type ImpliedVolKernel = (n: number, price: number, F: number, K: number, T: number, D: number, w: number, vol: number) => void;

/** Index of the first option outside the implied-vol kernels' domain (incl. the price bounds), or −1. @internal */
export type ImpliedVolValidator = (n: number, price: number, F: number, K: number, T: number, D: number, w: number) => number;

/**
 * COS strike-sum kernel (kernels/heston.ts): N, coefficient pointers a, b, c; m, strike-column
 * pointers (strikes, d − α, e^d, cos θ, sin θ); spot, e^α·Σb, risk-free discount; output pointer
 * (puts). Pointers are byte offsets of f64 arrays. @internal
 */
export type HestonCosKernel = (
  terms: number, a: number, b: number, c: number,
  m: number, strikes: number, dMinusAlpha: number, expD: number, cosTheta: number, sinTheta: number,
  spot: number, expAlphaSumB: number, riskFreeDiscount: number, puts: number,
) => void;

/**
 * Heston QE Monte Carlo kernel (kernels/mcheston.ts): nSamples, first stream, key (k0, k1), steps,
 * antithetic flag; pointers to uniforms (0 = Philox inline), work (2·steps f64), step drifts,
 * params (17 f64), accumulators (6 f64). Returns 1 if an accumulator is not finite. @internal
 */
export type HestonQeKernel = (
  nSamples: number, first: number, k0: number, k1: number, steps: number, antithetic: number,
  uniforms: number, work: number, stepData: number, params: number, acc: number,
) => number;

/**
 * Rough Bergomi hybrid-scheme Monte Carlo kernel (kernels/rbergomi.ts): nSamples, first stream,
 * key (k0, k1), steps, antithetic flag, SIMD flag; pointers to work (5·steps + nStrikes f64),
 * Γ (steps + 1 f64), drift m (steps f64), params (8 f64); nStrikes, pointers to strikes, ω,
 * accumulators (2 + 3·nStrikes f64), paths (0 = none). Returns 1 if an accumulator is not finite. @internal
 */
export type RoughBergomiKernel = (
  nSamples: number, first: number, k0: number, k1: number, steps: number, antithetic: number, simd: number,
  work: number, gamma: number, drift: number, params: number,
  nStrikes: number, strikes: number, omegas: number, acc: number, paths: number,
) => number;

/**
 * The LIBOR market model path kernel: samples, first stream, key, n forwards, steps, normals per path,
 * antithetic and predictor–corrector flags, displacement, P(0, T_0), then pointers to the step
 * data, accruals, initial forwards, forwards/deflators/shocks outputs (shocks 0 = none), supplied
 * normals (0 = Philox) and work.
 * Returns 1 if an output is not finite. @internal
 */
export type LmmPathKernel = (
  nSamples: number, first: number, k0: number, k1: number, n: number, nSteps: number, dims: number, antithetic: number, pc: number,
  displacement: number, p0: number, stepData: number, tau: number, l0: number,
  forwardsOut: number, deflatorsOut: number, shocksOut: number, normalsIn: number, work: number,
) => number;

/** A probe computing out[i] = f(in[i]) over n doubles; simd = 1 selects the f64x2 path. @internal */
export type BatchProbe = (simd: number, input: number, out: number, n: number) => void;

/** The module's exports as the TypeScript side sees them. @internal */
export interface KernelExports {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  readonly blackScalar: BlackKernel;
  readonly blackSimd: BlackKernel;
  readonly blackValidate: BlackValidator;
  readonly expBatch: BatchProbe;
  readonly logBatch: BatchProbe;
  readonly normalCdfBatch: BatchProbe;
  readonly impliedVolScalar: ImpliedVolKernel;
  readonly impliedVolSimd: ImpliedVolKernel;
  readonly impliedVolValidate: ImpliedVolValidator;
  /** Byte offset of the implied-vol guess table (built on the first call), 101 × 41 f64, row-major in u. */
  impliedVolTableAddress(): number;
  readonly hestonCosScalar: HestonCosKernel;
  readonly hestonCosSimd: HestonCosKernel;
  readonly mcHestonQe: HestonQeKernel;
  readonly mcRoughBergomi: RoughBergomiKernel;
  readonly mcLmmPaths: LmmPathKernel;
}

type State =
  | { readonly kind: 'unloaded' }
  | { readonly kind: 'loaded'; readonly exports: KernelExports }
  | { readonly kind: 'unavailable'; readonly reason: string };

let state: State = { kind: 'unloaded' };
let forcedOff = false;

function decodeBase64(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function instantiate(module: WebAssembly.Module): KernelExports {
  // The module imports nothing today; `env.abort` is there in case a kernel ever compiles in an
  // AssemblyScript runtime check, so a failure surfaces as an exception instead of a link error.
  const imports = {
    env: {
      abort(): never {
        throw new Error('quantflow WebAssembly kernel aborted');
      },
    },
  };
  const instance = new WebAssembly.Instance(module, imports);
  return instance.exports as unknown as KernelExports;
}

/**
 * The kernel exports, instantiating synchronously on first call; `undefined` when WebAssembly
 * SIMD is unsupported (permanently) or synchronous compilation is refused (until init()).
 * @internal
 */
export function kernelExports(): KernelExports | undefined {
  if (forcedOff) return undefined;
  if (state.kind === 'loaded') return state.exports;
  if (state.kind === 'unavailable') return undefined;
  if (!simdSupported()) {
    state = { kind: 'unavailable', reason: 'WebAssembly SIMD is not supported by this engine' };
    return undefined;
  }
  try {
    state = { kind: 'loaded', exports: instantiate(new WebAssembly.Module(decodeBase64(wasmBase64))) };
    return state.exports;
  } catch {
    // Synchronous compilation refused (browser main thread): stay 'unloaded' so init() can compile.
    return undefined;
  }
}

/** Compiles and instantiates asynchronously (browsers); resolves once the module is usable or known unavailable. @internal */
export async function loadKernelsAsync(): Promise<void> {
  if (state.kind !== 'unloaded') return;
  if (!simdSupported()) {
    state = { kind: 'unavailable', reason: 'WebAssembly SIMD is not supported by this engine' };
    return;
  }
  try {
    const module = await WebAssembly.compile(decodeBase64(wasmBase64));
    if (state.kind === 'unloaded') state = { kind: 'loaded', exports: instantiate(module) };
  } catch (e) {
    state = { kind: 'unavailable', reason: `WebAssembly compilation failed: ${String(e)}` };
  }
}

/** Why the module is not in use, or undefined when it is. @internal */
export function kernelUnavailableReason(): string | undefined {
  if (forcedOff) return 'WebAssembly kernels disabled for testing';
  if (state.kind === 'unavailable') return state.reason;
  if (state.kind === 'unloaded') return 'WebAssembly module not loaded yet (call init())';
  return undefined;
}

/** Test hook: pretend WebAssembly SIMD is unavailable (true) or restore normal loading (false). @internal */
export function forceTypeScriptKernels(off: boolean): void {
  forcedOff = off;
}
