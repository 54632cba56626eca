import { describe, expect, it } from 'vitest';
import { courtProfileId, defaultSettings, settings } from '../../../src-main/shared/domain';
import { policyCatalog, policyDefaults, policyKeys, readPolicyValue } from '../../../src-main/shared/policy-catalog';

describe('the policy catalog', () => {
  it('offers exactly the court profiles the app knows', () => {
    expect(policyCatalog.courtProfile.values).toEqual(courtProfileId.options);
    expect(policyCatalog.allowedCourtProfiles.values).toEqual(courtProfileId.options);
  });

  it('locks only settings that exist, with a default the settings schema accepts', () => {
    for (const key of policyKeys) {
      const { locks } = policyCatalog[key];
      if (locks === null) {
        continue;
      }
      expect(Object.keys(settings.shape)).toContain(locks);
      expect(settings.safeParse({ ...defaultSettings, [locks]: policyCatalog[key].default }).success).toBe(true);
    }
  });

  it('has defaults that pass its own reading', () => {
    for (const key of policyKeys) {
      expect(readPolicyValue(key, policyDefaults()[key])).toEqual({ ok: true, value: policyDefaults()[key] });
    }
  });
});

describe('readPolicyValue', () => {
  it('reads on/off from a DWORD, a registry string, or JSON', () => {
    expect(readPolicyValue('allowCredentialStorage', 1)).toEqual({ ok: true, value: true });
    expect(readPolicyValue('allowCredentialStorage', 0)).toEqual({ ok: true, value: false });
    expect(readPolicyValue('allowCredentialStorage', '1')).toEqual({ ok: true, value: true });
    expect(readPolicyValue('allowCredentialStorage', '0')).toEqual({ ok: true, value: false });
    expect(readPolicyValue('allowCredentialStorage', false)).toEqual({ ok: true, value: false });
  });

  it('refuses an on/off value that is neither, saying what to use', () => {
    const read = readPolicyValue('allowCredentialStorage', 'yes');
    expect(read).toEqual({ ok: false, reason: expect.stringContaining('"yes" is not on or off') });
    expect(readPolicyValue('allowCredentialStorage', 2).ok).toBe(false);
  });

  it('reads whole numbers in range from numbers and digit strings, and refuses the rest', () => {
    expect(readPolicyValue('noticeRetentionDays', 90)).toEqual({ ok: true, value: 90 });
    expect(readPolicyValue('mailboxPort', '993')).toEqual({ ok: true, value: 993 });
    expect(readPolicyValue('mailboxPort', 70000)).toEqual({ ok: false, reason: '70000 is outside 1 to 65535' });
    expect(readPolicyValue('noticeRetentionDays', 1.5)).toEqual({ ok: false, reason: '1.5 is not a whole number' });
    expect(readPolicyValue('noticeRetentionDays', 'ninety').ok).toBe(false);
  });

  it('reads only the listed choices of an enum', () => {
    expect(readPolicyValue('courtProfile', 'cit')).toEqual({ ok: true, value: 'cit' });
    expect(readPolicyValue('logLevel', ' debug ')).toEqual({ ok: true, value: 'debug' });
    expect(readPolicyValue('updateMode', 'sometimes')).toEqual({
      ok: false,
      reason: '"sometimes" is not one of none, manual, auto',
    });
  });

  it('reads lists from REG_MULTI_SZ arrays and from comma or newline separated text', () => {
    expect(readPolicyValue('externalLinkAllowlist', ['uscit.gov', 'Intranet.Example-Firm.com'])).toEqual({
      ok: true,
      value: ['uscit.gov', 'intranet.example-firm.com'],
    });
    expect(readPolicyValue('externalLinkAllowlist', 'uscit.gov, pacer.uscourts.gov\nexample.com')).toEqual({
      ok: true,
      value: ['uscit.gov', 'pacer.uscourts.gov', 'example.com'],
    });
    expect(readPolicyValue('allowedCourtProfiles', 'cit')).toEqual({ ok: true, value: ['cit'] });
  });

  it('refuses a list with an item it cannot use, naming the item', () => {
    expect(readPolicyValue('externalLinkAllowlist', ['https://uscit.gov'])).toEqual({
      ok: false,
      reason: expect.stringContaining('without https://'),
    });
    expect(readPolicyValue('allowedCourtProfiles', ['cit', 'sdny'])).toEqual({
      ok: false,
      reason: '"sdny" is not one of cit-training, cit',
    });
    expect(readPolicyValue('allowedCourtProfiles', [])).toEqual({ ok: false, reason: 'it needs at least 1 item' });
    expect(readPolicyValue('externalLinkAllowlist', 42).ok).toBe(false);
  });

  it('takes only https addresses for the update server', () => {
    expect(readPolicyValue('updateUrl', 'https://updates.example-firm.com/ecf-desk/')).toEqual({
      ok: true,
      value: 'https://updates.example-firm.com/ecf-desk/',
    });
    expect(readPolicyValue('updateUrl', 'http://updates.example-firm.com/')).toEqual({
      ok: false,
      reason: expect.stringContaining('not an https address'),
    });
    expect(readPolicyValue('updateUrl', '')).toEqual({ ok: true, value: '' });
  });

  it('refuses an empty text where empty means nothing', () => {
    expect(readPolicyValue('mailboxFolder', '  ')).toEqual({ ok: false, reason: 'it is empty' });
    expect(readPolicyValue('mailboxUser', 42)).toEqual({ ok: false, reason: '42 is not text' });
  });
});
