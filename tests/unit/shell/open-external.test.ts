import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.hoisted(() => vi.fn<(url: string) => Promise<void>>());
vi.mock('electron', () => ({ shell: { openExternal } }));

const { openExternalSafely } = await import('../../../src-main/shell/open-external');

describe('openExternalSafely', () => {
  beforeEach(() => {
    openExternal.mockReset();
    openExternal.mockResolvedValue(undefined);
  });

  it('hands an allowlisted court link to the browser', async () => {
    await expect(openExternalSafely('https://ecf.cit.uscourts.gov/')).resolves.toBe(true);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://ecf.cit.uscourts.gov/');
  });

  it.each([
    'https://uscourts.gov.evil.com/',
    'http://ecf.cit.uscourts.gov/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
  ])('never launches anything for %s', async (url) => {
    await expect(openExternalSafely(url)).resolves.toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('reports failure instead of rejecting when no browser takes the link', async () => {
    openExternal.mockRejectedValue(new Error('no handler for https'));
    await expect(openExternalSafely('https://pacer.uscourts.gov/')).resolves.toBe(false);
  });
});
