// Internal: evaluates an SSVI or eSSVI surface (w and its analytic derivatives at (k, T)) from
// checked nodes; shared by SsviSurface and EssviSurface.
import type { TotalVarianceDerivatives } from '../../TotalVarianceSurface.js';
import { essviPoint, MonotoneCubic, type EssviPoint } from './essviFormulas.js';
import type { SsviPhi } from '../SsviPhi.js';
import { LogLinearForward } from './LogLinearForward.js';

/** ψ = θφ(θ) and dψ/dθ for SSVI's φ (Gatheral–Jacquier 2014, eqs. 4.4–4.5). @internal */
export function ssviPsi(phi: SsviPhi, theta: number): { psi: number; dpsi: number } {
  if (phi.type === 'powerLaw') {
    const psi = phi.eta * Math.pow(theta, 1 - phi.gamma) * Math.pow(1 + theta, phi.gamma - 1);
    return { psi, dpsi: (psi * (1 - phi.gamma)) / (theta * (1 + theta)) };
  }
  const l = phi.lambda;
  const x = l * theta;
  if (x < 1e-4) return { psi: (x / 2 - (x * x) / 6 + (x * x * x) / 24) / l, dpsi: 0.5 - x / 3 + (x * x) / 8 };
  const e = Math.exp(-x);
  return { psi: (1 - (1 - e) / x) / l, dpsi: (1 - e - x * e) / (x * x) };
}

/** The nodes of a surface in (θ, ψ, c = ρψ) with a virtual node (0, 0, 0) at T = 0. @internal */
export interface EssviNodes {
  readonly times: Float64Array;
  readonly thetas: Float64Array;
  readonly forwards: Float64Array;
  /** SSVI: one ρ and φ. eSSVI: per-node ψ and c. */
  readonly ssvi?: { readonly rho: number; readonly phi: SsviPhi };
  readonly psis?: Float64Array;
  readonly cs?: Float64Array;
}

/** @internal */
export class EssviModel {
  private readonly theta: MonotoneCubic;
  private readonly nodes: EssviNodes;
  private readonly psis: Float64Array;
  private readonly cs: Float64Array;
  private readonly th: Float64Array;
  readonly forwardCurve: LogLinearForward;
  private readonly p: EssviPoint = { w: 0, dwdk: 0, d2wdk2: 0, dwdtheta: 0, dwdpsi: 0, dwdc: 0 };
  private readonly vd = { value: 0, derivative: 0 };

  constructor(nodes: EssviNodes) {
    this.nodes = nodes;
    this.theta = new MonotoneCubic([0, ...nodes.times], [0, ...nodes.thetas]);
    this.th = Float64Array.from([0, ...nodes.thetas]);
    this.psis = Float64Array.from([0, ...(nodes.psis ?? [])]);
    this.cs = Float64Array.from([0, ...(nodes.cs ?? [])]);
    this.forwardCurve = new LogLinearForward(nodes.times, nodes.forwards);
  }

  maxTime(): number {
    return this.nodes.times[this.nodes.times.length - 1] as number;
  }

  /** (θ, ψ, c) of the slice at T, with dθ/dT, dψ/dθ, dc/dθ. */
  sliceAt(t: number): { theta: number; psi: number; c: number; dthetadt: number; dpsidtheta: number; dcdtheta: number } {
    this.theta.valueAndDerivative(t, this.vd);
    const theta = this.vd.value;
    const dthetadt = this.vd.derivative;
    const s = this.nodes.ssvi;
    if (s !== undefined) {
      const { psi, dpsi } = ssviPsi(s.phi, theta);
      return { theta, psi, c: s.rho * psi, dthetadt, dpsidtheta: dpsi, dcdtheta: s.rho * dpsi };
    }
    const n = this.th.length;
    if (t >= (this.theta.x[n - 1] as number)) {
      // Beyond the last slice ψ and ρ stay: w grows with θ alone.
      return { theta, psi: this.psis[n - 1] as number, c: this.cs[n - 1] as number, dthetadt, dpsidtheta: 0, dcdtheta: 0 };
    }
    // ψ and c are linear in θ between the slices (Corbetta et al. 2019, §4).
    const i = this.theta.segment(t);
    const t0 = this.th[i] as number;
    const dt = (this.th[i + 1] as number) - t0;
    const dpsi = ((this.psis[i + 1] as number) - (this.psis[i] as number)) / dt;
    const dc = ((this.cs[i + 1] as number) - (this.cs[i] as number)) / dt;
    const a = theta - t0;
    return { theta, psi: (this.psis[i] as number) + dpsi * a, c: (this.cs[i] as number) + dc * a, dthetadt, dpsidtheta: dpsi, dcdtheta: dc };
  }

  derivatives(k: number, t: number): TotalVarianceDerivatives {
    const s = this.sliceAt(t);
    const p = essviPoint(k, s.theta, s.psi, s.c, this.p);
    const dwdt = s.dthetadt * (p.dwdtheta + p.dwdpsi * s.dpsidtheta + p.dwdc * s.dcdtheta);
    return { w: p.w, dwdk: p.dwdk, d2wdk2: p.d2wdk2, dwdt };
  }

  w(k: number, t: number): number {
    const s = this.sliceAt(t);
    return essviPoint(k, s.theta, s.psi, s.c, this.p).w;
  }
}
