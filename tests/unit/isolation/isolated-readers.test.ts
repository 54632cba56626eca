import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedBundles } from '../../../src-main/build/isolated-bundles.mjs';
import { largestUnpackedPackageBytes, writeDraftPackage } from '../../../src-main/core/filing/draft-package';
import { createIsolatedReaders, defaultTaskLimits } from '../../../src-main/core/isolation/isolated-readers';
import { isolatedTaskFiles } from '../../../src-main/core/isolation/isolated-tasks';
import { nodeChildLauncher } from '../../../src-main/core/isolation/node-child-launcher';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { unreadableFileReport } from '../../../src-main/core/preflight/unreadable-file';
import type { PreflightProgress } from '../../../src-main/shared/preflight';
import { composeNefEmail } from '../../../src-main/training-court/mail/compose-nef';
import { testIsolatedChildPath } from '../../support/paths';
import { makeLargePdf, makeNotPdf, makePdf } from '../../support/synthetic-pdfs';
import { buildOutlookMsg } from '../inbox/sources/outlook-msg';
import { sampleNefEntry } from '../training-court/mail/sample-nef-entry';
import { draftWith } from '../filing/draft-builder';
import type { DocumentRecord } from '../../../src-main/shared/domain';

// Every job the app does on untrusted bytes, run as the app ships it: in child processes, through the real bundles.

const readers = createIsolatedReaders({ scriptPath: testIsolatedChildPath });
afterAll(async () => {
  await readers.close();
});

const notice = (magicNum: string, docketText?: string): Uint8Array =>
  new TextEncoder().encode(
    composeNefEmail(
      sampleNefEntry(docketText === undefined ? {} : { docketText }),
      { email: 'jmorgan@morganreyes.example', magicNum },
      { messageId: magicNum, date: new Date('2026-11-30T15:00:00Z') },
    ),
  );

describe('reading an added document', () => {
  it('reads page counts and reports in one job, several documents at once, and keeps the caller’s bytes intact', async () => {
    const documents = [await makePdf(1), await makePdf(2), await makePdf(5), makeNotPdf()];
    const readings = await Promise.all(documents.map((bytes) => readers.readDocument(bytes, {})));
    expect(readings.map((reading) => (reading.kind === 'pdf' ? reading.report.pages : reading.kind))).toEqual([
      1,
      2,
      5,
      'not-pdf',
    ]);
    expect(readings[0]).toMatchObject({ kind: 'pdf', report: { verdict: 'pass' } });
    expect(documents[2]?.byteLength).toBeGreaterThan(0);
  });

  it('reports a timeout for a document that takes longer than its limit', async () => {
    const slow = createIsolatedReaders({
      scriptPath: testIsolatedChildPath,
      limits: { preflight: { timeoutMs: 1, maxMemoryMb: 1024 } },
    });
    try {
      expect(await slow.readDocument(await makePdf(50), {})).toEqual({ kind: 'timeout' });
    } finally {
      await slow.close();
    }
  });
});

describe('preflight', () => {
  it('reports its progress page by page and then the report', async () => {
    const progress: PreflightProgress[] = [];
    const report = await readers.preflight(await makePdf(400), citPreflightOptions, {
      onProgress: (each) => progress.push(each),
    });
    expect(report.pages).toBe(400);
    expect(report.verdict).toBe('pass');
    expect(progress.map((each) => each.phase)).toEqual(expect.arrayContaining(['reading', 'pages', 'checking']));
    expect(progress[0]?.phase).toBe('reading');
    expect(progress.at(-1)).toEqual({ phase: 'checking', pagesDone: 400, pageCount: 400 });
    const pages = progress.filter((each) => each.phase === 'pages');
    expect(pages[0]?.pagesDone).toBe(1);
    expect(pages.at(-1)?.pagesDone).toBe(400);
    expect(pages.map((each) => each.pagesDone)).toEqual([...pages.map((each) => each.pagesDone)].sort((a, b) => a - b));
  });

  it('stops when cancelled and says so, without waiting for the document to finish', async () => {
    const cancel = new AbortController();
    const running = readers.preflight(await makeLargePdf(40), citPreflightOptions, { signal: cancel.signal });
    setTimeout(() => cancel.abort(), 50);
    const report = await running;
    expect(report.verdict).toBe('error');
    expect(report.error).toContain('cancelled');
  });

  it('gives a document that takes too long an error verdict that says it could not be checked safely', async () => {
    const slow = createIsolatedReaders({
      scriptPath: testIsolatedChildPath,
      limits: { preflight: { timeoutMs: 1, maxMemoryMb: 1536 } },
    });
    try {
      const report = await slow.preflighter.preflight(await makePdf(50), {});
      expect(report).toMatchObject({ verdict: 'error', pages: null });
      expect(report.error).toContain('could not check this PDF safely: it took longer than it may');
    } finally {
      await slow.close();
    }
  });
});

