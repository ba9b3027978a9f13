// Fails when the library's runtime imports form a cycle, or when src/math imports finance code.
// Type-only imports are erased at compile time, so they are skipped.
import madge from 'madge';

const roots = ['src', 'instruments', 'engines', 'termstructures'];
const result = await madge(roots, {
  fileExtensions: ['ts'],
  tsConfig: 'tsconfig.json',
  detectiveOptions: { ts: { skipTypeImports: true } },
  excludeRegExp: [/\.d\.ts$/, /_lib\/wasmBinary\.ts$/],
});
const cycles = result.circular();
const graph = result.obj();
const mathViolations = Object.entries(graph)
  .filter(([file]) => file.startsWith('src/math/'))
  .flatMap(([file, deps]) => deps.filter((d) => /^(instruments|engines|termstructures)\//.test(d)).map((d) => `${file} → ${d}`));
console.log(`import graph: ${Object.keys(graph).length} files`);
if (cycles.length > 0) console.error(`import cycles:\n${cycles.map((c) => '  ' + c.join(' → ')).join('\n')}`);
if (mathViolations.length > 0) console.error(`src/math must not import finance code:\n  ${mathViolations.join('\n  ')}`);
if (cycles.length > 0 || mathViolations.length > 0) process.exit(1);
console.log('no import cycles; src/math imports no finance code');
