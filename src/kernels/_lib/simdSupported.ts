// Internal: WebAssembly SIMD feature detection.

/**
 * A minimal module using SIMD: `(func (result v128) v128.const i64x2 0 0 f64x2.add)`-style
 * body — type section `() → v128`, one function whose body is
 * `v128.const 0…0; v128.const 0…0; f64x2.add; end`. Engines without SIMD reject it.
 */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version 1
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: 1 type, func () -> (v128)
  0x03, 0x02, 0x01, 0x00, // function section: 1 function of type 0
  0x0a, 0x2b, 0x01, 0x29, 0x00, // code section: 1 body, 41 bytes, 0 locals
  0xfd, 0x0c, ...new Array<number>(16).fill(0), // v128.const
  0xfd, 0x0c, ...new Array<number>(16).fill(0), // v128.const
  0xfd, 0xf0, 0x01, // f64x2.add (opcode 0xf0, LEB128)
  0x0b, // end
]);

let cached: boolean | undefined;

/** True when this engine has WebAssembly with fixed-width SIMD (validated once, then cached). @internal */
export function simdSupported(): boolean {
  if (cached === undefined) {
    try {
      cached = typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
    } catch {
      cached = false;
    }
  }
  return cached;
}
