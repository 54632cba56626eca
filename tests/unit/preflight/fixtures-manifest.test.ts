import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FindingCode } from '../../../src-main/shared/preflight';
import { preflightPdf } from '../../../src-main/core/preflight/run-preflight';
import { pdfManifestPath, readPdfManifest } from '../../support/pdf-manifest';

/**
 * Every real problem PDF in ../shared/fixtures/pdf/MANIFEST.tsv, checked against what other tools observed
 * (column `observed_here`). A difference is either a bug or listed below with the reason it is expected:
 * `+code` means preflight reports it though the label does not say so, `-code` the other way round.
 */
const knownDisagreements: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'openpreserve__format-corpus/pdf-handbuilt-test-corpus/T04_006_premature-EOF.pdf': {
    '+malformed':
      'qpdf --check: "object 4 0: expected n n obj … Attempting to reconstruct cross-reference table" (exit 3, warnings only)',
  },
  'qpdf__qpdf/qpdf/qtest/qpdf/append-xref-loop.pdf': {
    '+malformed': 'qpdf --check: "loop detected following xref tables … reconstruct" (exit 3)',
  },
  'qpdf__qpdf/qpdf/qtest/qpdf/bad-xref-entry.pdf': {
    '+malformed': 'qpdf --check: "object 5 0: expected n n obj … reconstruct" (exit 3)',
  },
  'mozilla__pdf.js/test/pdfs/GHOSTSCRIPT-698804-1-fuzzed.pdf': {
    '+malformed': 'qpdf --check: "error reading xref: integer out of range … reconstruct" (exit 3)',
  },
  'chromium__pdfium/testing/resources/bug_xrefv4_loop.pdf': {
    '+malformed': 'qpdf --check: "loop detected following xref tables … reconstruct" (exit 3)',
  },
  'mozilla__pdf.js/test/pdfs/encrypted-attachment.pdf': {
    '+malformed':
      'qpdf --check: "xref not found … reconstruct"; its exit 2 is for the password, so the label cannot tell',
    '-embedded-files':
      'needs a user password: nothing inside can be read until it is unprotected, and `encrypted` already blocks it',
  },
  'mozilla__pdf.js/test/pdfs/auth-event-ef-open.pdf': {
    '-embedded-files':
      'needs a user password: nothing inside can be read until it is unprotected, and `encrypted` already blocks it',
  },
  'mozilla__pdf.js/test/pdfs/PDFBOX-4352-0.pdf': {
    '+encrypted':
      'the trailer names /Encrypt 6 0 R (a damaged object); any /Encrypt counts (court FAQ 51), qpdf only reports the damage',
  },
  'mozilla__pdf.js/test/pdfs/bug1606566.pdf': {
    '-malformed': 'no %PDF- header: reported as not-pdf, which says more than malformed',
  },
  'mozilla__pdf.js/test/pdfs/multimedia_annotations.pdf': {
    '+active-content':
      'its Screen annotations carry Rendition actions, blocked with the whole list of docs/court-rules.md#external-actions (the label lists only key names it searched for)',
  },
};

const rows = readPdfManifest();

/** What the label says preflight should find, code by code. */
function labelledCodes(observed: string): Set<FindingCode> {
  const field = (name: string): string => new RegExp(`(?:^|; )${name}=([^;]*)`).exec(observed)?.[1] ?? '';
  const names = new Set(field('names').split('/'));
  const annotations = field('annots');
  const isUserPasswordFile = observed.includes('user-password-required');
  const codes = new Set<FindingCode>();
  if (field('hdr') === 'None') {
    codes.add('not-pdf');
  }
  if (
    observed.includes('pdf-lib:load-error') ||
    observed.includes('mupdf_repaired') ||
    (field('qpdf_check_rc') === '2' && !isUserPasswordFile)
  ) {
    codes.add('malformed');
  }
  if (/(?:^|; )encrypted /.test(observed)) {
    codes.add('encrypted');
  }
  // Launch, SubmitForm and GoToE are in the manifest's name list; pdf.js saw OpenAction JavaScript that a byte scan missed.
  if (
    ['JavaScript', 'JS', 'Launch', 'SubmitForm', 'GoToE', 'GoToR', 'ImportData'].some((name) => names.has(name)) ||
    field('pdfjs_docJS') === 'OpenAction'
  ) {
    codes.add('active-content');
  }
  if (field('embedded_files') !== '' || names.has('EmbeddedFile') || names.has('EmbeddedFiles')) {
    codes.add('embedded-files');
  }
  if (/\b(RichMedia|Screen|Sound|Movie|3D):/.test(annotations)) {
    codes.add('multimedia');
  }
  if (names.has('AcroForm')) {
    codes.add('forms');
  }
  // mupdf's countVersions does not count a linearized file's first-page %%EOF, so "%%EOF x2" alone is one version.
  if (Number(field('mupdf_versions') || '1') > 1) {
    codes.add('earlier-revisions');
  }
  if (Number(field('ocgs') || '0') > 0) {
    codes.add('hidden-layers');
  }
  if (/\bRedact:/.test(annotations)) {
    codes.add('unapplied-redaction');
  }
  return codes;
}

const comparedCodes: readonly FindingCode[] = [
  'not-pdf',
  'malformed',
  'encrypted',
  'active-content',
  'embedded-files',
  'multimedia',
  'forms',
  'earlier-revisions',
  'hidden-layers',
  'unapplied-redaction',
];

describe('preflight on the real problem PDFs of the fixture manifest', () => {
  beforeAll(() => {
    // The parser reports oddities of fuzzed files on the console; the findings carry what matters.
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterAll(() => {
    vi.restoreAllMocks();
  });

  it.skipIf(pdfManifestPath === null)('lists fixtures to check', () => {
    expect(rows.length).toBeGreaterThan(80);
  });

  for (const row of rows) {
    it(`${row.file} matches its label`, async () => {
      const file = row.path;
      const started = performance.now();
      const report = await preflightPdf(readFileSync(file));
      expect(performance.now() - started).toBeLessThan(10_000);

      const found = new Set(report.findings.map((finding) => finding.code));
      const labelled = labelledCodes(row.observed);
      const differences: Record<string, string> = {};
      const expected = knownDisagreements[row.file] ?? {};
      for (const code of comparedCodes) {
        const key =
          found.has(code) && !labelled.has(code)
            ? `+${code}`
            : !found.has(code) && labelled.has(code)
              ? `-${code}`
              : null;
        if (key !== null) {
          differences[key] = expected[key] ?? 'not explained';
        }
      }
      expect(differences).toEqual(expected);
    });
  }
});
