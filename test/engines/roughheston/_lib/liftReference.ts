// The QuantLib-test-suite rough Heston case of published.json (test/reference/README.md), as a
// parameter set and a flat list of (T, K, call) rows, maturity-major.
import type { RoughHestonParameters } from '../../../../src/processes/RoughHestonParameters.js';
import { published } from '../../../_lib/reference.js';

const R = published['rough_heston_quantlib_test'];
export const liftRefParams: RoughHestonParameters = { v0: R.params.v0, kappa: R.params.kappa, theta: R.params.theta, sigma: R.params.sigma, rho: R.params.rho, hurst: R.params.H };
export const liftRefSpot: number = R.params.S;
export const liftRefRate: number = R.params.r;
export const liftRefDividend: number = R.params.q;
export const liftRefMaturities = [0.25, 1, 2];
export const liftRefStrikes = [75, 100, 130];
export const liftRefCalls: number[] = liftRefMaturities.flatMap((t) => liftRefStrikes.map((k) => R.calls[String(t)][String(k)] as number));