describe('preflight of a file named by its path', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'ecf-preflight-path-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is read by the child: only the path crosses to it, and the report is the one its bytes get', async () => {
    const sent: unknown[] = [];
    const watched = createIsolatedReaders({
      scriptPath: testIsolatedChildPath,
      launcher: {
        launch(scriptPath, options) {
          const handle = nodeChildLauncher.launch(scriptPath, options);
          return {
            ...handle,
            send: (message) => {
              sent.push(message);
              handle.send(message);
            },
          };
        },
      },
    });
    try {
      const bytes = await makePdf(3);
      const file = path.join(folder, 'Brief.pdf');
      writeFileSync(file, bytes);
      const options = { ...citPreflightOptions, limitBytes: 1000 };
      const byPath = await watched.preflightFile(path.relative(process.cwd(), file), options);
      expect(byPath).toEqual(await watched.preflight(bytes, options));
      expect(byPath).toMatchObject({ bytes: bytes.byteLength, pages: 3, verdict: 'block' });
      expect(byPath.findings.map((finding) => finding.code)).toContain('too-large');
      const tasks = sent.filter((message) => (message as { kind: string }).kind === 'task');
      expect(tasks[0]).toMatchObject({ task: 'preflight', input: { file: { path: file } } });
      expect(tasks[0]).not.toHaveProperty('input.bytes');
    } finally {
      await watched.close();
    }
  });

  it('gives a file that cannot be read the report the command line always gave: nothing checked, and why', async () => {
    expect(await readers.preflightFile(path.join(folder, 'missing.pdf'), citPreflightOptions)).toEqual(
      unreadableFileReport('ENOENT'),
    );
    expect(await readers.preflightFile(folder, citPreflightOptions)).toEqual(unreadableFileReport('EISDIR'));
    expect(unreadableFileReport('ENOENT')).toEqual({
      bytes: 0,
      pages: null,
      verdict: 'error',
      findings: [],
      error: 'The file could not be read (ENOENT).',
    });
  });

  it('gives a file whose check failed an error report of the file’s size', async () => {
    const slow = createIsolatedReaders({
      scriptPath: testIsolatedChildPath,
      limits: { preflight: { timeoutMs: 1, maxMemoryMb: 1536 } },
    });
    try {
      const bytes = await makePdf(50);
      const file = path.join(folder, 'Long.pdf');
      writeFileSync(file, bytes);
      const report = await slow.preflightFile(file, citPreflightOptions);
      expect(report).toMatchObject({ bytes: bytes.byteLength, verdict: 'error', pages: null });
      expect(report.error).toContain('could not check this PDF safely: it took longer than it may');
    } finally {
      await slow.close();
    }
  });
});

describe('notices', () => {
  it('reads a notice into the same fields as in process', async () => {
    const reading = await readers.noticeParser.parse(notice('24681357'));
    expect(reading.kind).toBe('read');
    if (reading.kind === 'read') {
      expect(reading.notice.dockets[0]).toMatchObject({
        magicNum: '24681357',
        caseNumber: sampleNefEntry().caseNumber,
      });
    }
  });

  it('stops an email that takes too long at its limit, says why, and reads the next one', async () => {
    const slow = createIsolatedReaders({
      scriptPath: testIsolatedChildPath,
      limits: { notice: { timeoutMs: 1, maxMemoryMb: 512 } },
    });
    try {
      expect(await slow.noticeParser.parse(notice('1', 'x '.repeat(200_000)))).toEqual({
        kind: 'unreadable',
        reason: expect.stringContaining('took longer than it may'),
      });
    } finally {
      await slow.close();
    }
    expect((await readers.noticeParser.parse(notice('2'))).kind).toBe('read');
  });

  it('sets aside bytes that are not a notice, with the reason, instead of failing', async () => {
    expect(await readers.noticeParser.parse(new Uint8Array([0xff, 0xfe, 0x00, 0x01]))).toMatchObject({
      kind: 'read',
      notice: { kind: 'ignored', reason: 'not-a-notice' },
    });
  });

  it('leaves the caller’s Buffer whole, and its pool neighbours too', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ecf-notice-'));
    const file = path.join(folder, 'notice.eml');
    writeFileSync(file, notice('3'));
    const raw = await readFile(file);
    rmSync(folder, { recursive: true, force: true });
    const neighbour = Buffer.from('a neighbour in the same pool');
    const before = createHash('sha256').update(raw).digest('hex');
    await readers.noticeParser.parse(raw);
    expect(createHash('sha256').update(raw).digest('hex')).toBe(before);
    expect(neighbour.toString()).toBe('a neighbour in the same pool');
  });
});

