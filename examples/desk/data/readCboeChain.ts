// The desk reads Cboe chain exports through the library's parser.
import { readTextFile } from '../../../src/marketdata/node/_lib/readTextFile.js';
import { parseCboeChain, type CboeChain } from '../../../src/marketdata/parseCboeChain.js';

export type { CboeChain, CboeChainRow } from '../../../src/marketdata/parseCboeChain.js';

/**
 * Reads a Cboe delayed-quotes option-chain export: the file's text through the library's
 * {@link parseCboeChain} (rows and skipped-row report, unchanged).
 * @param path - path or `file:` URL of the CSV file.
 * @throws `InvalidInputError` when the file cannot be read (naming the path and the system error)
 *   or is malformed (naming the file, the line and the column).
 */
export function readCboeChain(path: string | URL): CboeChain {
  const { file, text } = readTextFile(path);
  return parseCboeChain(text, { file });
}
