import type { PolicyValues } from '../../../shared/policy-catalog';
import { macPreferencesDomain } from '../macos-managed-preferences';
import { escapeXml } from '../../html/escape-markup';

/** The values the sample profile forces: the real court, and no passwords kept in the keychain. */
export const sampleForcedPreferences: Partial<PolicyValues> = { courtProfile: 'cit', allowCredentialStorage: false };

// Fixed, so the generated file only changes when the catalog does; an MDM replaces them on import.
const profileUuid = '3F1C2A8E-6B4D-4E0A-9C51-ECFD00000001';
const payloadUuid = '3F1C2A8E-6B4D-4E0A-9C51-ECFD00000002';

/**
 * A sample macOS configuration profile (com.ecfdesk.app.mobileconfig) whose com.apple.ManagedClient.preferences
 * payload forces ECF Desk's preferences; macOS writes them to /Library/Managed Preferences, where the app reads them.
 */
export function renderMobileconfig(): string {
  const forced = Object.entries(sampleForcedPreferences).flatMap(([key, value]) => [
    `<key>${escapeXml(key)}</key>`,
    plistValue(value),
  ]);
  const lines = [
    '<dict>',
    '<key>PayloadContent</key>',
    '<array>',
    '<dict>',
    '<key>PayloadContent</key>',
    '<dict>',
    `<key>${macPreferencesDomain}</key>`,
    '<dict>',
    '<key>Forced</key>',
    '<array>',
    '<dict>',
    '<key>mcx_preference_settings</key>',
    '<dict>',
    ...forced,
    '</dict>',
    '</dict>',
    '</array>',
    '</dict>',
    '</dict>',
    ...entry('PayloadDisplayName', '<string>ECF Desk preferences</string>'),
    ...entry('PayloadIdentifier', `<string>${macPreferencesDomain}.policy.preferences</string>`),
    ...entry('PayloadType', '<string>com.apple.ManagedClient.preferences</string>'),
    ...entry('PayloadUUID', `<string>${payloadUuid}</string>`),
    ...entry('PayloadVersion', '<integer>1</integer>'),
    '</dict>',
    '</array>',
    ...entry(
      'PayloadDescription',
      `<string>${escapeXml('Sample ECF Desk policy: files with the Court of International Trade and keeps no PACER passwords in the keychain. Add other keys from policy.sample.json under mcx_preference_settings.')}</string>`,
    ),
    ...entry('PayloadDisplayName', '<string>ECF Desk policy (sample)</string>'),
    ...entry('PayloadIdentifier', `<string>${macPreferencesDomain}.policy</string>`),
    ...entry('PayloadScope', '<string>System</string>'),
    ...entry('PayloadType', '<string>Configuration</string>'),
    ...entry('PayloadUUID', `<string>${profileUuid}</string>`),
    ...entry('PayloadVersion', '<integer>1</integer>'),
    '</dict>',
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...indent(lines),
    '</plist>',
    '',
  ].join('\n');
}

function entry(key: string, value: string): string[] {
  return [`<key>${key}</key>`, value];
}

function plistValue(value: unknown): string {
  if (typeof value === 'boolean') {
    return value ? '<true/>' : '<false/>';
  }
  if (typeof value === 'number') {
    return `<integer>${value}</integer>`;
  }
  if (Array.isArray(value)) {
    return `<array>${value.map(plistValue).join('')}</array>`;
  }
  return `<string>${escapeXml(String(value))}</string>`;
}

/** Indents by nesting: one tab per open dict/array, as Apple's tools write plists. */
function indent(lines: string[]): string[] {
  let depth = 0;
  return lines.map((line) => {
    if (/^<\/(dict|array)>$/.test(line)) {
      depth -= 1;
    }
    const indented = `${'\t'.repeat(depth)}${line}`;
    if (/^<(dict|array)>$/.test(line)) {
      depth += 1;
    }
    return indented;
  });
}
