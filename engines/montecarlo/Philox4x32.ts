import { InvalidInputError } from '../../src/errors.js';
import { philoxBlock, philoxPathNormals, wordToUniform } from '../../src/kernels/montecarlo.reference.js';

/**
 * Philox4x32-10, the counter-based random number generator of Salmon et al.: a keyed bijection
 * of a 128-bit counter, so that every number is a pure function of (seed, counter) and any path
 * can be regenerated alone, in any order, on any machine.
 *
 * @remarks
 * Ten rounds of (c0, c1, c2, c3) ← (hi(M1·c2) ⊕ c1 ⊕ k0, lo(M1·c2), hi(M0·c0) ⊕ c3 ⊕ k1, lo(M0·c0)),
 * M0 = 0xD2511F53, M1 = 0xCD9E8D57, with the key bumped by the Weyl constants (0x9E3779B9,
 * 0xBB67AE85) between rounds. The 64-bit key is (seed mod 2^32, ⌊seed / 2^32⌋). quantflow's
 * Monte Carlo engines give path (stream) i the counters (i_lo, i_hi, b, 0), b = 0, 1, …; each
 * block's four words w give four uniforms (w + ½)·2^−32 in (0, 1) (32-bit resolution, as
 * QuantLib's Mersenne-Twister uniforms; normals therefore within ±6.23) and, by AS241, four
 * normals: normal j of path i is word j mod 4 of block ⌊j/4⌋.
 *
 * Source: J. K. Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw (2011), "Parallel random numbers:
 * as easy as 1, 2, 3", Proc. SC'11, §4 (Philox).
 * Checked against: the Random123 known-answer vectors (kat_vectors: counter/key all zero, all
 * ones, and the π digits) in test/engines/montecarlo/Philox4x32.test.ts.
 *
 * @example
 * ```ts
 * import { Philox4x32 } from 'quantflow';
 * Array.from(Philox4x32.block([0, 0, 0, 0], [0, 0])).map((w) => w.toString(16)); //=> ['6627e8d5', 'e169c58d', 'bc57ac4c', '9b00dbd8']
 * ```
 * @public
 */
export class Philox4x32 {
  private readonly k0: number;
  private readonly k1: number;

  /**
   * @param seed - integer in [0, 2^53): the key.
   * @throws InvalidInputError when `seed` is not such an integer.
   */
  constructor(readonly seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 53) throw InvalidInputError.outOfRange('seed', seed, 'integers in [0, 2^53)');
    this.k0 = seed >>> 0;
    this.k1 = Math.floor(seed / 2 ** 32) >>> 0;
  }

  /**
   * One Philox4x32-10 block.
   * @param counter - four 32-bit unsigned words.
   * @param key - two 32-bit unsigned words.
   * @returns the four output words.
   * @throws InvalidInputError when a word is not an integer in [0, 2^32).
   */
  static block(counter: readonly number[], key: readonly number[]): Uint32Array {
    const words = [...counter, ...key];
    if (counter.length !== 4 || key.length !== 2) throw InvalidInputError.outOfRange('counter.length, key.length', `${counter.length}, ${key.length}`, '4, 2');
    words.forEach((w, i) => {
      if (!Number.isInteger(w) || w < 0 || w > 0xffffffff) throw InvalidInputError.outOfRange(i < 4 ? `counter[${i}]` : `key[${i - 4}]`, w, 'integers in [0, 2^32)');
    });
    const out = new Uint32Array(4);
    philoxBlock(counter[0]!, counter[1]!, counter[2]!, counter[3]!, key[0]!, key[1]!, out);
    return out;
  }

  /**
   * Uniforms 0 … count−1 of a stream, in (0, 1): (w + ½)·2^−32 of the block words in order.
   * @param stream - integer in [0, 2^53).
   * @param count - integer ≥ 0.
   */
  uniforms(stream: number, count: number): Float64Array {
    this.checkStream(stream, count);
    const out = new Float64Array(count);
    const b = new Uint32Array(4);
    for (let j = 0; j < count; j += 4) {
      philoxBlock(stream >>> 0, Math.floor(stream / 2 ** 32) >>> 0, j >>> 2, 0, this.k0, this.k1, b);
      for (let w = 0; w < 4 && j + w < count; w++) out[j + w] = wordToUniform(b[w]!);
    }
    return out;
  }

  /**
   * Standard normals 0 … count−1 of a stream (AS241 of {@link Philox4x32.uniforms}): exactly
   * the normals the Monte Carlo engines use for path `stream`.
   * @param stream - integer in [0, 2^53).
   * @param count - integer ≥ 0.
   */
  normals(stream: number, count: number): Float64Array {
    this.checkStream(stream, count);
    const out = new Float64Array(count);
    philoxPathNormals(stream, this.k0, this.k1, count, out);
    return out;
  }

  private checkStream(stream: number, count: number): void {
    if (!Number.isInteger(stream) || stream < 0 || stream >= 2 ** 53) throw InvalidInputError.outOfRange('stream', stream, 'integers in [0, 2^53)');
    if (!Number.isInteger(count) || count < 0 || count > 2 ** 31) throw InvalidInputError.outOfRange('count', count, 'integers in [0, 2^31]');
  }
}
