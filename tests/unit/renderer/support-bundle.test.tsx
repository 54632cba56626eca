// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SupportBundle, supportBundleFileName } from '../../../src-renderer/settings/SupportBundle';
import { createStores } from '../../../src-renderer/state/stores';
import { StoresProvider } from '../../../src-renderer/state/StoresProvider';
import { bridgeError, createFakeBridge, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

const { createObjectURL, revokeObjectURL } = URL;

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = revokeObjectURL;
});

/** Catches what the page offers as a download: the object URL's blob and the link's file name. */
function catchDownloads(): { readonly blobs: Blob[]; readonly names: string[] } {
  const blobs: Blob[] = [];
  const names: string[] = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:support';
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

/** The Support section alone, over the stores the app builds on this bridge. */
function renderSupport(bridge: FakeBridge): void {
  render(
    <StoresProvider stores={createStores(bridge)}>
      <SupportBundle />
    </StoresProvider>,
  );
}

describe('the Support section', () => {
  it('is on the Settings screen, saying what a bundle holds and what it never holds', async () => {
    renderApp(createFakeBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const section = await screen.findByTestId('settings-support');

    expect(within(section).getByRole('heading', { name: 'Support' })).toBeTruthy();
    const button = within(section).getByRole('button', { name: 'Export a support bundle…' });
    const description = button.getAttribute('aria-describedby') ?? '';
    const contents = document.getElementById(description)?.textContent ?? '';
    expect(contents).toMatch(
      /versions.*settings.*policy.*court.*log.*email addresses, case numbers and links taken out/s,
    );
    expect(contents).toMatch(
      /never holds your documents, your filings or notices, or any password, authenticator secret or court session/,
    );
  });

  it('downloads the bundle main made as “ECF Desk support <date>.json.gz”', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 30, 9, 30));
    const downloads = catchDownloads();
    const bridge = createFakeBridge();
    renderSupport(bridge);

    fireEvent.click(screen.getByRole('button', { name: 'Export a support bundle…' }));

    await waitFor(() => expect(downloads.names).toEqual(['ECF Desk support 2026-11-30.json.gz']));
    expect(bridge.calls.filter((call) => call.channel === 'support.exportBundle').map((call) => call.args)).toEqual([
      {},
    ]);
    expect(downloads.blobs.map((blob) => [blob.type, blob.size])).toEqual([['application/gzip', 4]]);
    // The button comes back once the export has ended, a moment after the download starts.
    expect(await screen.findByRole('button', { name: 'Export a support bundle…' })).toHaveProperty('disabled', false);
  });

  it('shows the button busy while main makes the bundle, so it is not asked for twice', async () => {
    catchDownloads();
    const bridge = createFakeBridge();
    let finish: (bytes: Uint8Array<ArrayBuffer>) => void = () => undefined;
    bridge.answer('support.exportBundle', () => new Promise<Uint8Array<ArrayBuffer>>((resolve) => (finish = resolve)));
    renderSupport(bridge);

    fireEvent.click(screen.getByRole('button', { name: 'Export a support bundle…' }));

    const busy = await screen.findByRole('button', { name: 'Exporting…' });
    expect(busy).toHaveProperty('disabled', true);
    finish(new Uint8Array([0x1f, 0x8b]));
    await screen.findByRole('button', { name: 'Export a support bundle…' });
  });

  it('says why in the section when the bundle cannot be made, and downloads nothing', async () => {
    const downloads = catchDownloads();
    const bridge = createFakeBridge();
    bridge.answer('support.exportBundle', () => {
      throw bridgeError('internal', 'The app log could not be read.');
    });
    renderSupport(bridge);

    fireEvent.click(screen.getByRole('button', { name: 'Export a support bundle…' }));

    expect((await screen.findByRole('alert')).textContent).toBe(
      'The support bundle could not be made. The app log could not be read.',
    );
    expect(downloads.names).toEqual([]);
  });

  it('dates the file by the user’s own calendar, with two-digit months and days', () => {
    expect(supportBundleFileName(new Date(2027, 0, 5, 23, 59))).toBe('ECF Desk support 2027-01-05.json.gz');
  });
});
