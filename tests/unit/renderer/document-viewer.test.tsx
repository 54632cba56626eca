// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreviewDocument, TextRun } from '../../../src-renderer/preview/pdf-document';
import { createStores } from '../../../src-renderer/state/stores';
import { StoresProvider } from '../../../src-renderer/state/StoresProvider';
import { DocumentViewer } from '../../../src-renderer/viewer/DocumentViewer';
import { createFakeBridge } from './fake-bridge';

/** A line of text on a letter page, as pdf.js hands it over. */
function line(text: string, y = 700): TextRun {
  return { text, x: 72, y, width: text.length * 6, height: 12, endsLine: true };
}

/**
 * A document that draws nothing (jsdom has no canvas) but answers as pdf.js would: its page count, each page's size
 * and text, and every drawing asked of it, so a test can tell which pages were drawn and how wide.
 */
function fakeDocument(pages: readonly (readonly TextRun[])[]) {
  const drawn: { page: number; width: number }[] = [];
  const document: PreviewDocument = {
    pageCount: pages.length,
    pageSize: () => Promise.resolve({ width: 612, height: 792 }),
    pageText: (page) => Promise.resolve(pages[page - 1] ?? []),
    drawPage: (page, _canvas, cssWidth) => {
      drawn.push({ page, width: cssWidth });
      return Promise.resolve({
        viewport: {
          transform: [cssWidth / 612, 0, 0, -cssWidth / 612, 0, (792 * cssWidth) / 612],
          width: cssWidth,
          height: (792 * cssWidth) / 612,
        },
        done: Promise.resolve(),
        cancel: () => undefined,
      });
    },
    close: () => Promise.resolve(),
  };
  return { document, drawn };
}

const layoutWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');

// jsdom lays nothing out; the viewer draws only once it knows its width.
beforeEach(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 632 });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  if (layoutWidth) {
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', layoutWidth);
  }
});

function renderViewer(document: PreviewDocument, readBytes = () => Promise.resolve(new Uint8Array([37, 80, 68, 70]))) {
  render(
    <StoresProvider stores={createStores(createFakeBridge())}>
      <DocumentViewer
        name="Main Document"
        fileName="1-26-cv-00123-MMB Main Document.pdf"
        openDocument={() => Promise.resolve(document)}
        readBytes={readBytes}
      />
    </StoresProvider>,
  );
  return screen.findByRole('region', { name: 'Viewer: Main Document' });
}

async function shownPage(viewer: HTMLElement, page: number, of: number): Promise<void> {
  await waitFor(() => expect(within(viewer).getByTestId('viewer-page').dataset.page).toBe(String(page)));
  expect((within(viewer).getByLabelText('Page') as HTMLInputElement).value).toBe(String(page));
  expect(within(viewer).getByRole('group', { name: `Page ${page} of ${of}` })).toBeTruthy();
}

