import { describe, expect, it } from 'vitest';
import { findPageSize } from '../../../src-main/core/preflight/checks/page-size';
import { buildPdf, runCheck, withPageSizes } from '../../support/preflight-pdfs';

describe('page-size', () => {
  it('lists an A4 page among letter pages', async () => {
    const findings = await runCheck(
      findPageSize,
      await buildPdf(
        withPageSizes([
          [612, 792],
          [595.28, 841.89],
        ]),
        { pages: 2 },
      ),
    );
    expect(findings).toMatchObject([
      { code: 'page-size', severity: 'info', pages: [2], text: ['8.27 × 11.69 in: page 2'] },
    ]);
  });

  it('accepts letter pages in landscape and within a point of the size', async () => {
    expect(
      await runCheck(
        findPageSize,
        await buildPdf(
          withPageSizes([
            [792, 612],
            [612.5, 791.4],
          ]),
          { pages: 2 },
        ),
      ),
    ).toEqual([]);
  });

  it('lists legal-size pages', async () => {
    expect((await runCheck(findPageSize, await buildPdf(withPageSizes([[612, 1008]]))))[0]?.pages).toEqual([1]);
  });
});
