import { describe, expect, it } from 'vitest';
import { findForms } from '../../../src-main/core/preflight/checks/forms';
import { citPreflightOptions } from '../../../src-main/core/preflight/check';
import { buildPdf, runCheck, withFormField } from '../../support/preflight-pdfs';

describe('forms', () => {
  it('warns about a fillable form at a court that accepts forms, and offers to flatten it', async () => {
    const findings = await runCheck(findForms, await buildPdf(withFormField));
    expect(findings).toMatchObject([{ code: 'forms', severity: 'warn', pages: [1], fixes: ['flatten-forms'] }]);
    expect(findings[0]?.message).toContain('1 form field');
  });

  it('blocks a fillable form at a court that requires flattened forms', async () => {
    const findings = await runCheck(findForms, await buildPdf(withFormField), {
      ...citPreflightOptions,
      formsMustBeFlattened: true,
    });
    expect(findings).toMatchObject([{ code: 'forms', severity: 'block' }]);
    expect(findings[0]?.message).toContain('must be flattened');
  });

  it('says nothing about a file without form fields', async () => {
    expect(await runCheck(findForms, await buildPdf())).toEqual([]);
  });
});
