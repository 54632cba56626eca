import { PDFArray, PDFBool, PDFName } from '@cantoo/pdf-lib';
import type { PDFRawStream } from '@cantoo/pdf-lib';
import { ColourSpace, describeColourSpace, luminanceOf } from './colour';
import type { ColourKey } from './colour';
import { lookupNumber, readNumbers } from './lenient-lookups';
import { readStreamBytes } from './stream-bytes';

/** A cover is dark at this luminance or below (0 black, 1 white): black text does not show through it. */
export const darkestCover = 0.2;
/** Images with more samples than this are left undecided: decoding them would cost more than the check is worth. */
const mostSamples = 1_000_000;
/** An image mask hides what is under it when it paints at least this share of its pixels. */
const paintedShare = 1 - darkestCover;

const names = {
  width: PDFName.of('Width'),
  height: PDFName.of('Height'),
  bits: PDFName.of('BitsPerComponent'),
  colourSpace: PDFName.of('ColorSpace'),
  decode: PDFName.of('Decode'),
  filter: PDFName.of('Filter'),
  imageMask: PDFName.of('ImageMask'),
  softMask: PDFName.of('SMask'),
  mask: PDFName.of('Mask'),
  flate: PDFName.of('FlateDecode'),
};

/** What the samples of an image say, worked out once per image however often it is placed. */
type Samples =
  | { readonly kind: 'colour'; readonly luminance: number }
  | { readonly kind: 'mask'; readonly paintedShare: number }
  | null;

const samplesCache = new WeakMap<PDFRawStream, Samples>();

/**
 * Whether an image paints a dark area (docs/court-rules.md#redaction-leaks, x-ray PR #211: dark raster images over
 * text), decided cheaply from its samples: an 8-bit grey or RGB image whose average is dark, a 1-bit image
 * likewise, or an image mask that paints most of its area in a dark fill colour. Only uncompressed or Flate
 * images up to a million samples are read; JPEG, JPX and JBIG2 images and images with a transparency mask
 * are left undecided (not dark), so the check never flags what it could not see.
 */
export function isDarkImage(image: PDFRawStream, fillColour: ColourKey): boolean {
  const luminance = imageLuminance(image, fillColour);
  return luminance !== null && luminance <= darkestCover;
}

/**
 * How light an image looks as a whole (0 black to 1 white), from its samples as `isDarkImage` reads them; null
 * when they cannot be read cheaply (JPEG, JPX, JBIG2, CCITT, a transparency mask, a huge image) or when an image
 * mask paints too little of its area to say: only a renderer can tell then (docs/court-rules.md#redaction-leaks).
 */
export function imageLuminance(image: PDFRawStream, fillColour: ColourKey): number | null {
  let samples = samplesCache.get(image);
  if (samples === undefined) {
    samples = readSamples(image);
    samplesCache.set(image, samples);
  }
  if (samples === null) {
    return null;
  }
  if (samples.kind === 'colour') {
    return samples.luminance;
  }
  const fill = luminanceOf(fillColour);
  return fill !== undefined && samples.paintedShare >= paintedShare ? fill : null;
}

function readSamples(image: PDFRawStream): Samples {
  const dict = image.dict;
  if (dict.lookup(names.softMask) !== undefined || dict.lookup(names.mask) !== undefined) {
    return null;
  }
  if (!isReadableFilter(image)) {
    return null;
  }
  const width = lookupNumber(dict, names.width, 0);
  const height = lookupNumber(dict, names.height, 0);
  const isMask = dict.lookup(names.imageMask) === PDFBool.True;
  const bits = isMask ? 1 : lookupNumber(dict, names.bits, 0);
  const space = isMask ? ColourSpace.gray : describeColourSpace(dict.lookup(names.colourSpace));
  const components = space === ColourSpace.gray ? 1 : space === ColourSpace.rgb ? 3 : 0;
  if (
    !(width > 0 && height > 0) ||
    components === 0 ||
    (bits !== 1 && bits !== 8) ||
    width * height * components > mostSamples
  ) {
    return null;
  }
  const rowBytes = Math.ceil((width * components * bits) / 8);
  const bytes = readStreamBytes(image);
  // A predictor or damage leaves the data a different size from the samples it should hold: undecided.
  if (bytes.length < rowBytes * height) {
    return null;
  }
  const decode = readNumbers(dict.lookup(names.decode));
  const means = meanSamples(bytes, width, height, components, bits, rowBytes);
  // §8.9.5.2: Decode maps a sample's 0–1 value onto [Dmin, Dmax]; without one, 0 maps to 0 (for a mask, to "paint").
  const decoded = means.map((mean, index) => {
    const low = decode?.[2 * index] ?? 0;
    const high = decode?.[2 * index + 1] ?? 1;
    return low + mean * (high - low);
  });
  if (isMask) {
    return { kind: 'mask', paintedShare: 1 - decoded[0]! };
  }
  const luminance = components === 1 ? decoded[0]! : 0.299 * decoded[0]! + 0.587 * decoded[1]! + 0.114 * decoded[2]!;
  return { kind: 'colour', luminance };
}

/** The average of each component over the image, each on 0–1, rows padded to whole bytes (§8.9.3). */
function meanSamples(
  bytes: Uint8Array,
  width: number,
  height: number,
  components: number,
  bits: number,
  rowBytes: number,
): number[] {
  const sums = new Array<number>(components).fill(0);
  for (let row = 0; row < height; row += 1) {
    const start = row * rowBytes;
    if (bits === 8) {
      for (let column = 0; column < width * components; column += 1) {
        sums[column % components]! += bytes[start + column]! / 255;
      }
      continue;
    }
    for (let column = 0; column < width * components; column += 1) {
      const bit = (bytes[start + (column >> 3)]! >> (7 - (column & 7))) & 1;
      sums[column % components]! += bit;
    }
  }
  return sums.map((sum) => sum / (width * height));
}

function isReadableFilter(image: PDFRawStream): boolean {
  const filter = image.dict.lookup(names.filter);
  if (filter === undefined) {
    return true;
  }
  const only = filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : filter;
  return only === names.flate;
}
