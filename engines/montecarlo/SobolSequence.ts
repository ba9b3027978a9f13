import { InvalidInputError } from '../../src/errors.js';
import { philoxBlock } from '../../src/kernels/montecarlo.reference.js';
import { JOE_KUO_D6 } from './_lib/joeKuoDirectionNumbers.js';

/** Options of {@link SobolSequence}. @public */
export interface SobolSequenceOptions {
  /** Digital-shift seed (integer in [0, 2^32)); absent: no scrambling. */
  readonly scrambleSeed?: number;
  /** Which independent shift of `scrambleSeed` (integer ≥ 0); default 0. */
  readonly replicate?: number;
}

let directions: Uint32Array[] | undefined;

/** Direction numbers v_1…v_32 (32-bit) of every dimension, built once from the table. */
function directionTable(): Uint32Array[] {
  if (directions !== undefined) return directions;
  const first = new Uint32Array(32);
  for (let k = 0; k < 32; k++) first[k] = (1 << (31 - k)) >>> 0;
  const table = [first];
  for (const line of JOE_KUO_D6.split('\n')) {
    const f = line.trim().split(/\s+/).map(Number);
    const s = f[0]!, a = f[1]!;
    const v = new Uint32Array(32);
    for (let k = 0; k < s; k++) v[k] = (f[2 + k]! << (31 - k)) >>> 0;
    for (let k = s; k < 32; k++) {
      let x = v[k - s]! ^ (v[k - s]! >>> s);
      for (let j = 1; j < s; j++) if ((a >>> (s - 1 - j)) & 1) x ^= v[k - j]!;
      v[k] = x >>> 0;
    }
    table.push(v);
  }
  directions = table;
  return table;
}

/** Largest supported dimension. */
const MAX_DIMENSION = 1024;

/**
 * The Sobol low-discrepancy sequence in up to 1024 dimensions, with Joe–Kuo direction numbers
 * and optional random digital shift (scrambling).
 *
 * @remarks
 * Point n (n = 0, 1, …, < 2^32) is x_n = ⊕_k g_k v_k over the bits g_k of the Gray code
 * g = n ⊕ ⌊n/2⌋ (Antonov–Saleev), with 32-bit direction numbers v_k from the primitive
 * polynomial and initial numbers m_k of each dimension (v_k = m_k·2^(32−k), then the
 * recurrence v_k = a_1 v_{k−1} ⊕ … ⊕ a_{s−1} v_{k−s+1} ⊕ v_{k−s} ⊕ (v_{k−s} ≫ s)). Uniforms are
 * (x + ½)·2^−32 ∈ (0, 1). A digital shift XORs every coordinate with a random 32-bit word per
 * dimension (Philox4x32-10 of (dimension, replicate, 0x536f626f, 0) under the seed): each point
 * is then uniform on the unit cube and the net structure is kept, so independent shifts give
 * independent unbiased replicates and an error estimate (randomised QMC).
 *
 * Source: I. M. Sobol' (1967); S. Joe, F. Y. Kuo (2008), SIAM J. Sci. Comput. 30, 2635–2654,
 * direction numbers new-joe-kuo-6.21201; I. A. Antonov, V. M. Saleev (1979) (Gray code);
 * P. L'Ecuyer, C. Lemieux (2002), "Recent advances in randomized quasi-Monte Carlo methods" (digital shift).
 * Checked against: native QuantLib 1.29 SobolRsg(JoeKuoD6) integer points (pinned in
 * test/engines/montecarlo/SobolSequence.test.ts), the stratification property of the first
 * 2^m points in each coordinate, and the published first rows of the direction-number file.
 *
 * @example
 * ```ts
 * import { SobolSequence } from 'quantflow';
 * const s = new SobolSequence(2); s.skipTo(1); Array.from(s.nextUint32Point()); //=> [2147483648, 2147483648]
 * ```
 * @public
 */
