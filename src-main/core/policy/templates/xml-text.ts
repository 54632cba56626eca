/** The Group Policy template's names for ECF Desk: its namespace, category, support string and registry key. */
export const groupPolicyNames = {
  namespace: 'ECFDesk.Policies.ECFDesk',
  prefix: 'ecfdesk',
  category: 'ECFDesk',
  supportedOn: 'SUPPORTED_ECFDesk_0_1',
  registryKey: 'SOFTWARE\\Policies\\ECF Desk',
} as const;

/** The string id of one enum choice (ADMX ids allow letters, digits and underscores). */
export function enumItemId(key: string, value: string): string {
  return `${key}_${value.replace(/[^A-Za-z0-9]/g, '_')}`;
}
