import { describe, expect, it } from 'vitest';
import { findAnnotations } from '../../../src-main/core/preflight/checks/annotations';
import { addAnnotation, buildPdf, runCheck, withComment, withWebLink } from '../../support/preflight-pdfs';

describe('annotations', () => {
  it('warns about a comment and names its page', async () => {
    const findings = await runCheck(findAnnotations, await buildPdf(withComment(1), { pages: 2 }));
    expect(findings).toMatchObject([
      { code: 'annotations', severity: 'warn', pages: [2], text: ['Text (1) on page 2'] },
    ]);
  });

  it('calls out a comment hidden from view', async () => {
    const findings = await runCheck(findAnnotations, await buildPdf(withComment(0, true)));
    expect(findings[0]?.text).toContain('1 hidden from view on page 1');
    expect(findings[0]?.message).toContain('hidden from view');
  });

  it('does not count the pop-up window of a comment as another comment', async () => {
    const pdf = await buildPdf(async (document) => {
      await withComment(0)(document);
      addAnnotation(document, 0, { Subtype: 'Popup', Rect: [400, 600, 500, 700] });
    });
    expect((await runCheck(findAnnotations, pdf))[0]?.text).toEqual(['Text (1) on page 1']);
  });

  it('says nothing about links, which are not comments', async () => {
    expect(await runCheck(findAnnotations, await buildPdf(withWebLink('https://www.cit.uscourts.gov/')))).toEqual([]);
  });
});
