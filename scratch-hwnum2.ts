import { HullWhiteTrinomialTree } from './src/math/lattices/HullWhiteTrinomialTree.js';
import { timeGridWithMandatoryTimes } from './src/math/lattices/timeGridWithMandatoryTimes.js';
import { rollBermudanSwaption, type LatticeFlow } from './engines/hullwhite/_lib/backwardLattice.js';
const P = (t: number) => Math.exp(-0.03 * t);
const fl: LatticeFlow[] = []; const ex: number[] = [];
for (let k = 1; k <= 10; k++) { fl.push({ time: k, amount: -0.03, entitlementTime: k - 1 }); fl.push({ time: k - 1, amount: 1, entitlementTime: k - 1 }); fl.push({ time: k, amount: -1, entitlementTime: k - 1 }); if (k>1) ex.push(k - 1); }
for (let rep = 0; rep < 5; rep++) {
  const t0 = performance.now();
  const g = timeGridWithMandatoryTimes([...fl.map(f => f.time), ...ex], 1000);
  const tree = new HullWhiteTrinomialTree(0.1, 0.01, P, g);
  const t1 = performance.now();
  const p = rollBermudanSwaption(tree, fl, ex, 1);
  const t2 = performance.now();
  console.log((t1 - t0).toFixed(2), (t2 - t1).toFixed(2), p.value, tree.halfWidths[1000]);
}
