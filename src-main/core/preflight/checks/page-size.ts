import type { Finding } from '../../../shared/preflight';
import type { InspectedPdf } from '../check';
import { describePages } from '../dictionary-entries';

const letterWidth = 612;
const letterHeight = 792;
const tolerance = 1;

/**
 * Lists pages that are not US Letter (8.5 × 11 in, either orientation, within 1 pt): courts expect letter
 * paper and an odd page size prints or displays scaled (other courts' advice, not the CIT's:
 * docs/court-rules.md#pdf-rules).
 */
export function findPageSize(pdf: InspectedPdf): Finding[] {
  const census = pdf.census;
  if (census === null) {
    return [];
  }
  const pagesBySize = new Map<string, number[]>();
  for (const page of census.pages) {
    const box = page.mediaBox;
    if (box === null || box.length !== 4) {
      continue;
    }
    const [left = 0, bottom = 0, right = 0, top = 0] = box;
    const [width, height] = [Math.abs(right - left), Math.abs(top - bottom)];
    if (isLetter(width, height) || isLetter(height, width)) {
      continue;
    }
    const size = `${inches(width)} × ${inches(height)} in`;
    const pages = pagesBySize.get(size) ?? [];
    pages.push(page.number);
    pagesBySize.set(size, pages);
  }
  if (pagesBySize.size === 0) {
    return [];
  }
  const pages = [...pagesBySize.values()].flat().sort((left, right) => left - right);
  return [
    {
      code: 'page-size',
      severity: 'info',
      message:
        `${pages.length === 1 ? 'One page is' : `${pages.length} pages are`} not letter size (8.5 × 11 in): ${describePages(pages)}. ` +
        'CM/ECF accepts other sizes, but court papers are expected on letter paper and other sizes are scaled when printed. Check that these pages print legibly.',
      pages,
      text: [...pagesBySize].map(([size, on]) => `${size}: ${describePages(on)}`),
    },
  ];
}

function isLetter(width: number, height: number): boolean {
  return Math.abs(width - letterWidth) <= tolerance && Math.abs(height - letterHeight) <= tolerance;
}

function inches(points: number): string {
  return String(Math.round((points / 72) * 100) / 100);
}