export class SobolSequence {
  private readonly v: Uint32Array[];
  private readonly shift: Uint32Array;
  private readonly x: Uint32Array;
  private n = 0;

  /**
   * @param dimension - integer in [1, 1024].
   * @param options - `scrambleSeed` and `replicate` for a random digital shift.
   * @throws InvalidInputError when the dimension, seed or replicate is out of range.
   */
  constructor(readonly dimension: number, options: SobolSequenceOptions = {}) {
    if (!Number.isInteger(dimension) || dimension < 1 || dimension > MAX_DIMENSION) {
      throw InvalidInputError.outOfRange('dimension', dimension, `integers in [1, ${MAX_DIMENSION}]`);
    }
    this.v = directionTable().slice(0, dimension);
    this.shift = new Uint32Array(dimension);
    const seed = options.scrambleSeed;
    if (seed !== undefined) {
      if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw InvalidInputError.outOfRange('scrambleSeed', seed, 'integers in [0, 2^32)');
      const rep = options.replicate ?? 0;
      if (!Number.isInteger(rep) || rep < 0 || rep > 0xffffffff) throw InvalidInputError.outOfRange('replicate', rep, 'integers in [0, 2^32)');
      const b = new Uint32Array(4);
      for (let d = 0; d < dimension; d++) {
        philoxBlock(d, rep, 0x536f626f, 0, seed, 0, b);
        this.shift[d] = b[0]!;
      }
    }
    this.x = new Uint32Array(dimension);
    this.skipTo(0);
  }

  /** Index of the next point. */
  index(): number {
    return this.n;
  }

  /**
   * Positions the sequence so that the next point is point `n`.
   * @param n - integer in [0, 2^32).
   * @throws InvalidInputError when n is out of range.
   */
  skipTo(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n >= 2 ** 32) throw InvalidInputError.outOfRange('n', n, 'integers in [0, 2^32)');
    const g = (n ^ Math.floor(n / 2)) >>> 0;
    for (let d = 0; d < this.dimension; d++) {
      let x = 0;
      const v = this.v[d]!;
      for (let k = 0; k < 32; k++) if ((g >>> k) & 1) x ^= v[k]!;
      this.x[d] = x >>> 0;
    }
    this.n = n;
  }

  /** The next point as unsigned 32-bit integers (digitally shifted if scrambled); a view reused by the next call. */
  nextUint32Point(): Uint32Array {
    const n = this.n;
    if (n >= 2 ** 32 - 1) throw InvalidInputError.outOfRange('index', n, '[0, 2^32 − 1): sequence exhausted');
    const out = new Uint32Array(this.dimension);
    for (let d = 0; d < this.dimension; d++) out[d] = (this.x[d]! ^ this.shift[d]!) >>> 0;
    this.advance();
    return out;
  }

  /**
   * Writes the next point's uniforms (x + ½)·2^−32 into `out` and advances.
   * @param out - `Float64Array` with room for `dimension` numbers from `offset`.
   * @param offset - start index in `out`; default 0.
   */
  nextPoint(out: Float64Array = new Float64Array(this.dimension), offset = 0): Float64Array {
    if (this.n >= 2 ** 32 - 1) throw InvalidInputError.outOfRange('index', this.n, '[0, 2^32 − 1): sequence exhausted');
    for (let d = 0; d < this.dimension; d++) out[offset + d] = (((this.x[d]! ^ this.shift[d]!) >>> 0) + 0.5) * 2.3283064365386963e-10;
    this.advance();
    return out;
  }

  private advance(): void {
    // Gray-code step: x_{n+1} = x_n ⊕ v_c, c = index of the lowest zero bit of n.
    let c = 0;
    let t = this.n;
    while (t & 1) {
      t = Math.floor(t / 2);
      c++;
    }
    for (let d = 0; d < this.dimension; d++) this.x[d] = (this.x[d]! ^ this.v[d]![c]!) >>> 0;
    this.n++;
  }
}
