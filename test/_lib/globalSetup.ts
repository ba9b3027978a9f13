// Builds the WASM module (and its generated TypeScript embedding) before any test file loads,
// so `npx vitest` works on a fresh tree too; the build script skips work when it is up to date.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/build-wasm.mjs', import.meta.url));
  execFileSync(process.execPath, [script], { stdio: 'inherit' });
}
