import { PDFDict, PDFName } from '@cantoo/pdf-lib';
import type { PDFObject } from '@cantoo/pdf-lib';

/** Page attributes a page may inherit from the page tree (ISO 32000-1 §7.7.3.4); a copied page carries them itself. */
export const inheritedKeys = ['Resources', 'MediaBox', 'CropBox', 'Rotate'] as const;

/** The value a page inherits for `key` from its nearest ancestor in the page tree that has it, safe against loops. */
export function inheritedValue(page: PDFDict, key: string): PDFObject | undefined {
  const seen = new Set<PDFDict>();
  for (
    let node = page.lookup(PDFName.of('Parent'));
    node instanceof PDFDict && !seen.has(node);
    node = node.lookup(PDFName.of('Parent'))
  ) {
    seen.add(node);
    const value = node.get(PDFName.of(key));
    if (value !== undefined) {
      return value;
    }
  }
  return undefined;
}
