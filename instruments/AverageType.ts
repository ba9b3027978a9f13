/**
 * How an Asian option averages the fixings.
 * Source: QuantLib `ql/instruments/averagetype.hpp`.
 * @public
 */
export enum AverageType {
  Arithmetic = 'Arithmetic',
  Geometric = 'Geometric',
}
