import { PDFObjectStreamParser } from '@cantoo/pdf-lib';
import { readExponent } from './number-exponent';

/**
 * pdf-lib's object stream reader (ISO 32000-1 §7.5.7), reading numbers with an exponent as pdf.js does, as the
 * quick parser reads the objects outside object streams: a page moved into an object stream must not vanish
 * where the same page outside one is read.
 */
export class ObjectStreamParser extends PDFObjectStreamParser {
  protected override parseRawNumber(): number {
    const value = super.parseRawNumber();
    const bytes = this.bytes;
    const exponent = readExponent((at) => bytes.peekAt(at), bytes.offset());
    if (exponent.end === bytes.offset()) {
      return value;
    }
    const scaled = value * 10 ** exponent.value;
    if (!Number.isFinite(scaled)) {
      return value;
    }
    bytes.moveTo(exponent.end);
    return scaled;
  }
}
