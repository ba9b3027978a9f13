/**
 * The four single-barrier types: knock-in or knock-out, barrier below (down) or above (up) the spot.
 * Source: QuantLib `ql/instruments/barriertype.hpp`.
 * @public
 */
export enum BarrierType {
  DownIn = 'DownIn',
  UpIn = 'UpIn',
  DownOut = 'DownOut',
  UpOut = 'UpOut',
}
