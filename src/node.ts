/**
 * quantflow/node: the Node-only helpers (they read files with `node:fs`). Everything else is in
 * the main entry `quantflow`, which runs in browsers too.
 *
 * @packageDocumentation
 */

// Market data
export { readOptionChainFile } from './marketdata/node/readOptionChainFile.js';
