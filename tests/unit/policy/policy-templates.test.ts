// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPolicyTemplates } from '../../../src-main/core/policy/templates/policy-templates';
import { sampleForcedPreferences } from '../../../src-main/core/policy/templates/mobileconfig';
import { policyCatalog, policyKeys, readPolicyValue, type PolicyKey } from '../../../src-main/shared/policy-catalog';

const assets = path.resolve(__dirname, '../../../assets/policy');
const templates = renderPolicyTemplates();

function parseXml(text: string): Document {
  const document = new DOMParser().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error !== undefined) {
    throw new Error(`Not well-formed XML: ${error.textContent ?? ''}`);
  }
  return document;
}

function attributes(document: Document, tag: string, name: string): string[] {
  return [...document.getElementsByTagName(tag)].map((element) => element.getAttribute(name) ?? '');
}

describe('the policy templates in assets/policy', () => {
  it.each(Object.keys(templates))('%s is what `npm run policy-templates` writes from the catalog today', (name) => {
    expect(readFileSync(path.join(assets, name), 'utf8')).toBe(templates[name]);
  });

  it('are well-formed XML where they are XML', () => {
    expect(() => parseXml('<policy><elements></policy>')).toThrow(/Not well-formed/);
    for (const name of ['ecf-desk.admx', 'en-US/ecf-desk.adml', 'com.ecfdesk.app.mobileconfig']) {
      expect(() => parseXml(templates[name] ?? ''), name).not.toThrow();
    }
  });

  it('define one Group Policy per catalog key, for machine or user, under SOFTWARE\\Policies\\ECF Desk', () => {
    const admx = parseXml(templates['ecf-desk.admx'] ?? '');
    const policies = [...admx.getElementsByTagName('policy')];
    expect(policies.map((policy) => policy.getAttribute('name'))).toEqual(policyKeys);
    for (const policy of policies) {
      expect(policy.getAttribute('class')).toBe('Both');
      expect(policy.getAttribute('key')).toBe('SOFTWARE\\Policies\\ECF Desk');
      expect(policy.getElementsByTagName('parentCategory')[0]?.getAttribute('ref')).toBe('ECFDesk');
    }
  });

  it('write on/off as DWORD 1 and 0, integers as decimals, lists as numbered values in a subkey', () => {
    const admx = parseXml(templates['ecf-desk.admx'] ?? '');
    const policy = (key: PolicyKey): Element =>
      [...admx.getElementsByTagName('policy')].find((element) => element.getAttribute('name') === key) as Element;
    const allow = policy('allowCredentialStorage');
    expect(allow.getAttribute('valueName')).toBe('allowCredentialStorage');
    expect(allow.querySelector('enabledValue decimal')?.getAttribute('value')).toBe('1');
    expect(allow.querySelector('disabledValue decimal')?.getAttribute('value')).toBe('0');
    expect(policy('noticeRetentionDays').querySelector('decimal')?.getAttribute('maxValue')).toBe(
      String(policyCatalog.noticeRetentionDays.maximum),
    );
    expect(
      [...policy('logLevel').querySelectorAll('enum item value string')].map((element) => element.textContent),
    ).toEqual(policyCatalog.logLevel.values);
    expect(policy('updateUrl').querySelector('text')?.getAttribute('valueName')).toBe('updateUrl');
    const list = policy('externalLinkAllowlist').querySelector('list');
    expect(list?.getAttribute('key')).toBe('SOFTWARE\\Policies\\ECF Desk\\externalLinkAllowlist');
    expect(list?.getAttribute('valuePrefix')).toBe('');
  });

  it('have a string and a presentation in the ADML for every one the ADMX refers to', () => {
    const admx = templates['ecf-desk.admx'] ?? '';
    const adml = parseXml(templates['en-US/ecf-desk.adml'] ?? '');
    const strings = new Set(attributes(adml, 'string', 'id'));
    const presentations = new Set(attributes(adml, 'presentation', 'id'));
    for (const [, kind, id] of admx.matchAll(/\$\((string|presentation)\.([^)]+)\)/g)) {
      expect(kind === 'string' ? strings.has(id ?? '') : presentations.has(id ?? ''), `${kind}.${id}`).toBe(true);
    }
    for (const refId of attributes(adml, '*', 'refId').filter((id) => id !== '')) {
      expect(policyKeys, refId).toContain(refId);
    }
  });

  it('force the court and keychain use in the sample macOS profile, with values the app accepts', () => {
    const profile = parseXml(templates['com.ecfdesk.app.mobileconfig'] ?? '');
    const keys = [...profile.getElementsByTagName('key')].map((element) => element.textContent);
    expect(keys).toEqual(
      expect.arrayContaining([
        'com.ecfdesk.app',
        'Forced',
        'mcx_preference_settings',
        'courtProfile',
        'allowCredentialStorage',
      ]),
    );
    expect([...profile.getElementsByTagName('string')].map((element) => element.textContent)).toContain(
      'com.apple.ManagedClient.preferences',
    );
    for (const [key, value] of Object.entries(sampleForcedPreferences)) {
      expect(readPolicyValue(key as PolicyKey, value).ok).toBe(true);
    }
  });

  it('list every key with its default and a comment in policy.sample.json', () => {
    const sample = JSON.parse(templates['policy.sample.json'] ?? '') as Record<string, unknown>;
    for (const key of policyKeys) {
      expect(sample[key]).toEqual(policyCatalog[key].default);
      expect(sample[`//${key}`]).toEqual(expect.stringContaining(policyCatalog[key].description));
    }
  });
});
