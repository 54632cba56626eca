// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PreflightReport } from '../../../src-main/shared/preflight';
import { bridgeError, createFakeBridge, documentRecord } from './fake-bridge';
import { renderApp } from './render-app';

const report: PreflightReport = {
  bytes: 24_150,
  pages: 12,
  verdict: 'block',
  findings: [
    {
      code: 'bad-redaction',
      severity: 'block',
      message: '3 boxes cover text that is still in the file.',
      pages: [12, 3, 7],
      boxes: [
        { page: 3, x0: 70, y0: 695, x1: 150, y1: 713 },
        { page: 7, x0: 70, y0: 500, x1: 150, y1: 518 },
        { page: 12, x0: 70, y0: 300, x1: 150, y1: 318 },
      ],
      text: ['SSN 123-45-6789', 'born 1970', 'account 4417'],
    },
    {
      code: 'metadata',
      severity: 'warn',
      message: 'The document properties name the author.',
      text: ['Author: J. Smith'],
    },
  ],
};

const layoutWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');

// jsdom lays nothing out; the preview draws only once it knows the panel's width.
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 600 });
});

afterEach(() => {
  cleanup();
  if (layoutWidth) {
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', layoutWidth);
  }
});

async function openFindings() {
  const bridge = createFakeBridge([
    documentRecord({ id: 'd1', name: 'Leaky.pdf', preflight: { state: 'done', report } }),
  ]);
  renderApp(bridge);
  fireEvent.click(await screen.findByTestId('document-row'));
  const findings = await screen.findAllByTestId('finding');
  const redaction = findings.find((finding) => finding.dataset.code === 'bad-redaction');
  const metadata = findings.find((finding) => finding.dataset.code === 'metadata');
  if (!redaction || !metadata) {
    throw new Error('the findings are missing');
  }
  return { bridge, redaction, metadata };
}

const layeredReport: PreflightReport = {
  bytes: 3_200,
  pages: 2,
  verdict: 'block',
  findings: [
    report.findings[0]!,
    {
      code: 'hidden-layers',
      severity: 'warn',
      message:
        'This PDF has a layer that can be shown or hidden. All of them are hidden when the file opens. Layered content is on page 2.',
      pages: [2],
      text: ['Privileged notes (hidden when the file opens), on page 2'],
    },
  ],
};

describe('the page preview in the findings panel', () => {
  it('offers to show hidden layers on a hidden-layers page, unticked, and not on other findings’ pages', async () => {
    const bridge = createFakeBridge([
      documentRecord({ id: 'd1', name: 'Layered.pdf', preflight: { state: 'done', report: layeredReport } }),
    ]);
    bridge.answer('documents.content', () => new Promise<Uint8Array<ArrayBuffer>>(() => undefined));
    renderApp(bridge);
    fireEvent.click(await screen.findByTestId('document-row'));
    const findings = await screen.findAllByTestId('finding');
    const layers = findings.find((finding) => finding.dataset.code === 'hidden-layers');
    const redaction = findings.find((finding) => finding.dataset.code === 'bad-redaction');
    if (!layers || !redaction) {
      throw new Error('the findings are missing');
    }

    fireEvent.click(within(layers).getByTestId('show-page'));
    expect(within(layers).getByTestId('page-preview').dataset.page).toBe('2');
    const toggle = within(layers).getByRole('checkbox', { name: 'Show hidden layers' }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(within(layers).getByTestId('page-preview').dataset.layers).toBe('as-filed');
    fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    expect(within(layers).getByTestId('page-preview').dataset.layers).toBe('all');
    expect(within(layers).getByTestId('page-canvas').getAttribute('aria-label')).toBe('Page 2, every layer shown');

    fireEvent.click(within(redaction).getByTestId('show-page'));
    expect(within(redaction).getByTestId('page-preview')).toBeTruthy();
    expect(within(redaction).queryByTestId('show-hidden-layers')).toBeNull();
  });

  it('offers to show the first page of a finding that names pages, and nothing for a finding without pages', async () => {
    const { redaction, metadata } = await openFindings();
    const show = within(redaction).getByTestId('show-page');
    expect(show.textContent).toBe('Show page 3');
    expect(show.getAttribute('aria-expanded')).toBe('false');
    expect(within(metadata).queryByTestId('show-page')).toBeNull();
  });

  it('reads the selected document’s bytes only when a page is shown', async () => {
    const { bridge, redaction } = await openFindings();
    bridge.answer('documents.content', () => {
      throw bridgeError('document.copy-missing', "ECF Desk's saved copy of this document is missing.");
    });
    expect(bridge.channels()).not.toContain('documents.content');
    fireEvent.click(within(redaction).getByTestId('show-page'));
    await waitFor(() =>
      expect(bridge.calls.filter((call) => call.channel === 'documents.content').map((call) => call.args)).toEqual([
        { id: 'd1' },
      ]),
    );
    expect(within(redaction).getByTestId('show-page').getAttribute('aria-expanded')).toBe('true');
  });

  it('says plainly when the page cannot be drawn, and tries again on request', async () => {
    const { bridge, redaction } = await openFindings();
    bridge.answer('documents.content', () => {
      throw bridgeError('document.copy-missing', "ECF Desk's saved copy of this document is missing.");
    });
    fireEvent.click(within(redaction).getByTestId('show-page'));
    const alert = await within(redaction).findByRole('alert');
    expect(alert.textContent).toContain(
      "Page 3 could not be drawn. ECF Desk's saved copy of this document is missing.",
    );
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(bridge.channels().filter((channel) => channel === 'documents.content')).toHaveLength(2));
  });

  it('steps between the finding’s pages in page order with Previous and Next', async () => {
    const { bridge, redaction } = await openFindings();
    bridge.answer('documents.content', () => new Promise<Uint8Array<ArrayBuffer>>(() => undefined));
    fireEvent.click(within(redaction).getByTestId('show-page'));
    expect(within(redaction).getByTestId('page-preview').dataset.page).toBe('3');
    expect(within(redaction).getByTestId('page-preview').dataset.state).toBe('loading');
    expect(within(redaction).getByRole('status').textContent).toBe('Drawing page 3…');
    expect((within(redaction).getByTestId('previous-page') as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(redaction).getByTestId('next-page'));
    expect(within(redaction).getByTestId('page-preview').dataset.page).toBe('7');
    expect(within(redaction).getByText('Page 7 (2 of 3 in this finding)')).toBeTruthy();
    fireEvent.click(within(redaction).getByTestId('next-page'));
    expect(within(redaction).getByTestId('page-preview').dataset.page).toBe('12');
    expect((within(redaction).getByTestId('next-page') as HTMLButtonElement).disabled).toBe(true);
    expect(within(redaction).getByTestId('previous-page').textContent).toBe('Previous: page 7');

    fireEvent.click(within(redaction).getByTestId('show-page'));
    expect(within(redaction).queryByTestId('page-preview')).toBeNull();
    expect(within(redaction).getByTestId('show-page').textContent).toBe('Show page 3');
  });
});
