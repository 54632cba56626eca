import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCourtPage } from '../../../src-main/core/inbox/free-look/read-court-page';
import { runBounded } from '../../support/bounded-process';
import { testCliPath, testPageReaderPath } from '../../support/paths';

/**
 * HTML built to stall a reader: floods of tags left open, which the old backtracking regular expressions took
 * quadratic time over (150,000 `<script>` tags froze every call for 35 s; 1.6 MB of `<!--` did not finish in 60 s).
 * Each is read in a child process with a kill timer, so a reader that stalls fails the test instead of freezing
 * the runner. Read in linear time, each takes well under a second; the timer allows 30 s (process start included),
 * more than 50 times that on a slow machine.
 */
const withinMs = 30_000;
const pageUrl = 'https://ecf.cit.uscourts.gov/doc1/0141000123?caseid=1017&de_seq_num=12&magic_num=12345678&use_magic=1';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'ecf-hostile-html-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function readPageInChild(name: string, html: string): Promise<{ kind: string; documents?: unknown[] }> {
  const file = path.join(scratch, `${name}.html`);
  await writeFile(file, html);
  const run = await runBounded(testPageReaderPath, ['court-page', file, pageUrl], { timeoutMs: withinMs });
  expect(run.isKilledForTime, `reading "${name}" was still running after ${withinMs / 1000} s`).toBe(false);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { page: { kind: string; documents?: unknown[] } }).page;
}

async function parseNoticeInChild(
  name: string,
  content: string,
): Promise<{ kind: string; error?: string; dockets: unknown[] }> {
  const file = path.join(scratch, `${name}.txt`);
  await writeFile(file, content);
  const run = await runBounded(testCliPath, ['nef', 'parse', '--json', file], { timeoutMs: withinMs });
  expect(run.isKilledForTime, `ecf-desk nef parse of "${name}" was still running after ${withinMs / 1000} s`).toBe(
    false,
  );
  expect(run.signal, run.stderr).toBeNull();
  const [report] = JSON.parse(run.stdout) as { kind: string; error?: string; dockets: unknown[] }[];
  if (!report) {
    throw new Error(`no report for "${name}": ${run.stderr}`);
  }
  return report;
}

// Each test allows its child processes their full time, so a stalled reader fails on the kill timer's message.
describe('a court page built to stall the reader is read in linear time', { timeout: 3 * withinMs }, () => {
  it('150,000 <script> tags (1.2 MB), none closed: a page with no words', async () => {
    expect(await readPageInChild('scripts', '<script>'.repeat(150_000))).toEqual({ kind: 'unknown', title: '' });
  });

  it('a flood of unclosed <style> tags', async () => {
    expect(await readPageInChild('styles', `<p>Transaction Receipt</p>${'<style>'.repeat(150_000)}`)).toMatchObject({
      kind: 'receipt',
    });
  });

  it('a document menu flooded with <tr> and <td> tags that never close', async () => {
    const rows = await readPageInChild('rows', `<h3>Document Selection Menu</h3><table>${'<tr><td x'.repeat(120_000)}`);
    expect(rows).toEqual({ kind: 'selection', documents: [] });
    const cells = await readPageInChild('cells', `<h3>Document Selection Menu</h3>${'<td>'.repeat(250_000)}`);
    expect(cells).toEqual({ kind: 'selection', documents: [] });
  });

  it('a "verify free look" page flooded with links that never close', async () => {
    const page = await readPageInChild(
      'links',
      `<p>Verify free look use: you are about to use your one free look.</p>${'<a href="/doc1/1">'.repeat(60_000)}`,
    );
    expect(page).toEqual({ kind: 'confirm-free-look', continueUrl: null });
  });

  it('a flood of <iframe and <input tags that never reach their >', async () => {
    expect(await readPageInChild('frames', `<p>x</p>${'<iframe '.repeat(150_000)}`)).toEqual({
      kind: 'unknown',
      title: '',
    });
    expect(await readPageInChild('inputs', `<p>x</p>${'<input type=text '.repeat(80_000)}`)).toEqual({
      kind: 'unknown',
      title: '',
    });
  });

  it('an error page flooded with error elements that never close', async () => {
    const page = await readPageInChild(
      'errors',
      `<div id="cmecfMainContent"><b>Refused${'<div id="cmecfMainContent"><b>x'.repeat(50_000)}<input type="button" value="Back" onclick="history.back()">`,
    );
    expect(page).toMatchObject({ kind: 'error', message: expect.stringMatching(/^Refused x x/) });
  });
});

async function readFilingPageInChild(name: string, html: string): Promise<Record<string, unknown>> {
  const file = path.join(scratch, `${name}.html`);
  await writeFile(file, html);
  const run = await runBounded(testPageReaderPath, ['filing-page', file], { timeoutMs: withinMs });
  expect(run.isKilledForTime, `reading "${name}" was still running after ${withinMs / 1000} s`).toBe(false);
  expect(run.code, run.stderr).toBe(0);
  const read = JSON.parse(run.stdout) as { matches: Record<string, unknown>; page: Record<string, unknown> };
  return { ...read.matches, page: read.page };
}

