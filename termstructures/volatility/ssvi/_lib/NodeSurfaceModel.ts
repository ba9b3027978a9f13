// Internal: the state and evaluation shared by SsviSurface and EssviSurface — the EssviModel
// cached per parameters object, and the bodies of their public methods (checks, then the model).
import { checkFinite, checkPositive } from '../../../../src/_lib/checks.js';
import type { TotalVarianceDerivatives } from '../../TotalVarianceSurface.js';
import type { VolSurfaceArbitrageDiagnostics } from '../VolSurfaceArbitrageDiagnostics.js';
import { EssviModel, type EssviNodes } from './EssviModel.js';
import { surfaceDiagnostics } from './surfaceDiagnostics.js';

/** @internal */
export class NodeSurfaceModel<P extends { readonly times: ArrayLike<number> }> {
  private readonly parameters: () => P;
  private readonly nodesOf: (p: P) => EssviNodes;
  private model: EssviModel | undefined;
  private modelOf: P | undefined;

  /**
   * @param parameters - the surface's current parameters (a fitted surface refits inside).
   * @param nodesOf - checks parameters and converts them to nodes.
   */
  constructor(parameters: () => P, nodesOf: (p: P) => EssviNodes) {
    this.parameters = parameters;
    this.nodesOf = nodesOf;
  }

  /** The model of the current parameters, rebuilt when the parameters object changes. */
  current(): EssviModel {
    const p = this.parameters();
    if (this.model === undefined || this.modelOf !== p) {
      this.model = new EssviModel(this.nodesOf(p));
      this.modelOf = p;
    }
    return this.model;
  }

  forward(t: number): number {
    checkFinite('t', t);
    return this.current().forwardCurve.forward(t);
  }

  maxTime(): number {
    return this.current().maxTime();
  }

  derivatives(k: number, t: number): TotalVarianceDerivatives {
    checkFinite('k', k);
    checkPositive('t', t);
    return this.current().derivatives(k, t);
  }

  diagnostics(kGrid: ArrayLike<number>): VolSurfaceArbitrageDiagnostics {
    const m = this.current();
    return surfaceDiagnostics((k, t) => m.derivatives(k, t), this.parameters().times, Float64Array.from(kGrid));
  }

  blackVariance(t: number, strike: number): number {
    if (t === 0) return 0;
    const m = this.current();
    return m.w(Math.log(strike / m.forwardCurve.forward(t)), t);
  }
}
