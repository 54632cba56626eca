import type { Box } from './geometry';
import type { Matrix } from './geometry';
import { transformBox } from './geometry';

/** How far apart two coordinates may be and still count as one edge of an axis-aligned box (points). */
const alignmentTolerance = 0.01;

interface Subpath {
  readonly box: Box;
  /** Four axis-aligned corners: a box. */
  readonly isRectangle: boolean;
  /** Drawn with `re`, whose winding is always the same, so nested `re`s never cut holes under the nonzero rule. */
  readonly isReOperator: boolean;
}

/**
 * Collects the current path (ISO 32000-1 §8.5.2) as page-space rectangles. Like x-ray, which keeps each
 * `re` of a drawing rather than the drawing's outline (a multi-line redaction is several bars, and their
 * outline would swallow the visible words between them), each `re` and each closed four-corner subpath is
 * its own rectangle; a filled path with neither (a rounded box drawn with curves) counts as its outline.
 * A box nested with another shape of the same path is a frame or its hole, not a solid box (nested `re`s
 * filled by the nonzero rule are the exception: they are solid).
 */
export class PathBuilder {
  private subpaths: Subpath[] = [];
  /** The current subpath's corners in page space, flattened x, y. */
  private corners: number[] = [];
  private isCurved = false;

  /** re: a whole rectangle subpath. */
  rectangle(ctm: Matrix, x: number, y: number, width: number, height: number): void {
    this.endSubpath();
    const box = transformBox(
      ctm,
      Math.min(x, x + width),
      Math.min(y, y + height),
      Math.max(x, x + width),
      Math.max(y, y + height),
    );
    this.subpaths.push({ box, isRectangle: true, isReOperator: true });
  }

  /** m: begin a subpath. */
  moveTo(ctm: Matrix, x: number, y: number): void {
    this.endSubpath();
    this.lineTo(ctm, x, y);
  }

  /** l: a straight segment. */
  lineTo(ctm: Matrix, x: number, y: number): void {
    this.corners.push(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
  }

  /** c, v, y: a curve; its control points bound it, which is all the outline needs. */
  curveTo(ctm: Matrix, points: ArrayLike<number>, count: number): void {
    this.isCurved = true;
    for (let index = 0; index + 1 < count; index += 2) {
      this.lineTo(ctm, points[index]!, points[index + 1]!);
    }
  }

  /** The box around the whole path (for a clip), or null when it is empty. */
  bounds(): Box | null {
    this.endSubpath();
    if (this.subpaths.length === 0) {
      return null;
    }
    return this.subpaths.map((subpath) => subpath.box).reduce(union);
  }

  /** Whether the last `takeFilledRects` gave the box around a shape with no rectangle in it (a curve, a glyph outline). */
  wasOutline = false;

  /** The rectangles to report when the path is filled (`isEvenOdd` for f*, B*, b*); the path is then cleared. */
  takeFilledRects(isEvenOdd: boolean): Box[] {
    this.endSubpath();
    const subpaths = this.subpaths;
    this.clear();
    this.wasOutline = false;
    if (subpaths.length === 0) {
      return [];
    }
    const rectangles = subpaths.filter((subpath) => subpath.isRectangle);
    if (rectangles.length === 0) {
      this.wasOutline = true;
      return [subpaths.map((subpath) => subpath.box).reduce(union)];
    }
    const cutsHole = (rectangle: Subpath, other: Subpath): boolean =>
      (isEvenOdd || !rectangle.isReOperator || !other.isReOperator) &&
      (contains(rectangle.box, other.box) || contains(other.box, rectangle.box));
    return rectangles
      .filter((rectangle) => !subpaths.some((other) => other !== rectangle && cutsHole(rectangle, other)))
      .map((subpath) => subpath.box);
  }

  /** Ends the path without reporting it (stroke, clip or `n`). */
  clear(): void {
    this.subpaths = [];
    this.corners = [];
    this.isCurved = false;
  }

  private endSubpath(): void {
    const corners = this.corners;
    if (corners.length === 0) {
      return;
    }
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let index = 0; index + 1 < corners.length; index += 2) {
      x0 = Math.min(x0, corners[index]!);
      x1 = Math.max(x1, corners[index]!);
      y0 = Math.min(y0, corners[index + 1]!);
      y1 = Math.max(y1, corners[index + 1]!);
    }
    this.subpaths.push({
      box: { x0, y0, x1, y1 },
      isRectangle: !this.isCurved && isAxisAlignedQuad(corners),
      isReOperator: false,
    });
    this.corners = [];
    this.isCurved = false;
  }
}

/** Four corners (an explicit return to the first is allowed), each edge horizontal or vertical. */
function isAxisAlignedQuad(corners: readonly number[]): boolean {
  const closes = corners.length === 10 && near(corners[0]!, corners[8]!) && near(corners[1]!, corners[9]!);
  if (corners.length !== 8 && !closes) {
    return false;
  }
  for (let index = 0; index < 8; index += 2) {
    const next = (index + 2) % 8;
    if (!near(corners[index]!, corners[next]!) && !near(corners[index + 1]!, corners[next + 1]!)) {
      return false;
    }
  }
  return true;
}

function contains(outer: Box, inner: Box): boolean {
  return inner.x0 >= outer.x0 && inner.y0 >= outer.y0 && inner.x1 <= outer.x1 && inner.y1 <= outer.y1;
}

function union(first: Box, second: Box): Box {
  return {
    x0: Math.min(first.x0, second.x0),
    y0: Math.min(first.y0, second.y0),
    x1: Math.max(first.x1, second.x1),
    y1: Math.max(first.y1, second.y1),
  };
}

function near(first: number, second: number): boolean {
  return Math.abs(first - second) <= alignmentTolerance;
}
