// The desk's readers report skipped rows in the library's format.
export type { SkippedRows } from '../../../src/marketdata/SkippedRows.js';
