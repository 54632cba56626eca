import { policyCatalog, policyKeys, type PolicyKeySpec } from '../../../shared/policy-catalog';
import { linuxPolicyFile } from '../linux-policy-file';

/**
 * policy.sample.json: every key with its default, each after a `//key` comment saying what it does and which
 * values it takes. Keys starting with `//` are comments the reader skips.
 */
export function renderSamplePolicyJson(): string {
  const sample: Record<string, unknown> = {
    '//': `ECF Desk machine policy for Linux. Copy to ${linuxPolicyFile}: the file owned by root with mode 644, its folder owned by root with mode 755, or ECF Desk ignores it and says why in its log. Every key in the file is enforced, so delete the ones you do not want to manage. Keys starting with // are comments.`,
  };
  for (const key of policyKeys) {
    const spec: PolicyKeySpec = policyCatalog[key];
    sample[`//${key}`] =
      `${spec.description} ${allowedValues(spec)}${spec.locks === null ? '' : " Locks the user's own setting."}`;
    sample[key] = spec.default;
  }
  return `${JSON.stringify(sample, null, 2)}\n`;
}

function allowedValues(spec: PolicyKeySpec): string {
  switch (spec.type) {
    case 'boolean':
      return 'Values: true or false.';
    case 'enum':
      return `Values: ${spec.values.join(', ')}.`;
    case 'integer':
      return `Values: ${spec.minimum} to ${spec.maximum}.`;
    case 'string':
      return spec.format === 'https-url'
        ? 'Value: an https:// address.'
        : spec.format === 'host'
          ? 'Value: a host name.'
          : 'Value: text.';
    case 'string-list':
      return spec.values === undefined ? 'Value: a list of text.' : `Value: a list of ${spec.values.join(', ')}.`;
  }
}
