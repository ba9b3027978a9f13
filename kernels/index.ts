// Entry point of the quantflow WebAssembly module (compiled by scripts/build-wasm.mjs).
// Kernels take byte offsets of f64 struct-of-arrays buffers in this module's memory; they
// allocate nothing. Memory above heapBase() belongs to the TypeScript arena (withScratch).
export { blackScalar, blackSimd, blackValidate } from './black';
export { expBatch, logBatch, normalCdfBatch } from './probes';

/** First byte after the module's static data: where the TypeScript arena may start. */
export function heapBase(): usize {
  return __heap_base;
}
export { mcGbm, mcPhiloxNormals, mcPhiloxPathNormals, mcInverseNormalBatch } from './montecarlo';
export { impliedVolScalar, impliedVolSimd, impliedVolValidate, impliedVolTableAddress } from './impliedvol';
export { hestonCosScalar, hestonCosSimd } from './heston';
export { mcHestonQe } from './mcheston';
export { adamsRiccatiScalar, adamsRiccatiSimd } from './riccati';
