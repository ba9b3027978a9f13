/**
 * Call or put, with QuantLib's values (+1 call, −1 put) so that `optionType * (S − K)` is the
 * intrinsic value's sign convention.
 * @public
 */
export enum OptionType {
  Call = 1,
  Put = -1,
}
