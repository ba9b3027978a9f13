// Builds a native QuantLib benchmark program (bench/quantlib/NAME.cpp → build/bench/NAME) once,
// rebuilding when the source is newer; optional: the caller prints why it was skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The executable's path, or `{ skipped }` saying why it cannot run (no g++, no QuantLib headers,
 * a failed compile).
 * @param name - the program's base name in bench/quantlib/ (without `.cpp`).
 * @param header - a QuantLib header the program needs, relative to the include root (e.g.
 *   `ql/pricingengines/blackformula.hpp`), looked up in /usr/include and /usr/local/include.
 */
export function quantLibProgram(name: string, header: string): string | { skipped: string } {
  const src = join(benchDir, 'quantlib', `${name}.cpp`);
  const exe = join(benchDir, '..', 'build', 'bench', name);
  const hasHeaders = existsSync(join('/usr/include', header)) || existsSync(join('/usr/local/include', header));
  if (spawnSync('g++', ['--version']).status !== 0 || !hasHeaders) return { skipped: 'g++ or QuantLib headers not found' };
  if (!existsSync(exe) || statSync(exe).mtimeMs < statSync(src).mtimeMs) {
    mkdirSync(dirname(exe), { recursive: true });
    const build = spawnSync('g++', ['-O2', '-std=c++17', src, '-o', exe, '-lQuantLib'], { encoding: 'utf8' });
    if (build.status !== 0) return { skipped: `g++ failed: ${build.stderr.split('\n')[0]}` };
  }
  return exe;
}
