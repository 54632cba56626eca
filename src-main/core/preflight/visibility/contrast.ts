import type { ColourKey } from '../content/colour';

/**
 * Two solid colours a reader cannot tell apart when one is printed on the other: no channel differs by more than
 * this (of 255), about 10 %. Black text on a 5 % grey box disappears; black on a yellow or light-grey highlight,
 * or dark-grey text on white, stays plain to see.
 */
const faintestDifference = 24;

/** Whether text in colour `text` is lost on a fill of colour `fill` (both solid colours; patterns and unknowns never are). */
export function isIndistinct(text: ColourKey, fill: ColourKey): boolean {
  if (text < 0 || fill < 0) {
    return false;
  }
  return (
    Math.abs(((text >> 16) & 255) - ((fill >> 16) & 255)) <= faintestDifference &&
    Math.abs(((text >> 8) & 255) - ((fill >> 8) & 255)) <= faintestDifference &&
    Math.abs((text & 255) - (fill & 255)) <= faintestDifference
  );
}
