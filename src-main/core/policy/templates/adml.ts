import { policyCatalog, policyKeys, type PolicyKey, type PolicyKeySpec } from '../../../shared/policy-catalog';
import { escapeXml } from '../../html/escape-markup';
import { enumItemId, groupPolicyNames as names } from './xml-text';

/** The English strings and presentations (en-US/ecf-desk.adml) the ADMX refers to, from the catalog's words. */
export function renderAdml(): string {
  const strings: [string, string][] = [
    [names.category, 'ECF Desk'],
    [names.supportedOn, 'ECF Desk 0.1 and later'],
    ...policyKeys.flatMap(policyStrings),
  ];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <displayName>ECF Desk</displayName>',
    '  <description>Machine policy for ECF Desk, the desktop client for CM/ECF.</description>',
    '  <resources>',
    '    <stringTable>',
    ...strings.map(([id, text]) => `      <string id="${id}">${escapeXml(text)}</string>`),
    '    </stringTable>',
    '    <presentationTable>',
    ...policyKeys.flatMap(presentation),
    '    </presentationTable>',
    '  </resources>',
    '</policyDefinitionResources>',
    '',
  ].join('\n');
}

function policyStrings(key: PolicyKey): [string, string][] {
  const spec: PolicyKeySpec = policyCatalog[key];
  const items: [string, string][] =
    spec.type === 'enum' ? spec.values.map((value) => [enumItemId(key, value), value]) : [];
  return [[key, spec.title], [`${key}_Explain`, explain(key, spec)], ...items];
}

function explain(key: PolicyKey, spec: PolicyKeySpec): string {
  return [
    spec.description,
    '',
    `Registry value: ${key} (${registryType(spec)}). ${howToSet(spec)}`,
    `Not configured: ${spec.locks === null ? 'the default applies' : "the user's own setting applies"} (default: ${describeDefault(spec)}).`,
  ].join('\n');
}

function registryType(spec: PolicyKeySpec): string {
  switch (spec.type) {
    case 'boolean':
    case 'integer':
      return 'REG_DWORD';
    case 'string-list':
      return `values 1, 2, 3... in the subkey of that name, or one REG_MULTI_SZ`;
    default:
      return 'REG_SZ';
  }
}

function howToSet(spec: PolicyKeySpec): string {
  switch (spec.type) {
    case 'boolean':
      return 'Enabled: on (1). Disabled: off (0).';
    case 'enum':
      return `One of: ${spec.values.join(', ')}.`;
    case 'integer':
      return `A whole number from ${spec.minimum} to ${spec.maximum}.`;
    case 'string':
      return spec.format === 'https-url'
        ? 'An address starting with https://.'
        : spec.format === 'host'
          ? 'A host name, without https://.'
          : 'Text.';
    case 'string-list':
      return spec.values === undefined
        ? 'One entry per line.'
        : `One entry per line, each one of: ${spec.values.join(', ')}.`;
  }
}

function describeDefault(spec: PolicyKeySpec): string {
  if (spec.type === 'boolean') {
    return spec.default ? 'on' : 'off';
  }
  if (spec.type === 'string-list') {
    return spec.default.length === 0 ? 'none' : spec.default.join(', ');
  }
  if (spec.type === 'string' && spec.default === '') {
    return 'not set';
  }
  return String(spec.default);
}

function presentation(key: PolicyKey): string[] {
  const spec: PolicyKeySpec = policyCatalog[key];
  const title = escapeXml(spec.title);
  switch (spec.type) {
    case 'boolean':
      return [];
    case 'enum':
      return wrap(
        key,
        `<dropdownList refId="${key}" noSort="true" defaultItem="${spec.values.indexOf(spec.default)}">${title}</dropdownList>`,
      );
    case 'string': {
      const defaultValue = spec.default === '' ? '' : `<defaultValue>${escapeXml(spec.default)}</defaultValue>`;
      return wrap(key, `<textBox refId="${key}"><label>${title}</label>${defaultValue}</textBox>`);
    }
    case 'integer':
      return wrap(key, `<decimalTextBox refId="${key}" defaultValue="${spec.default}">${title}</decimalTextBox>`);
    case 'string-list':
      return wrap(key, `<listBox refId="${key}">${title}</listBox>`);
  }
}

function wrap(key: PolicyKey, element: string): string[] {
  return [`      <presentation id="${key}">`, `        ${element}`, '      </presentation>'];
}
