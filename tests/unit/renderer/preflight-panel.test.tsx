// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentPreflight } from '../../../src-main/shared/domain';
import type { PreflightReport } from '../../../src-main/shared/preflight';
import { formatPages } from '../../../src-renderer/format/describe-preflight';
import { createFakeBridge, documentRecord } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(() => cleanup());

const leakingReport: PreflightReport = {
  bytes: 24_150,
  pages: 12,
  verdict: 'block',
  findings: [
    {
      code: 'fonts-not-embedded',
      severity: 'info',
      message: 'This PDF uses 2 fonts without including them.',
      text: ['ArialMT', 'TimesNewRomanPSMT'],
    },
    {
      code: 'bad-redaction',
      severity: 'block',
      message: '3 boxes cover text that is still in the file.',
      pages: [12, 3, 7],
      text: ['SSN 123-45-6789'],
    },
    {
      code: 'metadata',
      severity: 'warn',
      message: 'The document properties name the author.',
      text: ['Author: J. Smith'],
    },
  ],
};

const done = (report: PreflightReport): DocumentPreflight => ({ state: 'done', report });

function rowNamed(name: string): HTMLElement {
  const row = screen.getAllByTestId('document-row').find((each) => each.dataset.documentName === name);
  if (!row) {
    throw new Error(`no row for ${name}`);
  }
  return row;
}

describe('the preflight verdict in the Status column', () => {
  it('says in words whether each PDF is ready, worth a look, or would be rejected, with how many findings', async () => {
    renderApp(
      createFakeBridge([
        documentRecord({
          id: 'd1',
          name: 'Clean.pdf',
          preflight: done({ bytes: 1, pages: 1, verdict: 'pass', findings: [] }),
        }),
        documentRecord({
          id: 'd2',
          name: 'Scanned.pdf',
          preflight: done({
            bytes: 1,
            pages: 1,
            verdict: 'warn',
            findings: [
              { code: 'low-resolution', severity: 'warn', message: 'Low.' },
              { code: 'metadata', severity: 'warn', message: 'Author.' },
              { code: 'fonts-not-embedded', severity: 'info', message: 'Fonts.' },
            ],
          }),
        }),
        documentRecord({ id: 'd3', name: 'Leaky.pdf', preflight: done(leakingReport) }),
      ]),
    );
    await screen.findAllByTestId('document-row');
    expect(within(rowNamed('Clean.pdf')).getByTestId('preflight-status').textContent).toBe('Ready to file');
    expect(within(rowNamed('Scanned.pdf')).getByTestId('preflight-status').textContent).toBe('Worth a look (2)');
    expect(within(rowNamed('Leaky.pdf')).getByTestId('preflight-status').textContent).toBe('Court would reject (1)');
  });

  it('shows the page being checked with a bar and a Cancel button, which stops the check', async () => {
    const bridge = createFakeBridge([
      documentRecord({ id: 'big', name: 'Appendix.pdf', pages: 4540, preflight: { state: 'running' } }),
    ]);
    bridge.answer('documents.cancelPreflight', ({ id }) =>
      documentRecord({ id, name: 'Appendix.pdf', pages: 4540, preflight: { state: 'cancelled' } }),
    );
    renderApp(bridge);
    await screen.findByTestId('document-row');

    act(() =>
      bridge.emit('documents.preflightProgress', {
        documentId: 'big',
        progress: { phase: 'pages', pagesDone: 1200, pageCount: 4540 },
      }),
    );
    const status = within(rowNamed('Appendix.pdf')).getByTestId('preflight-status');
    expect(status.textContent).toContain('Checking… page 1,200 of 4,540');
    const bar = within(status).getByTestId('preflight-progress');
    expect(bar.getAttribute('value')).toBe('1200');
    expect(bar.getAttribute('max')).toBe('4540');

    fireEvent.click(within(status).getByTestId('cancel-check'));
    await waitFor(() =>
      expect(within(rowNamed('Appendix.pdf')).getByTestId('preflight-status').textContent).toMatch(/^Not checked/),
    );
    expect(within(rowNamed('Appendix.pdf')).getByTestId('check-again').textContent).toBe('Check again Appendix.pdf');
    expect(within(rowNamed('Appendix.pdf')).queryByTestId('preflight-progress')).toBeNull();
    expect(bridge.calls.find((call) => call.channel === 'documents.cancelPreflight')?.args).toEqual({ id: 'big' });
  });

  it('offers Check again on a document that was not checked, and shows the new check running', async () => {
    const bridge = createFakeBridge([
      documentRecord({ id: 'd1', name: 'Brief.pdf', preflight: { state: 'cancelled' } }),
    ]);
    bridge.answer('documents.preflight', ({ id }) =>
      documentRecord({ id, name: 'Brief.pdf', preflight: { state: 'running' } }),
    );
    renderApp(bridge);
    const row = await screen.findByTestId('document-row');

    fireEvent.click(within(row).getByTestId('check-again'));
    await waitFor(() =>
      expect(within(rowNamed('Brief.pdf')).getByTestId('preflight-status').textContent).toContain('Checking…'),
    );
    expect(within(rowNamed('Brief.pdf')).getByTestId('cancel-check')).toBeTruthy();
    expect(bridge.calls.find((call) => call.channel === 'documents.preflight')?.args).toEqual({ id: 'd1' });
  });

  it('announces when a check finishes, with its verdict', async () => {
    const bridge = createFakeBridge([
      documentRecord({ id: 'd1', name: 'Exhibit 4.pdf', preflight: { state: 'running' } }),
    ]);
    renderApp(bridge);
    await screen.findByTestId('document-row');

    bridge.answer('documents.list', () => [
      documentRecord({ id: 'd1', name: 'Exhibit 4.pdf', preflight: done(leakingReport) }),
    ]);
    act(() => bridge.emit('documents.changed', {}));
    await waitFor(() =>
      expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe(
        'Finished checking Exhibit 4.pdf: the court would reject it, 1 problem.',
      ),
    );
  });
});

