import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedFixture } from './paths';

/** One real problem PDF of ../shared/fixtures/pdf/MANIFEST.tsv: its path and what other tools observed in it. */
export interface ManifestPdf {
  /** Relative to the fixtures' pdf folder, e.g. `qpdf__qpdf/qpdf/qtest/qpdf/incremental-3.pdf`. */
  readonly file: string;
  readonly path: string;
  readonly observed: string;
}

/** The manifest's path, or null (with the plain notice `sharedFixture` gives) when ../shared is absent. */
export const pdfManifestPath = sharedFixture('pdf/MANIFEST.tsv');

/** Every PDF the manifest lists; empty when ../shared is absent. */
export function readPdfManifest(): ManifestPdf[] {
  if (pdfManifestPath === null) {
    return [];
  }
  const folder = path.dirname(pdfManifestPath);
  return readFileSync(pdfManifestPath, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('\t'))
    .map((columns) => ({
      file: columns[7] ?? '',
      path: path.join(folder, columns[7] ?? ''),
      observed: columns[8] ?? '',
    }));
}
