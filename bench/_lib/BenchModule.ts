/** What every bench/*.bench.ts module exports. */
export interface BenchModule {
  /** Runs the benchmark and prints its table; never asserts timings. */
  run(): Promise<void> | void;
}
