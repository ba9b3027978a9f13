// Internal (Node only): reads a UTF-8 text file, with the library's error for an unreadable path.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '../../../errors.js';

/**
 * The content of a UTF-8 file and its path as a string.
 * @param path - file path or `file:` URL.
 * @throws `InvalidInputError` naming the path and the system error code when it cannot be read.
 * @internal
 */
export function readTextFile(path: string | URL): { file: string; text: string } {
  const file = typeof path === 'string' ? path : fileURLToPath(path);
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new InvalidInputError(
      `${file}: path = ${JSON.stringify(file)} is outside the allowed range: a readable file (${code})`,
      { argument: 'path', value: file, allowed: 'a readable file', file, line: 0, column: 0, cause: code },
      { cause: err },
    );
  }
}