describe('a filing page built to stall the filing driver is read in linear time', { timeout: 3 * withinMs }, () => {
  it('error layouts that never close, and "Document Number:" labels with no link after them', async () => {
    expect(
      await readFilingPageInChild(
        'error-markers',
        `${'<div id="cmecfMainContent"><b>'.repeat(100_000)}x<input type="button" value="Back" onclick="history.back()">`,
      ),
    ).toMatchObject({ page: { error: 'x' } });
    expect(await readFilingPageInChild('number-labels', 'Document Number: '.repeat(100_000))).toMatchObject({
      receiptDocumentNumber: null,
    });
  });

  it('"Case Number:" links that never close, as a new action\'s receipt would be read for its case', async () => {
    expect(
      await readFilingPageInChild(
        'case-number-links',
        `${'Case Number:</strong></td><td><A '.repeat(30_000)}x`.repeat(2),
      ),
    ).toMatchObject({ receiptCaseNumber: null, receiptCaseId: null });
  });
});

describe(
  'a notice built to stall the reader is read in linear time (ecf-desk nef parse)',
  { timeout: 3 * withinMs },
  () => {
    it('1.6 MB of "<!--": one comment that never closes, so no notice', async () => {
      expect(await parseNoticeInChild('comments', '<!--'.repeat(400_000))).toMatchObject({
        kind: 'ignored',
        dockets: [],
      });
    });

    it('150,000 unclosed <style> and <head tags in an HTML notice', async () => {
      expect(
        await parseNoticeInChild('styles', `<p>Notice of Electronic Filing</p>${'<style>'.repeat(150_000)}`),
      ).toMatchObject({ kind: 'nef' });
      expect(
        await parseNoticeInChild('heads', `<p>Notice of Electronic Filing</p>${'<head '.repeat(150_000)}`),
      ).toMatchObject({ kind: 'nef' });
    });

    it('a recipient line of a million address characters without an @, and one of a million commas', async () => {
      const heading =
        '<p>Notice of Electronic Filing</p><p>1:26-cv-00123 Notice has been electronically mailed to:</p>';
      expect(
        await parseNoticeInChild('address-run', `${heading}<p>Jane Doe ${'a.'.repeat(500_000)}x</p>`),
      ).toMatchObject({ kind: 'nef' });
      expect(await parseNoticeInChild('comma-run', `${heading}<p>Jane Doe${','.repeat(1_000_000)}x</p>`)).toMatchObject(
        { kind: 'nef' },
      );
    });

    it('a Text-format notice whose headings trail a million spaces', async () => {
      const line = `Notice has been delivered by First Class U. S. Mail or by other means to${' '.repeat(1_000_000)}x`;
      const notice = `From:ecf@cit.uscourts.gov\r\nSubject:Activity in Case\r\nContent-Type: text/plain\r\n\r\nNotice of Electronic Filing\r\n${line}\r\n`;
      expect(await parseNoticeInChild('spaces', notice)).toMatchObject({ kind: 'nef' });
    });

    it('a transaction line repeating "entered" 150,000 times, and a docket text of 150,000 unclosed <b tags', async () => {
      const transaction = `<p>Notice of Electronic Filing</p><p>The following transaction was ${'entered '.repeat(150_000)}</p>`;
      expect(await parseNoticeInChild('entered', transaction)).toMatchObject({ kind: 'nef' });
      const docketText = `<p>Notice of Electronic Filing</p><p>Case Name: A v. B</p><p>Docket Text: ${'&lt;b '.repeat(150_000)}</p>`;
      const report = await parseNoticeInChild('bold', docketText);
      expect(report).toMatchObject({
        kind: 'nef',
        dockets: [
          expect.objectContaining({
            docketText: expect.stringContaining('(cut: ECF Desk keeps the first 20,000 characters'),
          }),
        ],
      });
    });

    it('case names of 250,000 characters, each tried against the subject', async () => {
      const subject = `From:ecf@cit.uscourts.gov\r\nSubject:Activity in Case 1:26-cv-00123 ${'Acme '.repeat(5_000)}Order\r\nContent-Type: text/html\r\n\r\n`;
      const tables = Array.from(
        { length: 7 },
        () => `<p>Case Name: ${'Acme '.repeat(50_000)}v. United States</p>`,
      ).join('');
      const report = await parseNoticeInChild('long-names', `${subject}<p>Notice of Electronic Filing</p>${tables}`);
      expect(report).toMatchObject({ kind: 'nef' });
      expect(report.dockets).toHaveLength(7);
    });
  },
);

describe('a court page over the size limit', () => {
  it('is not read: over 2 MB is no CM/ECF page, and the answer says so', () => {
    const page = readCourtPage(`<p>Transaction Receipt</p><p>Cost: $3.00</p>${' '.repeat(3 * 1024 * 1024)}`, pageUrl);
    expect(page).toEqual({
      kind: 'unknown',
      title: '3.0 MB, larger than any CM/ECF page; ECF Desk reads at most 2.0 MB',
    });
  });
});
