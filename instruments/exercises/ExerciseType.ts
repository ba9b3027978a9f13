/**
 * When an option may be exercised.
 * @public
 */
export enum ExerciseType {
  American = 'American',
  Bermudan = 'Bermudan',
  European = 'European',
}
