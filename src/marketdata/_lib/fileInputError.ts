// Internal: the InvalidInputError a reader throws for a malformed file.
import { InvalidInputError } from '../../errors.js';

/**
 * An `InvalidInputError` whose message names the file, the line and the column:
 * `"<file>, line <line>, column <column> (<columnName>): <argument> = <value> is outside the
 * allowed range <allowed>"`. `details` carries the same fields; `cause` is passed on.
 * @internal
 */
export function fileInputError(
  file: string,
  line: number,
  column: number,
  columnName: string,
  argument: string,
  value: unknown,
  allowed: string,
  cause?: unknown,
): InvalidInputError {
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return new InvalidInputError(
    `${file}, line ${line}, column ${column} (${columnName}): ${argument} = ${shown} is outside the allowed range ${allowed}`,
    { argument, value, allowed, file, line, column, columnName },
    cause === undefined ? undefined : { cause },
  );
}
