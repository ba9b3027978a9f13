import { InvalidInputError } from '../../errors.js';
import { cboeOptionChain, type CboeOptionChainOptions } from '../cboeOptionChain.js';
import { gatheralOptionChain, type GatheralOptionChainOptions } from '../gatheralOptionChain.js';
import type { OptionChain } from '../OptionChain.js';
import { readTextFile } from './_lib/readTextFile.js';

/**
 * Node only: reads an option-chain file from disk and builds its {@link OptionChain}
 * ({@link gatheralOptionChain} or {@link cboeOptionChain} on the file's text).
 *
 * @remarks
 * Exported from `quantflow/node`, not from the browser-safe main entry (it imports `node:fs`).
 * Error messages name the path as the file.
 * Source: the two readers it calls.
 * Checked against: the same chains as the text readers on the two data sets
 * (test/marketdata/optionChain.test.ts).
 *
 * @param path - file path or `file:` URL of the CSV file.
 * @param format - `"gatheral"` (implied-vol CSV) or `"cboe"` (delayed-quotes export).
 * @param options - passed to the reader (`file` defaults to the path).
 * @returns the chain.
 * @throws InvalidInputError when the file cannot be read (naming the path and the system error
 *   code), `format` is neither name, or the reader refuses the text (naming the line and column).
 *
 * @example
 * ```ts
 * import { readOptionChainFile } from 'quantflow/node';
 * readOptionChainFile('data/spx-chain-cboe-20230914/spx_quotedata.csv', 'cboe').spot; //=> 4505.1001
 * ```
 * @public
 */
export function readOptionChainFile(
  path: string | URL,
  format: 'gatheral' | 'cboe',
  options: GatheralOptionChainOptions & CboeOptionChainOptions = {},
): OptionChain {
  if (format !== 'gatheral' && format !== 'cboe') throw InvalidInputError.outOfRange('format', format, "{'gatheral', 'cboe'}");
  const { file, text } = readTextFile(path);
  const withFile = { ...options, file: options.file ?? file };
  return format === 'gatheral' ? gatheralOptionChain(text, withFile) : cboeOptionChain(text, withFile);
}
