/**
 * How an interest rate accrues over a year fraction t, numbered as in QuantLib.
 *
 * @remarks
 * With rate r and frequency f (events per year), the compound factor C(t) is:
 * - `Simple`: 1 + r t;
 * - `Compounded`: (1 + r/f)^{f t};
 * - `Continuous`: e^{r t};
 * - `SimpleThenCompounded`: simple for t ≤ 1/f, compounded after;
 * - `CompoundedThenSimple`: compounded for t ≤ 1/f, simple after.
 *
 * Source: QuantLib `ql/compounding.hpp` and `ql/interestrate.cpp` (`compoundFactor`).
 * Checked against: `test/rates/InterestRate.test.ts`.
 *
 * @public
 */
export enum Compounding {
  /** 1 + r t. */
  Simple = 0,
  /** (1 + r/f)^{f t}. */
  Compounded = 1,
  /** e^{r t}. */
  Continuous = 2,
  /** Simple up to t = 1/f, compounded after. */
  SimpleThenCompounded = 3,
  /** Compounded up to t = 1/f, simple after. */
  CompoundedThenSimple = 4,
}
