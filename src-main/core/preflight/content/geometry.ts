/** An affine transform [a b c d e f] as PDF writes it (ISO 32000-1 §8.3.3): x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** An axis-aligned box in page space (PDF points, origin bottom-left), x0 ≤ x1 and y0 ≤ y1. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The identity transform, the CTM at the start of every page (§8.3.2). */
export const identityMatrix: Matrix = [1, 0, 0, 1, 0, 0];

/** `first` then `second`: the product first × second in PDF's row-vector convention (§8.3.4). */
export function multiplyMatrices(first: Matrix, second: Matrix): Matrix {
  // Indexed reads, not destructuring: this runs for every text run, and destructuring walks an iterator.
  return [
    first[0] * second[0] + first[1] * second[2],
    first[0] * second[1] + first[1] * second[3],
    first[2] * second[0] + first[3] * second[2],
    first[2] * second[1] + first[3] * second[3],
    first[4] * second[0] + first[5] * second[2] + second[4],
    first[4] * second[1] + first[5] * second[3] + second[5],
  ];
}

/** The axis-aligned box around the rectangle (x0, y0)–(x1, y1) after `matrix` (rotated boxes grow to their hull). */
export function transformBox(matrix: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  const box = { x0: 0, y0: 0, x1: 0, y1: 0 };
  transformBoxInto(box, matrix[0], matrix[1], matrix[2], matrix[3], matrix[4], matrix[5], x0, y0, x1, y1);
  return box;
}

/** `transformBox` by the matrix [a b c d e f], written into `out`: for the text pass, which runs it for every string shown. */
export function transformBoxInto(
  out: { x0: number; y0: number; x1: number; y1: number },
  a: number,
  b: number,
  c: number,
  d: number,
  e: number,
  f: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): void {
  const ax = a * x0 + c * y0 + e;
  const ay = b * x0 + d * y0 + f;
  const bx = a * x1 + c * y0 + e;
  const by = b * x1 + d * y0 + f;
  const cx = a * x0 + c * y1 + e;
  const cy = b * x0 + d * y1 + f;
  const dx = a * x1 + c * y1 + e;
  const dy = b * x1 + d * y1 + f;
  out.x0 = Math.min(ax, bx, cx, dx);
  out.y0 = Math.min(ay, by, cy, dy);
  out.x1 = Math.max(ax, bx, cx, dx);
  out.y1 = Math.max(ay, by, cy, dy);
}

/** The area two boxes share (0 when they only touch or do not meet). */
export function overlapArea(first: Box, second: Box): number {
  const width = Math.min(first.x1, second.x1) - Math.max(first.x0, second.x0);
  const height = Math.min(first.y1, second.y1) - Math.max(first.y0, second.y0);
  return width > 0 && height > 0 ? width * height : 0;
}

/** The box two boxes share, or null when they do not overlap. */
export function intersectBoxes(first: Box, second: Box): Box | null {
  const box = {
    x0: Math.max(first.x0, second.x0),
    y0: Math.max(first.y0, second.y0),
    x1: Math.min(first.x1, second.x1),
    y1: Math.min(first.y1, second.y1),
  };
  return box.x1 > box.x0 && box.y1 > box.y0 ? box : null;
}

/** A box's area. */
export function boxArea(box: Box): number {
  return (box.x1 - box.x0) * (box.y1 - box.y0);
}
