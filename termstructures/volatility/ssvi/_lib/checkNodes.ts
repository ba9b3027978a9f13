// Internal: validation of SSVI / eSSVI parameter records.
import { InvalidInputError } from '../../../../src/errors.js';
import type { EssviParameters } from '../EssviParameters.js';
import type { SsviParameters } from '../SsviParameters.js';
import type { EssviNodes } from './EssviModel.js';

function column(name: string, x: ArrayLike<number> | undefined, n: number | undefined, check: (v: number) => boolean, range: string): Float64Array {
  if (x === undefined || typeof x.length !== 'number') throw InvalidInputError.outOfRange(name, x, 'an array of numbers');
  if (n !== undefined && x.length !== n) throw InvalidInputError.outOfRange(`${name}.length`, x.length, `{${n}} (times.length)`);
  const out = Float64Array.from(x);
  out.forEach((v, i) => {
    if (!Number.isFinite(v) || !check(v)) throw InvalidInputError.outOfRange(`${name}[${i}]`, v, range);
  });
  return out;
}

function times(name: string, x: ArrayLike<number> | undefined): Float64Array {
  const t = column(`${name}.times`, x, undefined, (v) => v > 0, '(0, ∞)');
  if (t.length < 1) throw InvalidInputError.outOfRange(`${name}.times.length`, t.length, '[1, ∞)');
  for (let i = 1; i < t.length; i++) if (!((t[i] as number) > (t[i - 1] as number))) throw InvalidInputError.outOfRange(`${name}.times[${i}]`, t[i], `(${t[i - 1]}, ∞) (strictly increasing)`);
  return t;
}

function thetas(name: string, x: ArrayLike<number> | undefined, n: number): Float64Array {
  const th = column(`${name}.thetas`, x, n, (v) => v > 0, '(0, ∞)');
  for (let i = 1; i < n; i++) if (!((th[i] as number) > (th[i - 1] as number))) throw InvalidInputError.outOfRange(`${name}.thetas[${i}]`, th[i], `(${th[i - 1]}, ∞) (strictly increasing: ∂θ/∂T > 0)`);
  return th;
}

/** @internal */
export function ssviNodes(name: string, p: SsviParameters): EssviNodes {
  if (typeof p !== 'object' || p === null) throw InvalidInputError.outOfRange(name, p, 'an object { times, thetas, forwards, rho, phi }');
  const t = times(name, p.times);
  const n = t.length;
  const th = thetas(name, p.thetas, n);
  const f = column(`${name}.forwards`, p.forwards, n, (v) => v > 0, '(0, ∞)');
  if (!(Math.abs(p.rho) < 1)) throw InvalidInputError.outOfRange(`${name}.rho`, p.rho, '(-1, 1)');
  const phi = p.phi;
  if (phi?.type === 'powerLaw') {
    if (!(phi.eta > 0) || !Number.isFinite(phi.eta)) throw InvalidInputError.outOfRange(`${name}.phi.eta`, phi.eta, '(0, ∞)');
    if (!(phi.gamma > 0 && phi.gamma < 1)) throw InvalidInputError.outOfRange(`${name}.phi.gamma`, phi.gamma, '(0, 1)');
  } else if (phi?.type === 'heston') {
    if (!(phi.lambda > 0) || !Number.isFinite(phi.lambda)) throw InvalidInputError.outOfRange(`${name}.phi.lambda`, phi.lambda, '(0, ∞)');
  } else {
    throw InvalidInputError.outOfRange(`${name}.phi`, phi, "{ type: 'powerLaw', eta, gamma } or { type: 'heston', lambda }");
  }
  return { times: t, thetas: th, forwards: f, ssvi: { rho: p.rho, phi: { ...phi } } };
}

/** @internal */
export function essviNodes(name: string, p: EssviParameters): EssviNodes {
  if (typeof p !== 'object' || p === null) throw InvalidInputError.outOfRange(name, p, 'an object { times, thetas, rhos, psis, forwards }');
  const t = times(name, p.times);
  const n = t.length;
  const th = thetas(name, p.thetas, n);
  const f = column(`${name}.forwards`, p.forwards, n, (v) => v > 0, '(0, ∞)');
  const r = column(`${name}.rhos`, p.rhos, n, (v) => Math.abs(v) < 1, '(-1, 1)');
  const psi = column(`${name}.psis`, p.psis, n, (v) => v > 0, '(0, ∞)');
  return { times: t, thetas: th, forwards: f, psis: psi, cs: psi.map((v, i) => v * (r[i] as number)) };
}
