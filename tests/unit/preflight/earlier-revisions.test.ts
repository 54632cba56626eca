import { describe, expect, it } from 'vitest';
import { findEarlierRevisions } from '../../../src-main/core/preflight/checks/earlier-revisions';
import { appendIncrementalUpdate, buildPdf, runCheck } from '../../support/preflight-pdfs';

describe('earlier-revisions', () => {
  it('warns that an edited file still holds its earlier version, and offers a clean copy', async () => {
    const findings = await runCheck(findEarlierRevisions, appendIncrementalUpdate(await buildPdf()));
    expect(findings).toMatchObject([
      { code: 'earlier-revisions', severity: 'warn', fixes: ['clean-copy'], text: ['2 saved versions in one file'] },
    ]);
  });

  it('counts every appended edit', async () => {
    const twice = appendIncrementalUpdate(appendIncrementalUpdate(await buildPdf()));
    expect((await runCheck(findEarlierRevisions, twice))[0]?.text).toEqual(['3 saved versions in one file']);
  });

  it('says nothing about a file saved once', async () => {
    expect(await runCheck(findEarlierRevisions, await buildPdf())).toEqual([]);
  });
});