describe('the findings panel', () => {
  it('says how to see findings while no document is selected', async () => {
    renderApp(createFakeBridge([documentRecord({ id: 'd1', name: 'Brief.pdf' })]));
    const panel = await screen.findByTestId('findings-panel');
    expect(panel.textContent).toContain('Select a document in the list to see what preflight found');
    expect(within(panel).queryAllByTestId('finding')).toHaveLength(0);
  });

  it('opens on a click with the name, the verdict and the findings grouped by severity, most serious first', async () => {
    renderApp(createFakeBridge([documentRecord({ id: 'd1', name: 'Exhibit 4.pdf', preflight: done(leakingReport) })]));
    fireEvent.click(await screen.findByTestId('document-row'));

    const panel = screen.getByTestId('findings-panel');
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('Exhibit 4.pdf');
    expect(within(panel).getByTestId('findings-verdict').textContent).toBe('Court would reject (1)');
    expect(
      within(panel)
        .getAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent),
    ).toEqual(['Blocks filing (1)', 'Worth a look (1)', 'For your information (1)']);
    expect(
      within(panel)
        .getAllByTestId('finding')
        .map((finding) => [finding.dataset.code, finding.dataset.severity]),
    ).toEqual([
      ['bad-redaction', 'block'],
      ['metadata', 'warn'],
      ['fonts-not-embedded', 'info'],
    ]);
    expect(rowNamed('Exhibit 4.pdf').getAttribute('aria-selected')).toBe('true');
  });

  it('shows a bad redaction with its pages and the text that leaks, labelled as such', async () => {
    renderApp(createFakeBridge([documentRecord({ id: 'd1', name: 'Exhibit 4.pdf', preflight: done(leakingReport) })]));
    fireEvent.click(await screen.findByTestId('document-row'));

    const finding = screen.getAllByTestId('finding').find((each) => each.dataset.code === 'bad-redaction');
    if (!finding) {
      throw new Error('no bad-redaction finding');
    }
    expect(finding.textContent).toContain('Pages 3, 7 and 12');
    expect(finding.textContent).toContain('3 boxes cover text that is still in the file.');
    const leak = within(finding).getByTestId('leaking-text');
    expect(leak.textContent).toContain('The text that leaks');
    expect(leak.textContent).toContain('SSN 123-45-6789');
  });

  it('opens from the keyboard: arrow keys move between rows and Enter or Space selects', async () => {
    renderApp(
      createFakeBridge([
        documentRecord({
          id: 'new',
          name: 'Newer.pdf',
          addedAt: '2025-03-05T10:00:00.000Z',
          preflight: done(leakingReport),
        }),
        documentRecord({ id: 'old', name: 'Older.pdf', addedAt: '2025-03-04T10:00:00.000Z' }),
      ]),
    );
    await screen.findAllByTestId('document-row');
    const first = rowNamed('Newer.pdf');
    expect(first.tabIndex).toBe(0);
    expect(rowNamed('Older.pdf').tabIndex).toBe(-1);

    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rowNamed('Older.pdf'));
    fireEvent.keyDown(rowNamed('Older.pdf'), { key: 'Enter' });
    expect(within(screen.getByTestId('findings-panel')).getByRole('heading', { level: 2 }).textContent).toBe(
      'Older.pdf',
    );
    expect(within(screen.getByTestId('findings-panel')).getByTestId('findings-verdict').textContent).toBe(
      'Ready to file',
    );

    fireEvent.keyDown(rowNamed('Older.pdf'), { key: 'ArrowUp' });
    fireEvent.keyDown(rowNamed('Newer.pdf'), { key: ' ' });
    expect(within(screen.getByTestId('findings-panel')).getByRole('heading', { level: 2 }).textContent).toBe(
      'Newer.pdf',
    );
  });

  it('does not select the row when one of its buttons is used', async () => {
    const bridge = createFakeBridge([
      documentRecord({ id: 'd1', name: 'Brief.pdf', preflight: { state: 'cancelled' } }),
    ]);
    bridge.answer('documents.preflight', ({ id }) =>
      documentRecord({ id, name: 'Brief.pdf', preflight: { state: 'running' } }),
    );
    renderApp(bridge);
    fireEvent.click(within(await screen.findByTestId('document-row')).getByTestId('check-again'));
    expect(screen.getByTestId('findings-panel').textContent).toContain('Select a document');
  });

  it('empties again when the selected document is removed', async () => {
    const bridge = createFakeBridge([documentRecord({ id: 'd1', name: 'Brief.pdf' })]);
    bridge.answer('documents.remove', () => null);
    renderApp(bridge);
    fireEvent.click(await screen.findByTestId('document-row'));
    expect(within(screen.getByTestId('findings-panel')).getByRole('heading', { level: 2 }).textContent).toBe(
      'Brief.pdf',
    );

    fireEvent.click(screen.getByTestId('remove'));
    await waitFor(() => expect(screen.queryByTestId('document-row')).toBeNull());
    expect(screen.queryByText('Brief.pdf', { selector: 'h2' })).toBeNull();
  });
});

describe('pages in words', () => {
  it('names one page, two pages, a short list, and counts the rest of a long one', () => {
    expect(formatPages([4])).toBe('page 4');
    expect(formatPages([7, 3])).toBe('pages 3 and 7');
    expect(formatPages([12, 3, 7, 3])).toBe('pages 3, 7 and 12');
    expect(formatPages(Array.from({ length: 14 }, (_, index) => index + 1))).toBe(
      'pages 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 4 more',
    );
    expect(formatPages([1200, 4540])).toBe('pages 1,200 and 4,540');
  });
});
