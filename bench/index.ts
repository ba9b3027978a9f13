// `npm run bench`: runs every benchmark in this list, in order. Each module exports run().
// Add new benchmarks by appending one line (keep this a plain list).
import type { BenchModule } from './_lib/BenchModule.js';

const benches: ReadonlyArray<readonly [string, () => Promise<BenchModule>]> = [
  ['black', () => import('./black.bench.js')],
  ['book', () => import('./book.bench.js')],
  ['impliedvol', () => import('./impliedvol.bench.js')],
  ['montecarlo', () => import('./montecarlo.bench.js')],
  ['american', () => import('./american.bench.js')],
  ['heston', () => import('./heston.bench.js')],
  ['yieldcurves', () => import('./yieldcurves.bench.js')],
  ['mcheston', () => import('./mcheston.bench.js')],
  ['roughbergomi', () => import('./roughbergomi.bench.js')],
  ['mclocalvol', () => import('./mclocalvol.bench.js')],
  ['sabrpde', () => import('./sabrpde.bench.js')],
  ['localvol', () => import('./localvol.bench.js')],
  ['lmm', () => import('./lmm.bench.js')],
  ['hullwhite', () => import('./hullwhite.bench.js')],
  ['volsurface', () => import('./volsurface.bench.js')],
  ['hullwhiteTree', () => import('./hullwhiteTree.bench.js')],
  ['roughhestonroutes', () => import('./roughhestonroutes.bench.js')],
  ['roughheston', () => import('./roughheston.bench.js')],
  ['forwardvariance', () => import('./forwardvariance.bench.js')],
];

const only = process.argv.slice(2);
for (const [name, load] of benches) {
  if (only.length > 0 && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await (await load()).run();
}
