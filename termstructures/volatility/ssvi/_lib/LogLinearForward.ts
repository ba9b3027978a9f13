// Internal: a forward curve F(T) with ln F linear in T between nodes (a constant carry between
// expiries), continuing the nearest segment's slope beyond the ends (flat for one node).
export class LogLinearForward {
  private readonly times: Float64Array;
  private readonly logs: Float64Array;

  constructor(times: ArrayLike<number>, forwards: ArrayLike<number>) {
    this.times = Float64Array.from(times);
    this.logs = Float64Array.from(forwards, Math.log);
  }

  forward(t: number): number {
    const x = this.times;
    const n = x.length;
    if (n === 1) return Math.exp(this.logs[0] as number);
    let i = 0;
    if (t >= (x[n - 1] as number)) i = n - 2;
    else if (t > (x[0] as number)) {
      let lo = 0;
      let hi = n - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((x[mid] as number) <= t) lo = mid;
        else hi = mid;
      }
      i = lo;
    }
    const t0 = x[i] as number;
    const slope = ((this.logs[i + 1] as number) - (this.logs[i] as number)) / ((x[i + 1] as number) - t0);
    return Math.exp((this.logs[i] as number) + slope * (t - t0));
  }
}
