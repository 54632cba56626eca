import { PDFNumber } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { lazyNumberOf } from '../../../src-main/core/preflight/parse/lazy-number';

describe('numbers read by the quick parser', () => {
  it("are PDFNumbers with the same value and written form as pdf-lib's, even where JavaScript would use an exponent", () => {
    for (const value of [0, -0, 1, -12.5, 0.1, 1e-7, -3e-9, 1e21, 123456789012345680000, 612]) {
      const quick = lazyNumberOf(value);
      const slow = PDFNumber.of(value);
      expect(quick).toBeInstanceOf(PDFNumber);
      expect(quick.constructor).toBe(PDFNumber);
      expect(Object.is(quick.asNumber(), slow.asNumber())).toBe(true);
      expect(quick.toString()).toBe(slow.toString());
      expect(quick.sizeInBytes()).toBe(slow.sizeInBytes());
      expect(quick.clone().toString()).toBe(slow.toString());
    }
  });

  it('are written into a file byte for byte as pdf-lib writes them', () => {
    const [quick, slow] = [new Uint8Array(32), new Uint8Array(32)];
    expect(lazyNumberOf(1e-7).copyBytesInto(quick, 2)).toBe(PDFNumber.of(1e-7).copyBytesInto(slow, 2));
    expect(quick).toEqual(slow);
  });
});
