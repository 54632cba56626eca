import { describe, expect, it } from 'vitest';
import { findEncrypted } from '../../../src-main/core/preflight/checks/encrypted';
import { buildPdf, runCheck, withEncryption } from '../../support/preflight-pdfs';

describe('encrypted', () => {
  it('blocks a file that opens without a password but has restrictions, and offers a clean copy', async () => {
    const findings = await runCheck(findEncrypted, await buildPdf(withEncryption('')));
    expect(findings).toMatchObject([{ code: 'encrypted', severity: 'block', fixes: ['clean-copy'] }]);
    expect(findings[0]?.message).toContain('opens without a password');
    expect(findings[0]?.message).toContain('security measures in effect');
  });

  it('blocks a file that needs a password and offers no fix ECF Desk cannot perform', async () => {
    const findings = await runCheck(findEncrypted, await buildPdf(withEncryption('client-secret')));
    expect(findings).toMatchObject([{ code: 'encrypted', severity: 'block' }]);
    expect(findings[0]?.fixes).toBeUndefined();
    expect(findings[0]?.message).toContain('needs a password to open');
  });

  it('says nothing about an unprotected file', async () => {
    expect(await runCheck(findEncrypted, await buildPdf())).toEqual([]);
  });
});
