import { describe, expect, it } from 'vitest';
import { findLinks } from '../../../src-main/core/preflight/checks/links';
import { buildPdf, runCheck, withLaunchLink, withWebLink } from '../../support/preflight-pdfs';

describe('links', () => {
  it('lists each web address once, for the record, with the pages that link to it', async () => {
    const pdf = await buildPdf(
      async (document) => {
        await withWebLink('https://www.cit.uscourts.gov/', 0)(document);
        await withWebLink('https://www.cit.uscourts.gov/', 2)(document);
      },
      { pages: 3 },
    );
    expect(await runCheck(findLinks, pdf)).toMatchObject([
      { code: 'links', severity: 'info', pages: [1, 3], text: ['https://www.cit.uscourts.gov/'] },
    ]);
  });

  it('says nothing about a link that is not a web address', async () => {
    expect(await runCheck(findLinks, await buildPdf(withLaunchLink))).toEqual([]);
  });
});
