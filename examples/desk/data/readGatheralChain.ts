// The desk reads Gatheral's file through the library's parser.
import { readTextFile } from '../../../src/marketdata/node/_lib/readTextFile.js';
import { parseGatheralChain, type GatheralChain } from '../../../src/marketdata/parseGatheralChain.js';

export type { GatheralChain, GatheralChainRow } from '../../../src/marketdata/parseGatheralChain.js';

/**
 * Reads Jim Gatheral's SPX (or VIX) implied-volatility snapshot: the file's text through the
 * library's {@link parseGatheralChain} (rows and skipped-row report, unchanged).
 * @param path - path or `file:` URL of the CSV file.
 * @throws `InvalidInputError` when the file cannot be read (naming the path and the system error)
 *   or is malformed (naming the file, the line and the column).
 */
export function readGatheralChain(path: string | URL): GatheralChain {
  const { file, text } = readTextFile(path);
  return parseGatheralChain(text, { file });
}
