/**
 * Cap (a strip of caplets), floor (floorlets) or collar (long cap, short floor).
 * Source: QuantLib `ql/instruments/capfloor.hpp` (`CapFloor::Type`).
 * @public
 */
export enum CapFloorType {
  Cap = 'Cap',
  Floor = 'Floor',
  Collar = 'Collar',
}
