import { describe, expect, it } from 'vitest';
import { preflightReport } from '../../../src-main/shared/preflight';
import { preflightPdf } from '../../../src-main/core/preflight/run-preflight';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { allChecks } from '../../../src-main/core/preflight/checks/index';
import { buildPdf, withComment, withLaunchLink, withPageSizes } from '../../support/preflight-pdfs';

describe('preflightPdf', () => {
  it('passes a clean letter-size document and counts its pages', async () => {
    const report = await preflightPdf(await buildPdf(undefined, { pages: 3 }));
    expect(report).toEqual({ bytes: expect.any(Number), pages: 3, verdict: 'pass', findings: [] });
  });

  it('passes a document with only informational findings', async () => {
    const report = await preflightPdf(await buildPdf(withPageSizes([[595.28, 841.89]])));
    expect(report.verdict).toBe('pass');
    expect(report.findings.map((finding) => finding.code)).toEqual(['page-size']);
  });

  it('warns when the worst finding is a warning', async () => {
    expect((await preflightPdf(await buildPdf(withComment(0)))).verdict).toBe('warn');
  });

  it('blocks when any finding blocks', async () => {
    expect((await preflightPdf(await buildPdf(withLaunchLink))).verdict).toBe('block');
  });

  it('reports no page count for a file that cannot be parsed', async () => {
    const report = await preflightPdf(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'));
    expect(report).toMatchObject({ pages: null, verdict: 'block' });
  });

  it('turns a check that throws into a finding instead of a crash', async () => {
    const failing = (): never => {
      throw new Error('unexpected object');
    };
    const report = await preflightPdf(await buildPdf(), citPreflightOptions, [failing]);
    expect(report).toMatchObject({ verdict: 'warn', findings: [{ code: 'malformed', severity: 'warn' }] });
  });

  it('produces reports the shared contract accepts', async () => {
    expect(preflightReport.safeParse(await preflightPdf(await buildPdf(withLaunchLink))).success).toBe(true);
  });

  it('runs every check by default in a stable order: structure and objects first, then page content', () => {
    expect(allChecks.map((check) => check.name)).toEqual([
      'findNotPdf',
      'findMalformed',
      'findPageTreeProblems',
      'findTooLarge',
      'findEncrypted',
      'findActiveContent',
      'findEmbeddedFiles',
      'findMultimedia',
      'findUnappliedRedactions',
      'findEarlierRevisions',
      'findMetadata',
      'findHiddenLayers',
      'findAnnotations',
      'findForms',
      'findLinks',
      'findFontsNotEmbedded',
      'findPageSize',
      'findBadRedactions',
      'findHiddenText',
      'findUnreadablePages',
      'findImageOnlyPages',
      'findLowResolutionImages',
    ]);
  });
});