describe('the document viewer', () => {
  it('pages through with the buttons, PageUp/PageDown, the arrow keys, Home/End and the page field, drawing only the page shown', async () => {
    const { document, drawn } = fakeDocument(Array.from({ length: 200 }, (_, index) => [line(`Page ${index + 1}`)]));
    const viewer = await renderViewer(document);
    // Each page is looked at until it is drawn: one left before its drawing starts is rightly never drawn.
    const looked = async (page: number): Promise<void> => {
      await shownPage(viewer, page, 200);
      await waitFor(() => expect(drawn.at(-1)?.page).toBe(page));
    };
    await looked(1);
    const area = within(viewer).getByTestId('viewer-area');

    fireEvent.click(within(viewer).getByRole('button', { name: 'Next page' }));
    await looked(2);
    fireEvent.keyDown(area, { key: 'PageDown' });
    await looked(3);
    fireEvent.keyDown(area, { key: 'ArrowLeft' });
    await looked(2);
    fireEvent.keyDown(area, { key: 'End' });
    await looked(200);
    expect((within(viewer).getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(area, { key: 'PageUp' });
    await looked(199);

    const field = within(viewer).getByLabelText('Page');
    fireEvent.change(field, { target: { value: '57' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await looked(57);
    fireEvent.change(field, { target: { value: '900' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    await looked(200);
    // Past the end again, on the last page already: the field shows the page, not what was typed.
    fireEvent.change(field, { target: { value: '900' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect((field as HTMLInputElement).value).toBe('200');

    expect(new Set(drawn.map((drawing) => drawing.page))).toEqual(new Set([1, 2, 3, 200, 199, 57]));
  });

  it('starts another document at its first page with nothing searched, as when the reader moves to another notice', async () => {
    const first = fakeDocument([[line('One')], [line('Two')], [line('Three')]]);
    const second = fakeDocument([[line('Only page')]]);
    const stores = createStores(createFakeBridge());
    const viewerOf = (document: PreviewDocument) => (
      <StoresProvider stores={stores}>
        <DocumentViewer
          name="Main Document"
          fileName="Main Document.pdf"
          openDocument={() => Promise.resolve(document)}
          readBytes={() => Promise.resolve(new Uint8Array())}
        />
      </StoresProvider>
    );
    const { rerender } = render(viewerOf(first.document));
    const viewer = await screen.findByRole('region', { name: 'Viewer: Main Document' });
    await shownPage(viewer, 1, 3);
    fireEvent.keyDown(within(viewer).getByTestId('viewer-area'), { key: 'End' });
    await shownPage(viewer, 3, 3);
    fireEvent.change(within(viewer).getByLabelText('Find in document'), { target: { value: 'Three' } });

    rerender(viewerOf(second.document));

    const next = await screen.findByRole('region', { name: 'Viewer: Main Document' });
    await shownPage(next, 1, 1);
    expect((within(next).getByLabelText('Find in document') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('fits the page to its width, zooms in and out with the buttons and the + and - keys, and fits again', async () => {
    const { document, drawn } = fakeDocument([[line('One')]]);
    const viewer = await renderViewer(document);
    await waitFor(() => expect(drawn.at(-1)?.width).toBe(600));
    // 600 CSS pixels for a page 612 points (816 CSS pixels at 100%) wide.
    expect(within(viewer).getByTestId('viewer-zoom').textContent).toBe('Fit width (74%)');

    fireEvent.keyDown(within(viewer).getByTestId('viewer-area'), { key: '+' });
    await waitFor(() => expect(within(viewer).getByTestId('viewer-zoom').textContent).toBe('75%'));
    fireEvent.click(within(viewer).getByRole('button', { name: 'Zoom in' }));
    await waitFor(() => expect(drawn.at(-1)?.width).toBe(816));
    fireEvent.keyDown(within(viewer).getByTestId('viewer-area'), { key: '-' });
    await waitFor(() => expect(within(viewer).getByTestId('viewer-zoom').textContent).toBe('75%'));
    fireEvent.click(within(viewer).getByRole('button', { name: 'Fit width' }));
    await waitFor(() => expect(within(viewer).getByTestId('viewer-zoom').textContent).toBe('Fit width (74%)'));
  });

  it('finds words on every page, counts them, marks those on the page shown, and steps through them with Enter', async () => {
    const { document } = fakeDocument([
      [line('Plaintiff moves for'), line('judgment on the agency record', 680)],
      [line('No words here')],
      [line('Judgment'), line('on the agency', 680), line('record.', 660)],
    ]);
    const viewer = await renderViewer(document);
    await shownPage(viewer, 1, 3);
    const find = within(viewer).getByLabelText('Find in document');

    fireEvent.change(find, { target: { value: 'JUDGMENT ON THE AGENCY  record' } });
    await waitFor(() => expect(within(viewer).getByTestId('viewer-find-count').textContent).toBe('1 of 2 matches'));
    await waitFor(() => expect(within(viewer).getAllByTestId('viewer-match')).toHaveLength(1));

    fireEvent.keyDown(find, { key: 'Enter' });
    await shownPage(viewer, 3, 3);
    expect(within(viewer).getByTestId('viewer-find-count').textContent).toBe('2 of 2 matches');
    // The phrase crosses three lines there: one mark on each.
    await waitFor(() => expect(within(viewer).getAllByTestId('viewer-match')).toHaveLength(3));

    fireEvent.keyDown(find, { key: 'Enter', shiftKey: true });
    await shownPage(viewer, 1, 3);

    fireEvent.change(find, { target: { value: 'remand' } });
    await waitFor(() =>
      expect(within(viewer).getByTestId('viewer-find-count').textContent).toContain('No matches for “remand”'),
    );
    expect(within(viewer).queryAllByTestId('viewer-match')).toHaveLength(0);
  });

  it('saves a copy under its name, and prints every page through the window’s print dialog', async () => {
    const { document } = fakeDocument([[line('One')], [line('Two')]]);
    const created = vi.fn(() => 'blob:copy');
    vi.spyOn(URL, 'createObjectURL').mockImplementation(created);
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicks: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const viewer = await renderViewer(document);
    await shownPage(viewer, 1, 2);

    fireEvent.click(within(viewer).getByRole('button', { name: 'Save a copy' }));
    await waitFor(() => expect(clicks).toEqual(['1-26-cv-00123-MMB Main Document.pdf']));
    expect(within(viewer).getByTestId('viewer-notice').textContent).toContain('A copy is being saved');

    // jsdom has no canvas to turn into a picture: each drawn page becomes an empty PNG, which is enough to count them.
    vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback) =>
      callback(new Blob([], { type: 'image/png' })),
    );
    Object.defineProperty(HTMLImageElement.prototype, 'decode', {
      configurable: true,
      value: () => Promise.resolve(),
    });
    const printed: { pages: number; isAlone: boolean }[] = [];
    vi.spyOn(window, 'print').mockImplementation(() => {
      printed.push({
        pages: globalThis.document.querySelectorAll('.document-print img').length,
        isAlone: globalThis.document.body.classList.contains('is-printing-document'),
      });
    });
    fireEvent.click(within(viewer).getByRole('button', { name: 'Print…' }));

    await waitFor(() => expect(printed).toEqual([{ pages: 2, isAlone: true }]));
    await waitFor(() => expect(within(viewer).getByRole('button', { name: 'Print…' })).toBeTruthy());
    expect(globalThis.document.querySelector('.document-print')).toBeNull();
    expect(globalThis.document.body.classList.contains('is-printing-document')).toBe(false);
  });
});
