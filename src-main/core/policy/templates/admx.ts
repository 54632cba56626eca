import { policyCatalog, policyKeys, type PolicyKey } from '../../../shared/policy-catalog';
import { escapeXml } from '../../html/escape-markup';
import { enumItemId, groupPolicyNames as names } from './xml-text';

/**
 * The Group Policy definitions (ecf-desk.admx): one policy per catalog key, class Both so it can be set for the
 * machine (HKLM) or a user (HKCU) under SOFTWARE\Policies\ECF Desk. Booleans are the policy's own
 * enabled (DWORD 1) and disabled (DWORD 0); enums a drop-down writing REG_SZ; text a text box; integers a
 * decimal box writing a DWORD; lists a Group Policy list writing values 1, 2, 3… under a subkey named after the key.
 */
export function renderAdmx(): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">',
    '  <policyNamespaces>',
    `    <target prefix="${names.prefix}" namespace="${names.namespace}" />`,
    '  </policyNamespaces>',
    '  <resources minRequiredRevision="1.0" />',
    '  <supportedOn>',
    '    <definitions>',
    `      <definition name="${names.supportedOn}" displayName="$(string.${names.supportedOn})" />`,
    '    </definitions>',
    '  </supportedOn>',
    '  <categories>',
    `    <category name="${names.category}" displayName="$(string.${names.category})" />`,
    '  </categories>',
    '  <policies>',
    ...policyKeys.flatMap(renderPolicy),
    '  </policies>',
    '</policyDefinitions>',
    '',
  ].join('\n');
}

function renderPolicy(key: PolicyKey): string[] {
  const spec = policyCatalog[key];
  const hasElements = spec.type !== 'boolean';
  const opening = [
    `    <policy name="${key}" class="Both" displayName="$(string.${key})" explainText="$(string.${key}_Explain)"`,
    hasElements ? ` presentation="$(presentation.${key})"` : '',
    ` key="${escapeXml(names.registryKey)}"`,
    hasElements ? '' : ` valueName="${key}"`,
    '>',
  ].join('');
  const common = [
    `      <parentCategory ref="${names.category}" />`,
    `      <supportedOn ref="${names.supportedOn}" />`,
  ];
  return [opening, ...common, ...renderValue(key), '    </policy>'];
}

function renderValue(key: PolicyKey): string[] {
  const spec = policyCatalog[key];
  switch (spec.type) {
    case 'boolean':
      return [
        '      <enabledValue>',
        '        <decimal value="1" />',
        '      </enabledValue>',
        '      <disabledValue>',
        '        <decimal value="0" />',
        '      </disabledValue>',
      ];
    case 'enum':
      return elements([
        `        <enum id="${key}" valueName="${key}" required="true">`,
        ...spec.values.flatMap((value) => [
          `          <item displayName="$(string.${enumItemId(key, value)})">`,
          `            <value><string>${escapeXml(value)}</string></value>`,
          '          </item>',
        ]),
        '        </enum>',
      ]);
    case 'string':
      return elements([`        <text id="${key}" valueName="${key}" maxLength="2048" required="true" />`]);
    case 'integer':
      return elements([
        `        <decimal id="${key}" valueName="${key}" minValue="${spec.minimum}" maxValue="${spec.maximum}" required="true" />`,
      ]);
    case 'string-list':
      return elements([
        `        <list id="${key}" key="${escapeXml(`${names.registryKey}\\${key}`)}" valuePrefix="" />`,
      ]);
  }
}

function elements(lines: string[]): string[] {
  return ['      <elements>', ...lines, '      </elements>'];
}
