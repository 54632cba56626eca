// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { PreflightReport } from '../../../src-main/shared/preflight';
import { bridgeError, createFakeBridge, documentRecord, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(() => cleanup());

const rejected: PreflightReport = {
  bytes: 24_150,
  pages: 3,
  verdict: 'block',
  findings: [
    {
      code: 'active-content',
      severity: 'block',
      message: 'This PDF runs JavaScript when it opens.',
      fixes: ['clean-copy'],
    },
    {
      code: 'embedded-files',
      severity: 'block',
      message: 'This PDF has a file attached inside it.',
      text: ['notes.txt'],
      fixes: ['clean-copy'],
    },
    {
      code: 'bad-redaction',
      severity: 'block',
      message: '1 box covers text that is still in the file.',
      pages: [2],
      text: ['SSN 123-45-6789'],
    },
  ],
};

const motion = documentRecord({ id: 'motion', name: 'Motion.pdf', preflight: { state: 'done', report: rejected } });

const cleanCopy = documentRecord({
  id: 'copy',
  name: 'Motion (clean copy).pdf',
  preflight: { state: 'done', report: { bytes: 20_000, pages: 3, verdict: 'pass', findings: [] } },
  fixedFrom: {
    fromId: 'motion',
    fromName: 'Motion.pdf',
    fix: 'clean-copy',
    fixedAt: '2025-03-04T16:00:00.000Z',
    removed: ['JavaScript that runs when the file opens', 'one attached file'],
    notes: ['One area is marked for redaction but not redacted; the clean copy keeps the mark.'],
    before: { verdict: 'block', blocking: 3, warnings: 0 },
    part: null,
  },
});

/** A fake main that holds a list and answers fix and undo the way the documents service does. */
function bridgeWithList(initial: readonly DocumentRecord[]): FakeBridge & { list: DocumentRecord[] } {
  const bridge = createFakeBridge() as FakeBridge & { list: DocumentRecord[] };
  bridge.list = [...initial];
  bridge.answer('documents.list', () => [...bridge.list]);
  return bridge;
}

async function openPanel(name: string): Promise<HTMLElement> {
  const row = (await screen.findAllByTestId('document-row')).find((each) => each.dataset.documentName === name);
  if (!row) {
    throw new Error(`no row for ${name}`);
  }
  fireEvent.click(row);
  const panel = screen.getByTestId('findings-panel');
  await waitFor(() => expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe(name));
  return panel;
}

describe('one-click fixes in the findings panel', () => {
  it('offers each finding’s fix by name, and no fix for a bad redaction, which it says a clean copy cannot fix', async () => {
    renderApp(bridgeWithList([motion]));
    const panel = await openPanel('Motion.pdf');
    const buttons = within(panel).getAllByTestId('fix-button');
    expect(buttons.map((button) => [button.dataset.fix, button.textContent])).toEqual([
      ['clean-copy', 'Make a clean copy'],
      ['clean-copy', 'Make a clean copy'],
    ]);
    const redaction = within(panel)
      .getAllByTestId('finding')
      .find((each) => each.dataset.code === 'bad-redaction');
    if (!redaction) {
      throw new Error('no redaction finding');
    }
    expect(within(redaction).queryByTestId('fix-button')).toBeNull();
    expect(within(redaction).getByTestId('no-fix-note').textContent).toMatch(
      /A clean copy cannot fix this.*real redaction tool/,
    );
  });

  it('names the split and flatten fixes as the court’s terms would', async () => {
    const big = documentRecord({
      id: 'big',
      name: 'Appendix.pdf',
      preflight: {
        state: 'done',
        report: {
          bytes: 60_000_000,
          pages: 4000,
          verdict: 'block',
          findings: [
            { code: 'too-large', severity: 'block', message: 'Too large.', fixes: ['split'] },
            { code: 'forms', severity: 'warn', message: 'Fillable.', fixes: ['flatten-forms'] },
          ],
        },
      },
    });
    renderApp(bridgeWithList([big]));
    const panel = await openPanel('Appendix.pdf');
    expect(
      within(panel)
        .getAllByTestId('fix-button')
        .map((button) => button.textContent),
    ).toEqual(['Split into parts under 50 MB', 'Flatten the form']);
  });

  it('shows the fix running with a bar in the panel and the row, then selects the new version with its before and after', async () => {
    const bridge = bridgeWithList([motion]);
    let finishFix: () => void = () => undefined;
    bridge.answer(
      'documents.fix',
      () =>
        new Promise((resolve) => {
          finishFix = () => {
            bridge.list = [cleanCopy];
            resolve([cleanCopy]);
          };
        }),
    );
    renderApp(bridge);
    const panel = await openPanel('Motion.pdf');
    fireEvent.click(within(panel).getAllByTestId('fix-button')[0] as HTMLElement);

    expect(bridge.calls.find((call) => call.channel === 'documents.fix')?.args).toEqual({
      id: 'motion',
      fix: 'clean-copy',
      dropAnnotations: 'none',
    });
    const progress = await within(panel).findByTestId('fixing-progress');
    expect(progress.textContent).toContain('Making a clean copy…');
    expect(within(progress).getByRole('progressbar').hasAttribute('value')).toBe(false);
    const row = screen.getAllByTestId('document-row')[0] as HTMLElement;
    expect(within(row).getByTestId('fixing-progress').textContent).toContain('Making a clean copy…');

    await act(async () => finishFix());
    const summary = await within(screen.getByTestId('findings-panel')).findByTestId('fix-summary');
    expect(within(screen.getByTestId('findings-panel')).getByRole('heading', { level: 2 }).textContent).toBe(
      'Motion (clean copy).pdf',
    );
    expect(within(summary).getByTestId('fix-before-after').textContent).toBe(
      'Before: Court would reject (3)→After: Ready to file',
    );
    expect(within(summary).getByTestId('fix-removed').textContent).toContain('one attached file');
    expect(within(summary).getByTestId('fix-notes').textContent).toContain('marked for redaction but not redacted');
  });

  it('asks in place whether to drop comments when the PDF has some, and sends the choice', async () => {
    const withComments = documentRecord({
      id: 'noted',
      name: 'Noted.pdf',
      preflight: {
        state: 'done',
        report: {
          ...rejected,
          findings: [
            ...rejected.findings,
            { code: 'annotations', severity: 'warn', message: 'This PDF has 2 comments.' },
          ],
        },
      },
    });
    const bridge = bridgeWithList([withComments]);
    bridge.answer('documents.fix', () => [cleanCopy]);
    renderApp(bridge);
    const panel = await openPanel('Noted.pdf');
    fireEvent.click(within(panel).getAllByTestId('fix-button')[0] as HTMLElement);

    const question = within(panel).getByTestId('annotations-choice');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.channels()).not.toContain('documents.fix');
    fireEvent.click(within(question).getByLabelText('Remove every annotation, links included'));
    fireEvent.click(within(question).getByTestId('confirm-fix'));
    await waitFor(() =>
      expect(bridge.calls.find((call) => call.channel === 'documents.fix')?.args).toEqual({
        id: 'noted',
        fix: 'clean-copy',
        dropAnnotations: 'all',
      }),
    );
  });

  it('Undo fix brings the original back and selects it', async () => {
    const bridge = bridgeWithList([cleanCopy]);
    bridge.answer('documents.undoFix', () => {
      bridge.list = [motion];
      return motion;
    });
    renderApp(bridge);
    const panel = await openPanel('Motion (clean copy).pdf');
    fireEvent.click(within(panel).getByTestId('undo-fix'));
    await waitFor(() =>
      expect(within(screen.getByTestId('findings-panel')).getByRole('heading', { level: 2 }).textContent).toBe(
        'Motion.pdf',
      ),
    );
    expect(bridge.calls.find((call) => call.channel === 'documents.undoFix')?.args).toEqual({ id: 'copy' });
    expect(screen.getAllByTestId('document-row').map((row) => row.dataset.documentName)).toEqual(['Motion.pdf']);
    expect(screen.queryByTestId('fix-summary')).toBeNull();
  });

  it('says why a fix could not be made, in main’s words, and leaves the original selected', async () => {
    const bridge = bridgeWithList([motion]);
    bridge.answer('documents.fix', () => {
      throw bridgeError(
        'fix.needs-password',
        'This PDF needs a password to open, so ECF Desk cannot make a copy of it.',
      );
    });
    renderApp(bridge);
    const panel = await openPanel('Motion.pdf');
    fireEvent.click(within(panel).getAllByTestId('fix-button')[0] as HTMLElement);
    expect(await screen.findByText(/needs a password to open, so ECF Desk cannot make a copy/)).toBeTruthy();
    expect(within(screen.getByTestId('findings-panel')).getByRole('heading', { level: 2 }).textContent).toBe(
      'Motion.pdf',
    );
    expect(within(screen.getByTestId('findings-panel')).queryByTestId('fixing-progress')).toBeNull();
  });
});
