import { PDFArray, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import type { PDFDict, PDFObject } from '@cantoo/pdf-lib';
import { nameFor, textOfName } from '../pdf-names';
import { lookupDict, lookupNumber } from './lenient-lookups';

/**
 * Fill colours as one comparable number: 0xRRGGBB (8 bits a channel, so near-identical shades written with
 * different precision compare equal), or one of the two markers below. x-ray compares the text's colour
 * with the box's to catch text drawn in the box's own colour, so colours must compare cheaply.
 */
export type ColourKey = number;

/** A solid fill whose colour the interpreter cannot work out (Lab, Indexed, DeviceN): never equal to anything. */
const unknownColour: ColourKey = -1;
/** A pattern or shading fill: not a solid colour, so not a redaction box (x-ray keeps only drawings with a solid fill). */
export const patternColour: ColourKey = -2;

/** The colour spaces the interpreter tells apart (ISO 32000-1 §8.6). */
export const ColourSpace = { gray: 1, rgb: 3, cmyk: 4, tint: 5, other: 6, pattern: 7 } as const;
/** One of `ColourSpace`. */
export type ColourSpaceKind = (typeof ColourSpace)[keyof typeof ColourSpace];

/** The key of an RGB colour given in 0–1 components. */
export function rgbKey(red: number, green: number, blue: number): ColourKey {
  return (channel(red) << 16) | (channel(green) << 8) | channel(blue);
}

/** The key of the colour that `count` components from `from` in `values` give in `space` (the operands of sc/scn, g, rg or k). */
export function colourKey(
  space: ColourSpaceKind,
  values: ArrayLike<number>,
  from = 0,
  count = values.length,
): ColourKey {
  const first = count > 0 ? values[from]! : 0;
  const second = count > 1 ? values[from + 1]! : 0;
  const third = count > 2 ? values[from + 2]! : 0;
  const fourth = count > 3 ? values[from + 3]! : 0;
  switch (space) {
    case ColourSpace.gray:
      return rgbKey(first, first, first);
    case ColourSpace.rgb:
      return rgbKey(first, second, third);
    case ColourSpace.cmyk:
      // The naive conversion of §10.3.4: good enough to tell black from white and to compare two colours.
      return rgbKey((1 - first) * (1 - fourth), (1 - second) * (1 - fourth), (1 - third) * (1 - fourth));
    case ColourSpace.tint:
      // A single ink: full tint reads as black ink, none as paper.
      return count === 1 ? rgbKey(1 - first, 1 - first, 1 - first) : unknownColour;
    case ColourSpace.pattern:
      return patternColour;
    default:
      return unknownColour;
  }
}

/** The initial colour of a newly selected colour space (§8.6.8: black for device spaces, full tint for inks). */
export function initialColour(space: ColourSpaceKind): ColourKey {
  if (space === ColourSpace.cmyk) {
    return colourKey(space, [0, 0, 0, 1]);
  }
  if (space === ColourSpace.tint) {
    return colourKey(space, [1]);
  }
  return colourKey(space, [0]);
}

const colourSpaceKey = PDFName.of('ColorSpace');
const componentCountKey = PDFName.of('N');

/** Which kind of colour space the `cs` operand `name` selects, looking it up in the resources when it is not a device space. */
export function resolveColourSpace(name: string, resources: PDFDict | undefined): ColourSpaceKind {
  const direct = familyKind(name);
  if (direct !== undefined) {
    return direct;
  }
  return describeColourSpace(lookupDict(resources, colourSpaceKey)?.lookup(nameFor(name)));
}

/** Which kind of colour space a /ColorSpace value (a name or an array, as an image dictionary gives it) is. */
export function describeColourSpace(value: PDFObject | undefined): ColourSpaceKind {
  if (value instanceof PDFName) {
    return familyKind(textOfName(value)) ?? ColourSpace.other;
  }
  if (!(value instanceof PDFArray) || value.size() === 0) {
    return ColourSpace.other;
  }
  const family = value.lookup(0);
  if (!(family instanceof PDFName)) {
    return ColourSpace.other;
  }
  const familyName = textOfName(family);
  if (familyName === 'ICCBased') {
    const profile = value.lookup(1);
    const count = profile instanceof PDFRawStream ? lookupNumber(profile.dict, componentCountKey, 0) : 0;
    return count === 1
      ? ColourSpace.gray
      : count === 3
        ? ColourSpace.rgb
        : count === 4
          ? ColourSpace.cmyk
          : ColourSpace.other;
  }
  if (familyName === 'Separation' || familyName === 'DeviceN') {
    return ColourSpace.tint;
  }
  return familyKind(familyName) ?? ColourSpace.other;
}

/**
 * How light a colour is, 0 (black) to 1 (white), by the Rec. 601 weights; undefined for pattern and unknown
 * fills. The redaction check calls a cover dark at 0.2 or below, where no text printed in black shows through.
 */
export function luminanceOf(key: ColourKey): number | undefined {
  if (key < 0) {
    return undefined;
  }
  return (0.299 * ((key >> 16) & 255) + 0.587 * ((key >> 8) & 255) + 0.114 * (key & 255)) / 255;
}

function familyKind(name: string): ColourSpaceKind | undefined {
  switch (name) {
    case 'DeviceGray':
    case 'CalGray':
    case 'G':
      return ColourSpace.gray;
    case 'DeviceRGB':
    case 'CalRGB':
    case 'RGB':
      return ColourSpace.rgb;
    case 'DeviceCMYK':
    case 'CMYK':
      return ColourSpace.cmyk;
    case 'Pattern':
      return ColourSpace.pattern;
    default:
      return undefined;
  }
}

function channel(value: number): number {
  if (!(value > 0)) {
    return 0;
  }
  if (value >= 1) {
    return 255;
  }
  return Math.round(value * 255);
}
