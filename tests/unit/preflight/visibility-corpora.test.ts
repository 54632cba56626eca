import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { findBadRedactions } from '../../../src-main/core/preflight/checks/bad-redaction';
import { findHiddenText } from '../../../src-main/core/preflight/checks/hidden-text';
import { inspectPdf } from '../../../src-main/core/preflight/inspect-pdf';
import { sharedFixture } from '../../support/paths';

/** x-ray's test files that hold no bad redaction (its "no", "ok" and ordering cases). */
const xrayClean =
  /^(rectangles_no|no_bad_redactions\..*|.*_ok|ok_words|unfilled_rect|whitespace_redactions(_2)?|rect_ordering_.*)\.pdf$/;

/** Every PDF under a shared fixture folder, or none when `../shared` is absent. */
function pdfsUnder(relative: string, keep: (name: string) => boolean = () => true): string[] {
  const folder = sharedFixture(relative);
  if (folder === null) {
    return [];
  }
  const found: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) {
        walk(full);
      } else if (entry.name.toLowerCase().endsWith('.pdf') && keep(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(folder);
  return found.sort();
}

const files = [
  ...pdfsUnder('pdf/mozilla__pdf.js'),
  ...pdfsUnder('pdf/chromium__pdfium'),
  ...pdfsUnder('pdf/freelawproject__x-ray/tests/assets', (name) => xrayClean.test(name)),
];

describe.skipIf(files.length === 0)(
  'no bad redaction or hidden text in the pdf.js and pdfium test files or in x-ray’s clean cases (skipped when ../shared is absent)',
  () => {
    it('the shared set holds the files this guard is about', () => {
      expect(files.length).toBeGreaterThan(40);
    });

    for (const file of files) {
      it(path.relative(path.dirname(path.dirname(file)), file), async () => {
        const pdf = await inspectPdf(new Uint8Array(readFileSync(file)), citPreflightOptions);
        expect(await findBadRedactions(pdf)).toEqual([]);
        expect(findHiddenText(pdf)).toEqual([]);
      });
    }
  },
);