describe('Outlook .msg files', () => {
  it('are rebuilt into their message in a child process', async () => {
    const rebuilt = await readers.convertMsg(
      buildOutlookMsg({
        subject: 'Frist – Zustellung',
        body: 'Bitte beachten.',
        deliveredAt: new Date('2026-03-02T21:06:05Z'),
      }),
    );
    expect(rebuilt.raw.toString('utf8')).toContain('Content-Type: text/plain; charset=utf-8');
    expect(rebuilt.deliveredAt).toEqual(new Date('2026-03-02T21:06:05Z'));
  });

  it('that cannot be read are refused with the reader’s own code and words', async () => {
    await expect(
      readers.convertMsg(buildOutlookMsg({ subject: 'RTF only', compressedRtf: new Uint8Array([1, 2, 3, 4]) })),
    ).rejects.toMatchObject({
      code: 'mail-file.no-readable-body',
      message: expect.stringContaining('Save it as .eml'),
    });
    await expect(readers.convertMsg(new TextEncoder().encode('From: someone\r\n\r\nhello'))).rejects.toMatchObject({
      code: 'mail-file.unreadable-msg',
    });
  });
});

describe('draft packages', () => {
  it('as large as export allows are read whole within the child’s memory, documents that do not compress and all', async () => {
    // Documents of random bytes (PDFs barely compress), as many 45 MB ones as fit in the largest package export writes.
    const room = Math.floor(((largestUnpackedPackageBytes - 64 * 1024) * 3) / 4);
    const count = Math.ceil(room / (45 * 1024 * 1024));
    const sizes = Array.from({ length: count }, (_, index) => Math.floor(room / count) - index);
    const documents = sizes.map((size, index) => {
      const bytes = new Uint8Array(randomBytes(size));
      const record = {
        id: `doc-${index}`,
        name: `Exhibit ${index}.pdf`,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        preflight: { state: 'waiting' as const },
      } as unknown as DocumentRecord;
      return { record, bytes };
    });
    const draft = draftWith({
      documents: documents.map(({ record }, index) => ({
        documentId: record.id,
        type: index === 0 ? 'main' : 'exhibit',
        description: index === 0 ? '' : record.name,
      })),
    });
    const packaged = writeDraftPackage(draft, documents, new Date('2026-12-04T12:00:00Z'));
    const read = await readers.readDraftPackage(packaged);
    expect(read.documents.map((document) => document.sha256)).toEqual(documents.map(({ record }) => record.sha256));
    expect(readers.peakChildMemoryMb()).toBeLessThan(defaultTaskLimits['draft-package'].maxMemoryMb);
  }, 120_000);

  it('that are not packages are refused with a plain message', async () => {
    await expect(
      readers.readDraftPackage(new Uint8Array(gzipSync('{"format":"something else"}'))),
    ).rejects.toMatchObject({ message: expect.stringContaining('not an ECF Desk draft package') });
  });
});

describe('court pages', () => {
  it('are told apart in a child process: a receipt with its price', async () => {
    const receipt =
      '<html><head><title>Transaction Receipt</title></head><body><table><tr><td>Billable Pages:</td><td>4</td></tr><tr><td>Cost:</td><td>0.40</td></tr></table></body></html>';
    expect(await readers.readCourtPage(receipt, 'https://ecf.cit.uscourts.gov/doc1/01234567890')).toEqual({
      kind: 'receipt',
      feeCents: 40,
    });
  });

  it('built to stall a reader never hold up the app: its main thread keeps answering while the child reads', async () => {
    // 150,000 unclosed <script> tags once froze every call for 35 s when pages were read on the main thread.
    const hostile = '<script>'.repeat(150_000);
    let longestGapMs = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      longestGapMs = Math.max(longestGapMs, Date.now() - last);
      last = Date.now();
    }, 10);
    try {
      // Read to the end within the page's limit, not given up on: its scripts hide no words, so it is a page of no kind.
      expect(await readers.readCourtPage(hostile, 'https://ecf.cit.uscourts.gov/doc1/01234567890')).toEqual({
        kind: 'unknown',
        title: '',
      });
    } finally {
      clearInterval(ticker);
    }
    expect(longestGapMs).toBeLessThan(3_000);
  });
});

describe('page counts of a court’s document', () => {
  it('are read in a child process; bytes that are no PDF count as unknown', async () => {
    expect(await readers.countPdfPages(await makePdf(3))).toBe(3);
    expect(await readers.countPdfPages(makeNotPdf())).toBeNull();
  });
});

describe('fixes', () => {
  it('split a document in a child process', async () => {
    const small = createIsolatedReaders({ scriptPath: testIsolatedChildPath, limitBytes: 400_000 });
    try {
      const outcome = await small.fixer.fix(await makeLargePdf(1), { fix: 'split' }, {});
      expect(outcome.kind).toBe('parts');
    } finally {
      await small.close();
    }
  });
});

describe('the bundles', () => {
  it('exist for every job, in the list the app’s build and the tests’ share, beside the child script', () => {
    const built = isolatedBundles.map((bundle) => bundle.out);
    for (const file of ['isolated-child.js', ...Object.values(isolatedTaskFiles)]) {
      expect(built, file).toContain(`workers/${file}`);
      expect(existsSync(path.join(path.dirname(testIsolatedChildPath), file)), file).toBe(true);
    }
  });
});

describe('the children', () => {
  it('have used less memory than any job’s limit while doing all of the above', () => {
    expect(readers.peakChildMemoryMb()).toBeGreaterThan(0);
    expect(readers.peakChildMemoryMb()).toBeLessThan(1536);
  });
});
